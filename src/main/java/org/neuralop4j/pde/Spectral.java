package org.neuralop4j.pde;

/** Wavenumbers on the periodic unit domain and the 2/3 dealiasing rule, shared by the spectral solvers. */
final class Spectral {
    private Spectral() {}

    /** Signed integer frequency of FFT bin k of n (numpy's fftfreq times n). */
    static int freq(int k, int n) {
        return k <= (n - 1) / 2 ? k : k - n;
    }

    /** Orszag's 2/3 rule: modes with |frequency| above n/3 are zeroed after each product. */
    static boolean kept(int k, int n) {
        return Math.abs(freq(k, n)) <= n / 3;
    }
}
