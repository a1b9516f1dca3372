package org.neuralop4j.fft;

/**
 * Bluestein's chirp-z algorithm (Bluestein 1970; Rabiner, Schafer and Rader 1969) for any length:
 * with {@code jk = (j² + k² − (k−j)²)/2}, the DFT becomes
 * {@code X[k] = c[k] · Σ_j (x[j]·c[j]) · conj(c[k−j])}, {@code c[j] = e^{−iπj²/n}}, a convolution
 * evaluated with radix-2 FFTs of length M ≥ 2n−1. The chirp's angle uses {@code j² mod 2n} in
 * exact integer arithmetic, so large j lose no accuracy.
 */
final class Bluestein extends Plan {
    private final int m;
    private final Radix2 inner;
    private final double[] cr, ci; // chirp c[j]
    private final double[] fr, fi; // FFT of the zero-padded conj(c), wrapped for negative lags

    Bluestein(int n) {
        super(n);
        int need = 2 * n - 1;
        m = Integer.highestOneBit(need) < need ? Integer.highestOneBit(need) << 1 : need;
        inner = (Radix2) Plan.of(m);
        cr = new double[n];
        ci = new double[n];
        long twoN = 2L * n;
        for (int j = 0; j < n; j++) {
            long q = ((long) j * j) % twoN;
            double a = Math.PI * q / n;
            cr[j] = Math.cos(a);
            ci[j] = -Math.sin(a);
        }
        fr = new double[m];
        fi = new double[m];
        for (int j = 0; j < n; j++) {
            fr[j] = cr[j];
            fi[j] = -ci[j];
            if (j > 0) {
                fr[m - j] = cr[j];
                fi[m - j] = -ci[j];
            }
        }
        inner.transform(fr, fi, false, null);
    }

    @Override
    double[][] newWork() {
        return new double[][] {new double[m], new double[m]};
    }

    @Override
    void transform(double[] re, double[] im, boolean inverse, double[][] work) {
        double[] ar = work[0], ai = work[1];
        // the inverse is conj(forward(conj(x))): conjugate on the way in and on the way out
        double s = inverse ? -1.0 : 1.0;
        for (int j = 0; j < n; j++) {
            double xr = re[j], xi = s * im[j];
            ar[j] = xr * cr[j] - xi * ci[j];
            ai[j] = xr * ci[j] + xi * cr[j];
        }
        java.util.Arrays.fill(ar, n, m, 0.0);
        java.util.Arrays.fill(ai, n, m, 0.0);
        inner.transform(ar, ai, false, null);
        for (int k = 0; k < m; k++) {
            double xr = ar[k], xi = ai[k];
            ar[k] = xr * fr[k] - xi * fi[k];
            ai[k] = xr * fi[k] + xi * fr[k];
        }
        inner.transform(ar, ai, true, null);
        double inv = 1.0 / m;
        for (int k = 0; k < n; k++) {
            double yr = ar[k] * inv, yi = ai[k] * inv;
            re[k] = yr * cr[k] - yi * ci[k];
            im[k] = s * (yr * ci[k] + yi * cr[k]);
        }
    }
}
