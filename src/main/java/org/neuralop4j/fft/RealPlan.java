package org.neuralop4j.fft;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The DFT of a real sequence of length n, returning the n/2+1 bins of the non-negative
 * frequencies (the rest follow from Hermitian symmetry, {@code X[n−k] = conj(X[k])}), and its
 * inverse. Both unnormalized: {@code inverse(forward(x)) = n·x}.
 *
 * <p>For even n the real sequence is packed into a complex one of half the length,
 * {@code z[j] = x[2j] + i·x[2j+1]}, whose transform Z splits into the transforms of the even and
 * odd samples, {@code E[k] = (Z[k] + conj Z[h−k])/2} and {@code O[k] = (Z[k] − conj Z[h−k])/(2i)},
 * and then {@code X[k] = E[k] + e^{−2πik/n}·O[k]} (h = n/2); the inverse undoes these steps. This
 * halves the work of a full complex transform. Odd n uses the full complex transform.
 */
final class RealPlan {
    private static final ConcurrentHashMap<Integer, RealPlan> CACHE = new ConcurrentHashMap<>();

    final int n;
    private final int h;
    private final Plan plan; // length h for even n, n for odd n
    private final double[] tr, ti; // e^{-2πik/n}, k = 0..h

    private RealPlan(int n) {
        this.n = n;
        this.h = n / 2;
        boolean even = n % 2 == 0;
        plan = Plan.of(even ? h : n);
        tr = new double[h + 1];
        ti = new double[h + 1];
        for (int k = 0; k <= h; k++) {
            double a = 2 * Math.PI * k / n;
            tr[k] = Math.cos(a);
            ti[k] = -Math.sin(a);
        }
    }

    static RealPlan of(int n) {
        if (n < 1) throw new IllegalArgumentException("FFT length must be at least 1, got " + n);
        RealPlan p = CACHE.get(n);
        if (p == null) {
            p = new RealPlan(n);
            RealPlan prev = CACHE.putIfAbsent(n, p);
            if (prev != null) p = prev;
        }
        return p;
    }

    /** Scratch for one caller: two lines of the inner complex length, then the inner plan's own. */
    Work newWork() {
        int len = n % 2 == 0 ? h : n;
        return new Work(new double[len], new double[len], plan.newWork());
    }

    record Work(double[] zr, double[] zi, double[][] inner) {}

    /** x[0..n) → bins X[0..n/2] written to (outRe, outIm)[0..n/2]; outRe may be x (x is read first). */
    void forward(double[] x, double[] outRe, double[] outIm, Work w) {
        double[] zr = w.zr, zi = w.zi;
        if (n % 2 == 1 || n == 1) {
            System.arraycopy(x, 0, zr, 0, n);
            java.util.Arrays.fill(zi, 0, n, 0.0);
            plan.transform(zr, zi, false, w.inner);
            System.arraycopy(zr, 0, outRe, 0, h + 1);
            System.arraycopy(zi, 0, outIm, 0, h + 1);
            return;
        }
        for (int j = 0; j < h; j++) {
            zr[j] = x[2 * j];
            zi[j] = x[2 * j + 1];
        }
        plan.transform(zr, zi, false, w.inner);
        for (int k = 0; k <= h; k++) {
            int a = k == h ? 0 : k, b = k == 0 ? 0 : h - k;
            double pr = zr[a], pi = zi[a], qr = zr[b], qi = -zi[b]; // Z[k], conj Z[h−k]
            double er = 0.5 * (pr + qr), ei = 0.5 * (pi + qi);
            double dr = pr - qr, di = pi - qi;
            double or = 0.5 * di, oi = -0.5 * dr; // (Z[k] − conj Z[h−k]) / (2i)
            outRe[k] = er + tr[k] * or - ti[k] * oi;
            outIm[k] = ei + tr[k] * oi + ti[k] * or;
        }
    }

    /**
     * Bins X[0..n/2] → n·x[0..n). As numpy's irfft, the imaginary parts of the bins at frequency 0
     * and (for even n) n/2 are ignored: a real signal cannot have them. The input arrays are read only.
     */
    void inverse(double[] inRe, double[] inIm, double[] x, Work w) {
        double[] zr = w.zr, zi = w.zi;
        if (n % 2 == 1 || n == 1) {
            zr[0] = inRe[0];
            zi[0] = 0;
            for (int k = 1; k <= h; k++) {
                zr[k] = inRe[k];
                zi[k] = inIm[k];
                zr[n - k] = inRe[k];
                zi[n - k] = -inIm[k];
            }
            plan.transform(zr, zi, true, w.inner);
            System.arraycopy(zr, 0, x, 0, n);
            return;
        }
        for (int k = 0; k < h; k++) {
            double pr = inRe[k], pi = k == 0 ? 0 : inIm[k];
            double qr = inRe[h - k], qi = k == 0 ? 0 : -inIm[h - k]; // conj X[h−k]; X[h] is real
            double er = pr + qr, ei = pi + qi; // 2·E[k]
            double dr = pr - qr, di = pi - qi;
            double or = dr * tr[k] + di * ti[k], oi = di * tr[k] - dr * ti[k]; // times e^{+2πik/n}: 2·O[k]
            zr[k] = er - oi; // 2·(E + i·O)
            zi[k] = ei + or;
        }
        plan.transform(zr, zi, true, w.inner);
        for (int j = 0; j < h; j++) {
            x[2 * j] = zr[j];
            x[2 * j + 1] = zi[j];
        }
    }
}
