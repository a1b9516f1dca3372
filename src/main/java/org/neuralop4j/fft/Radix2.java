package org.neuralop4j.fft;

/**
 * Iterative decimation-in-time radix-2 FFT (Cooley–Tukey 1965) for n a power of two: a
 * bit-reversal permutation, then log2(n) butterfly stages.
 *
 * <p>Twiddles are stored stage by stage: the stage that joins blocks of half-length h reads
 * {@code w[h + j] = e^{-iπj/h}}, j &lt; h, so every stage reads its twiddles with stride 1 and the
 * table has n entries in all. Each twiddle is computed directly with cos/sin (no recurrence), which
 * keeps the error of the transform at O(log n) ulps. The first two stages need no multiplication
 * and run as one radix-4 pass.
 */
final class Radix2 extends Plan {
    private final int[] rev; // pairs (i, j), i < j, to swap for the bit-reversal permutation
    private final double[] wr;
    private final double[] wi; // forward sign; the inverse negates it

    Radix2(int n) {
        super(n);
        int bits = Integer.numberOfTrailingZeros(n);
        int swaps = 0;
        for (int i = 0; i < n; i++) if (i < reverse(i, bits)) swaps++;
        rev = new int[2 * swaps];
        for (int i = 0, k = 0; i < n; i++) {
            int j = reverse(i, bits);
            if (i < j) {
                rev[k++] = i;
                rev[k++] = j;
            }
        }
        wr = new double[Math.max(n, 1)];
        wi = new double[Math.max(n, 1)];
        for (int h = 1; h < n; h <<= 1) {
            for (int j = 0; j < h; j++) {
                double a = Math.PI * j / h;
                wr[h + j] = Math.cos(a);
                wi[h + j] = -Math.sin(a);
            }
        }
    }

    private static int reverse(int i, int bits) {
        return bits == 0 ? 0 : Integer.reverse(i) >>> (32 - bits);
    }

    @Override
    double[][] newWork() {
        return null;
    }

    @Override
    void transform(double[] re, double[] im, boolean inverse, double[][] work) {
        if (n == 1) return;
        for (int k = 0; k < rev.length; k += 2) {
            int i = rev[k], j = rev[k + 1];
            double t = re[i];
            re[i] = re[j];
            re[j] = t;
            t = im[i];
            im[i] = im[j];
            im[j] = t;
        }
        if (n == 2) {
            double r = re[1], m = im[1];
            re[1] = re[0] - r;
            im[1] = im[0] - m;
            re[0] += r;
            im[0] += m;
            return;
        }
        firstTwoStages(re, im, inverse);
        double s = inverse ? -1.0 : 1.0;
        for (int h = 4; h < n; h <<= 1) {
            int len = h << 1;
            for (int i = 0; i < n; i += len) {
                for (int j = 0; j < h; j++) {
                    int a = i + j, b = a + h;
                    double c = wr[h + j], d = s * wi[h + j];
                    double xr = re[b] * c - im[b] * d;
                    double xi = re[b] * d + im[b] * c;
                    re[b] = re[a] - xr;
                    im[b] = im[a] - xi;
                    re[a] += xr;
                    im[a] += xi;
                }
            }
        }
    }

    /** Stages of length 2 and 4 fused: twiddles 1 and ∓i, no multiplications. */
    private void firstTwoStages(double[] re, double[] im, boolean inverse) {
        for (int i = 0; i < n; i += 4) {
            double r0 = re[i], i0 = im[i], r1 = re[i + 1], i1 = im[i + 1];
            double r2 = re[i + 2], i2 = im[i + 2], r3 = re[i + 3], i3 = im[i + 3];
            double ar = r0 + r1, ai = i0 + i1, br = r0 - r1, bi = i0 - i1;
            double cr = r2 + r3, ci = i2 + i3, dr = r2 - r3, di = i2 - i3;
            // d times -i (forward) or +i (inverse)
            double er = inverse ? -di : di, ei = inverse ? dr : -dr;
            re[i] = ar + cr;
            im[i] = ai + ci;
            re[i + 2] = ar - cr;
            im[i + 2] = ai - ci;
            re[i + 1] = br + er;
            im[i + 1] = bi + ei;
            re[i + 3] = br - er;
            im[i + 3] = bi - ei;
        }
    }
}
