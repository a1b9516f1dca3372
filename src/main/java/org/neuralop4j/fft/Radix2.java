package org.neuralop4j.fft;

/**
 * Iterative decimation-in-time radix-2 FFT (Cooley–Tukey 1965) for n a power of two: a
 * bit-reversal permutation, then log2(n) butterfly stages, run two at a time.
 *
 * <p>Twiddles are stored stage by stage: the stage that joins blocks of half-length h reads
 * {@code w[h + j] = e^{-iπj/h}}, j &lt; h, so every stage reads its twiddles with stride 1 and the
 * table has n entries in all. Each twiddle is computed directly with cos/sin (no recurrence), which
 * keeps the error of the transform at O(log n) ulps.
 *
 * <p>Stages h and 2h are fused into one pass over the data (a radix-4 pass): for four points
 * {@code a0..a3} spaced h apart, stage h joins (a0, a1) and (a2, a3) with {@code w_{2h}^j}, and
 * stage 2h joins (a0, a2) with {@code w_{4h}^j} and (a1, a3) with {@code w_{4h}^{j+h} = ∓i·w_{4h}^j};
 * regrouped, that is a radix-4 butterfly with three twiddle products instead of four, and the arrays
 * are read and written half as often as by two radix-2 stages. With an odd number of stages the
 * first three run as one 8-point pass.
 * The early stages run block by block over cache-sized blocks, so long transforms sweep the whole
 * array only for their last few stages.
 */
final class Radix2 extends Plan {
    /** Points per cache block for the early stages: re and im of 1024 doubles take 16 KiB of L1. */
    private static final int BLOCK = 1024;

    private final int[] rev; // pairs (i, j), i < j, to swap for the bit-reversal permutation
    private final double[] wr;
    private final double[] wiF; // forward: −sin
    private final double[] wiI; // inverse: +sin
    private final double[] w3r, w3iF, w3iI; // w_{4h}^{3j} at [h + j], for the fused passes

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
        wr = new double[n];
        wiF = new double[n];
        wiI = new double[n];
        for (int h = 1; h < n; h <<= 1) {
            for (int j = 0; j < h; j++) {
                double a = Math.PI * j / h;
                wr[h + j] = Math.cos(a);
                wiF[h + j] = -Math.sin(a);
                wiI[h + j] = Math.sin(a);
            }
        }
        w3r = new double[n];
        w3iF = new double[n];
        w3iI = new double[n];
        for (int h = 1; 4 * h <= n; h <<= 1) {
            for (int j = 0; j < h; j++) {
                // angle 2π·3j/(4h), reduced to [0, 2π) exactly in integers first
                double a = 2 * Math.PI * ((3L * j) % (4L * h)) / (4.0 * h);
                w3r[h + j] = Math.cos(a);
                w3iF[h + j] = -Math.sin(a);
                w3iI[h + j] = Math.sin(a);
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
        double[] wi = inverse ? wiI : wiF, w3i = inverse ? w3iI : w3iF;
        boolean oddStages = Integer.numberOfTrailingZeros(n) % 2 == 1;
        // The early stages work within blocks that fit in the L1 cache: all of them are done on one
        // block before the next block is touched. Only the late stages sweep the whole array.
        int block = Math.min(n, BLOCK);
        int h = 1;
        for (int base = 0; base < n; base += block) {
            if (oddStages && n >= 8) {
                radix8First(re, im, inverse, base, base + block);
                h = 8;
            } else if (oddStages) {
                radix2First(re, im, base, base + block);
                h = 2;
            } else {
                radix4First(re, im, inverse, base, base + block);
                h = 4;
            }
            for (; 4 * h <= block; h <<= 2) radix4(re, im, wi, w3i, inverse, base, base + block, h);
        }
        for (; 4 * h <= n; h <<= 2) radix4(re, im, wi, w3i, inverse, 0, n, h);
    }

    /**
     * Stages h and 2h fused, over {@code [from, to)} (a multiple of 4h long). With W = w_{4h}^j,
     * the two stages' twiddles regroup into three products, {@code W²·x1}, {@code W·x2} and
     * {@code W³·x3} (radix-4 arithmetic on radix-2 ordered data; x1 and x2 trade places).
     */
    private void radix4(double[] re, double[] im, double[] wi, double[] w3i, boolean inverse, int from, int to, int h) {
        int h2 = 2 * h;
        for (int i = from; i < to; i += 4 * h) {
            for (int j = 0; j < h; j++) {
                int a0 = i + j, a1 = a0 + h, a2 = a1 + h, a3 = a2 + h;
                double c2 = wr[h + j], s2 = wi[h + j]; // W² = w_{2h}^j
                double c1 = wr[h2 + j], s1 = wi[h2 + j]; // W = w_{4h}^j
                double c3 = w3r[h + j], s3 = w3i[h + j]; // W³
                double r1 = re[a1], i1 = im[a1], r2 = re[a2], i2 = im[a2], r3 = re[a3], i3 = im[a3];
                double tr = r1 * c2 - i1 * s2, ti = r1 * s2 + i1 * c2;
                double pr = r2 * c1 - i2 * s1, pi = r2 * s1 + i2 * c1;
                double qr = r3 * c3 - i3 * s3, qi = r3 * s3 + i3 * c3;
                double r0 = re[a0], i0 = im[a0];
                double y0r = r0 + tr, y0i = i0 + ti, y1r = r0 - tr, y1i = i0 - ti;
                double ur = pr + qr, ui = pi + qi, vr = pr - qr, vi = pi - qi;
                double u3r = inverse ? -vi : vi, u3i = inverse ? vr : -vr; // ∓i·v
                re[a0] = y0r + ur;
                im[a0] = y0i + ui;
                re[a2] = y0r - ur;
                im[a2] = y0i - ui;
                re[a1] = y1r + u3r;
                im[a1] = y1i + u3i;
                re[a3] = y1r - u3r;
                im[a3] = y1i - u3i;
            }
        }
    }

    /**
     * Stages h = 1, 2 and 4 fused (for an odd number of stages): an 8-point DFT of each run of 8
     * bit-reversed inputs, with the twiddles 1, ∓i and (±1 − i)/√2 written out.
     */
    private static void radix8First(double[] re, double[] im, boolean inverse, int from, int to) {
        double sg = inverse ? -1.0 : 1.0, r = Math.sqrt(0.5);
        for (int i = from; i < to; i += 8) {
            // stage h = 1
            double a0r = re[i] + re[i + 1], a0i = im[i] + im[i + 1], a1r = re[i] - re[i + 1], a1i = im[i] - im[i + 1];
            double a2r = re[i + 2] + re[i + 3], a2i = im[i + 2] + im[i + 3], a3r = re[i + 2] - re[i + 3], a3i = im[i + 2] - im[i + 3];
            double a4r = re[i + 4] + re[i + 5], a4i = im[i + 4] + im[i + 5], a5r = re[i + 4] - re[i + 5], a5i = im[i + 4] - im[i + 5];
            double a6r = re[i + 6] + re[i + 7], a6i = im[i + 6] + im[i + 7], a7r = re[i + 6] - re[i + 7], a7i = im[i + 6] - im[i + 7];
            // stage h = 2: twiddles 1 and ∓i
            double t3r = sg * a3i, t3i = -sg * a3r, t7r = sg * a7i, t7i = -sg * a7r;
            double b0r = a0r + a2r, b0i = a0i + a2i, b2r = a0r - a2r, b2i = a0i - a2i;
            double b1r = a1r + t3r, b1i = a1i + t3i, b3r = a1r - t3r, b3i = a1i - t3i;
            double b4r = a4r + a6r, b4i = a4i + a6i, b6r = a4r - a6r, b6i = a4i - a6i;
            double b5r = a5r + t7r, b5i = a5i + t7i, b7r = a5r - t7r, b7i = a5i - t7i;
            // stage h = 4: twiddles 1, (1 ∓ i)/√2, ∓i, (−1 ∓ i)/√2
            double u5r = r * (b5r + sg * b5i), u5i = r * (b5i - sg * b5r);
            double u6r = sg * b6i, u6i = -sg * b6r;
            double u7r = r * (-b7r + sg * b7i), u7i = r * (-b7i - sg * b7r);
            re[i] = b0r + b4r;
            im[i] = b0i + b4i;
            re[i + 4] = b0r - b4r;
            im[i + 4] = b0i - b4i;
            re[i + 1] = b1r + u5r;
            im[i + 1] = b1i + u5i;
            re[i + 5] = b1r - u5r;
            im[i + 5] = b1i - u5i;
            re[i + 2] = b2r + u6r;
            im[i + 2] = b2i + u6i;
            re[i + 6] = b2r - u6r;
            im[i + 6] = b2i - u6i;
            re[i + 3] = b3r + u7r;
            im[i + 3] = b3i + u7i;
            re[i + 7] = b3r - u7r;
            im[i + 7] = b3i - u7i;
        }
    }

    /** The stage h = 1 alone (n = 2): twiddle 1. */
    private static void radix2First(double[] re, double[] im, int from, int to) {
        for (int i = from; i < to; i += 2) {
            double r = re[i + 1], m = im[i + 1];
            re[i + 1] = re[i] - r;
            im[i + 1] = im[i] - m;
            re[i] += r;
            im[i] += m;
        }
    }

    /** Stages h = 1 and 2 fused: twiddles 1 and ∓i, no multiplications. */
    private static void radix4First(double[] re, double[] im, boolean inverse, int from, int to) {
        for (int i = from; i < to; i += 4) {
            double r0 = re[i], i0 = im[i], r1 = re[i + 1], i1 = im[i + 1];
            double r2 = re[i + 2], i2 = im[i + 2], r3 = re[i + 3], i3 = im[i + 3];
            double ar = r0 + r1, ai = i0 + i1, br = r0 - r1, bi = i0 - i1;
            double cr = r2 + r3, ci = i2 + i3, dr = r2 - r3, di = i2 - i3;
            double er = inverse ? -di : di, ei = inverse ? dr : -dr; // ∓i·d
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
