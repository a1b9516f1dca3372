package org.neuralop4j.tensor;

import java.util.Arrays;

/**
 * Products: batched matrix multiplication and the per-mode channel contraction of spectral layers.
 * Each output row is accumulated by one thread in a fixed order over the contracted index, so the
 * result does not depend on the thread count. Loops run over the output's last axis (stride 1).
 */
final class MatMul {
    private MatMul() {}

    static Tensor matmul(Tensor a, Tensor b) {
        int[] as = a.shapeRef(), bs = b.shapeRef();
        if (as.length < 2 || bs.length < 2 || as[as.length - 1] != bs[bs.length - 2]) {
            throw new IllegalArgumentException("matmul: shapes " + Shapes.str(as) + " and " + Shapes.str(bs)
                    + " do not fit (…, m, k) @ (…, k, n)");
        }
        int m = as[as.length - 2], k = as[as.length - 1], n = bs[bs.length - 1];
        int[] batch = Shapes.broadcast(Arrays.copyOf(as, as.length - 2), Arrays.copyOf(bs, bs.length - 2), "matmul");
        int[] sa = Shapes.broadcastStrides(Arrays.copyOf(as, as.length - 2), batch);
        int[] sb = Shapes.broadcastStrides(Arrays.copyOf(bs, bs.length - 2), batch);
        int nb = Shapes.size(batch);
        int[] out = Arrays.copyOf(batch, batch.length + 2);
        out[batch.length] = m;
        out[batch.length + 1] = n;
        boolean complex = a.isComplex() || b.isComplex();
        Flops.add((complex ? 8L : 2L) * nb * m * n * k);
        double[] cr = new double[Shapes.size(out)];
        double[] ci = complex ? new double[cr.length] : null;
        double[] ar = a.re, ai = a.im, br = b.re, bi = b.im;
        int grain = Math.max(1, 16384 / Math.max(1, k * n));
        Parallel.forRange(nb * m, grain, (r0, r1) -> {
            for (int row = r0; row < r1; row++) {
                int bIdx = row / m, i = row % m;
                int oa = 0, ob = 0, rem = bIdx;
                for (int d = batch.length - 1; d >= 0; d--) {
                    int c = rem % batch[d];
                    rem /= batch[d];
                    oa += c * sa[d];
                    ob += c * sb[d];
                }
                int aRow = oa * m * k + i * k, bMat = ob * k * n, co = row * n;
                for (int p = 0; p < k; p++) {
                    double xr = ar[aRow + p], xi = ai == null ? 0 : ai[aRow + p];
                    int bo = bMat + p * n;
                    axpy(cr, co, xr, br, bo, n);
                    if (complex) {
                        if (bi != null) {
                            axpy(cr, co, -xi, bi, bo, n);
                            axpy(ci, co, xr, bi, bo, n);
                        }
                        axpy(ci, co, xi, br, bo, n);
                    }
                }
            }
        });
        return new Tensor(out, cr, ci);
    }

    static Tensor contractModes(Tensor x, Tensor w) {
        int[] xs = x.shapeRef(), ws = w.shapeRef();
        boolean ok = xs.length >= 2 && ws.length == xs.length && ws[0] == xs[1];
        for (int d = 2; ok && d < xs.length; d++) ok = xs[d] == ws[d];
        if (!ok) {
            throw new IllegalArgumentException("contractModes: shapes " + Shapes.str(xs) + " and " + Shapes.str(ws)
                    + " do not fit (b, i, m…) and (i, o, m…)");
        }
        int nb = xs[0], ni = xs[1], no = ws[1];
        int modes = Shapes.prod(xs, 2, xs.length);
        int[] out = xs.clone();
        out[1] = no;
        boolean complex = x.isComplex() || w.isComplex();
        Flops.add((x.isComplex() && w.isComplex() ? 8L : complex ? 4L : 2L) * nb * no * ni * modes);
        double[] or = new double[Shapes.size(out)];
        double[] oi = complex ? new double[or.length] : null;
        double[] xr = x.re, xi = x.im, wr = w.re, wi = w.im;
        Parallel.forRange(nb * no, Math.max(1, 8192 / Math.max(1, ni * modes)), (r0, r1) -> {
            for (int bo = r0; bo < r1; bo++) {
                int b = bo / no, o = bo % no, oo = bo * modes;
                for (int i = 0; i < ni; i++) {
                    int xo = (b * ni + i) * modes, wo = (i * no + o) * modes;
                    if (!complex) {
                        for (int m = 0; m < modes; m++) or[oo + m] += xr[xo + m] * wr[wo + m];
                    } else {
                        mulAcc(or, oi, oo, xr, xi, xo, wr, wi, wo, modes);
                    }
                }
            }
        });
        return new Tensor(out, or, oi);
    }

    /** The most spatial points per tile of the channel map. */
    private static final int TILE = 256;

    static Tensor channelMix(Tensor x, Tensor w) {
        int[] xs = x.shapeRef(), ws = w.shapeRef();
        if (x.isComplex() || w.isComplex() || xs.length < 2 || ws.length != 2 || ws[1] != xs[1]) {
            throw new IllegalArgumentException("channelMix: shapes " + Shapes.str(xs) + " and " + Shapes.str(ws)
                    + " must be real (b, in, …) and (out, in)");
        }
        int nb = xs[0], ni = xs[1], no = ws[0], s = Shapes.prod(xs, 2, xs.length);
        int[] out = xs.clone();
        out[1] = no;
        double[] y = new double[Shapes.size(out)], xr = x.re, wr = w.re;
        Flops.add(2L * nb * s * no * ni);
        // points per tile: the tile's inputs (ni rows) stay in L1 while every output block reads them
        int tile = Math.max(4, Math.min(TILE, (2048 / Math.max(1, ni)) / 4 * 4));
        int tiles = (s + tile - 1) / tile;
        // work items: (batch, tile of points), each computing every output channel on its points
        Parallel.forRange(nb * tiles, Math.max(1, 64 / Math.max(1, no * ni / 64)), (r0, r1) -> {
            for (int item = r0; item < r1; item++) {
                int b = item / tiles, t0 = (item % tiles) * tile, t1 = Math.min(s, t0 + tile);
                int xb = b * ni * s, yb = b * no * s;
                if (ni < 4 || no < 4) {
                    mixRows(xr, xb, wr, ni, no, y, yb, s, t0, t1);
                    continue;
                }
                int o0 = 0;
                for (; o0 + 3 < no; o0 += 4) {
                    int j = t0;
                    for (; j + 3 < t1; j += 4) block4x4Mix(xr, xb + j, s, wr, o0 * ni, ni, y, yb + o0 * s + j);
                    for (; j < t1; j++) for (int q = 0; q < 4; q++) y[yb + (o0 + q) * s + j] = dotColumn(xr, xb + j, s, wr, (o0 + q) * ni, ni);
                }
                for (; o0 < no; o0++) for (int j = t0; j < t1; j++) y[yb + o0 * s + j] = dotColumn(xr, xb + j, s, wr, o0 * ni, ni);
            }
        });
        return new Tensor(out, y, null);
    }

    /**
     * y[o0+p][j+q] = Σ_i w[o0+p][i]·x[i][j+q] for p, q &lt; 4: a 4 × 4 block of outputs held in
     * sixteen registers while the input channels go by (a GEMM micro-kernel).
     */
    private static void block4x4Mix(double[] x, int xo, int s, double[] w, int wo, int ni, double[] y, int yo) {
        double a00 = 0, a01 = 0, a02 = 0, a03 = 0, a10 = 0, a11 = 0, a12 = 0, a13 = 0;
        double a20 = 0, a21 = 0, a22 = 0, a23 = 0, a30 = 0, a31 = 0, a32 = 0, a33 = 0;
        for (int i = 0; i < ni; i++) {
            int xi = xo + i * s;
            double x0 = x[xi], x1 = x[xi + 1], x2 = x[xi + 2], x3 = x[xi + 3];
            double w0 = w[wo + i], w1 = w[wo + ni + i], w2 = w[wo + 2 * ni + i], w3 = w[wo + 3 * ni + i];
            a00 += w0 * x0; a01 += w0 * x1; a02 += w0 * x2; a03 += w0 * x3;
            a10 += w1 * x0; a11 += w1 * x1; a12 += w1 * x2; a13 += w1 * x3;
            a20 += w2 * x0; a21 += w2 * x1; a22 += w2 * x2; a23 += w2 * x3;
            a30 += w3 * x0; a31 += w3 * x1; a32 += w3 * x2; a33 += w3 * x3;
        }
        y[yo] = a00; y[yo + 1] = a01; y[yo + 2] = a02; y[yo + 3] = a03;
        y[yo + s] = a10; y[yo + s + 1] = a11; y[yo + s + 2] = a12; y[yo + s + 3] = a13;
        y[yo + 2 * s] = a20; y[yo + 2 * s + 1] = a21; y[yo + 2 * s + 2] = a22; y[yo + 2 * s + 3] = a23;
        y[yo + 3 * s] = a30; y[yo + 3 * s + 1] = a31; y[yo + 3 * s + 2] = a32; y[yo + 3 * s + 3] = a33;
    }

    /** Too few channels for register blocks: each output row's tile is a sum of input rows (axpy). */
    private static void mixRows(double[] x, int xb, double[] w, int ni, int no, double[] y, int yb, int s, int t0, int t1) {
        for (int o = 0; o < no; o++) {
            for (int i = 0; i < ni; i++) axpy(y, yb + o * s + t0, w[o * ni + i], x, xb + i * s + t0, t1 - t0);
        }
    }

    /** Σ_i w[wo + i]·x[xo + i·s]: one output at one point (the edges the 4 × 4 blocks leave). */
    private static double dotColumn(double[] x, int xo, int s, double[] w, int wo, int ni) {
        double a = 0;
        for (int i = 0; i < ni; i++) a += w[wo + i] * x[xo + i * s];
        return a;
    }

    static Tensor channelMixWeightGrad(Tensor g, Tensor x) {
        int[] gs = g.shapeRef(), xs = x.shapeRef();
        boolean ok = !g.isComplex() && !x.isComplex() && gs.length == xs.length && gs.length >= 2 && gs[0] == xs[0];
        for (int d = 2; ok && d < gs.length; d++) ok = gs[d] == xs[d];
        if (!ok) throw new IllegalArgumentException("channelMixWeightGrad: shapes " + Shapes.str(gs) + " and " + Shapes.str(xs) + " do not fit");
        int nb = gs[0], no = gs[1], ni = xs[1], s = Shapes.prod(gs, 2, gs.length);
        double[] gw = new double[no * ni], gr = g.re, xr = x.re;
        Flops.add(2L * nb * s * no * ni);
        int oBlocks = (no + 3) / 4, iBlocks = (ni + 3) / 4;
        // each work item owns a 4 × 4 block of gw: 16 running sums over (batch, point), in that order
        Parallel.forRange(oBlocks * iBlocks, 1, (r0, r1) -> {
            double[] acc = new double[16];
            for (int item = r0; item < r1; item++) {
                int o0 = (item / iBlocks) * 4, i0 = (item % iBlocks) * 4;
                int ro = Math.min(4, no - o0), ri = Math.min(4, ni - i0);
                java.util.Arrays.fill(acc, 0);
                for (int b = 0; b < nb; b++) {
                    if (ro == 4 && ri == 4) {
                        block4x4(gr, (b * no + o0) * s, xr, (b * ni + i0) * s, s, acc);
                    } else {
                        for (int p = 0; p < ro; p++) {
                            for (int q = 0; q < ri; q++) {
                                double sum = 0;
                                int go = (b * no + o0 + p) * s, xo = (b * ni + i0 + q) * s;
                                for (int j = 0; j < s; j++) sum += gr[go + j] * xr[xo + j];
                                acc[p * 4 + q] += sum;
                            }
                        }
                    }
                }
                for (int p = 0; p < ro; p++) for (int q = 0; q < ri; q++) gw[(o0 + p) * ni + i0 + q] = acc[p * 4 + q];
            }
        });
        return new Tensor(new int[] {no, ni}, gw, null);
    }

    /** acc[p·4 + q] += Σ_j g[go + p·s + j]·x[xo + q·s + j], p, q &lt; 4: sixteen sums from eight streams. */
    private static void block4x4(double[] g, int go, double[] x, int xo, int s, double[] acc) {
        double a00 = 0, a01 = 0, a02 = 0, a03 = 0, a10 = 0, a11 = 0, a12 = 0, a13 = 0;
        double a20 = 0, a21 = 0, a22 = 0, a23 = 0, a30 = 0, a31 = 0, a32 = 0, a33 = 0;
        for (int j = 0; j < s; j++) {
            double g0 = g[go + j], g1 = g[go + s + j], g2 = g[go + 2 * s + j], g3 = g[go + 3 * s + j];
            double x0 = x[xo + j], x1 = x[xo + s + j], x2 = x[xo + 2 * s + j], x3 = x[xo + 3 * s + j];
            a00 += g0 * x0; a01 += g0 * x1; a02 += g0 * x2; a03 += g0 * x3;
            a10 += g1 * x0; a11 += g1 * x1; a12 += g1 * x2; a13 += g1 * x3;
            a20 += g2 * x0; a21 += g2 * x1; a22 += g2 * x2; a23 += g2 * x3;
            a30 += g3 * x0; a31 += g3 * x1; a32 += g3 * x2; a33 += g3 * x3;
        }
        acc[0] += a00; acc[1] += a01; acc[2] += a02; acc[3] += a03;
        acc[4] += a10; acc[5] += a11; acc[6] += a12; acc[7] += a13;
        acc[8] += a20; acc[9] += a21; acc[10] += a22; acc[11] += a23;
        acc[12] += a30; acc[13] += a31; acc[14] += a32; acc[15] += a33;
    }

    /** (or + i·oi)[m] += (xr + i·xi)[m] · (wr + i·wi)[m]; a null imaginary part is zero. */
    private static void mulAcc(double[] or, double[] oi, int oo, double[] xr, double[] xi, int xo,
                               double[] wr, double[] wi, int wo, int n) {
        if (xi != null && wi != null) {
            for (int m = 0; m < n; m++) {
                double a = xr[xo + m], b = xi[xo + m], c = wr[wo + m], d = wi[wo + m];
                or[oo + m] += a * c - b * d;
                oi[oo + m] += a * d + b * c;
            }
        } else if (xi != null) {
            for (int m = 0; m < n; m++) {
                double c = wr[wo + m];
                or[oo + m] += xr[xo + m] * c;
                oi[oo + m] += xi[xo + m] * c;
            }
        } else {
            for (int m = 0; m < n; m++) {
                double a = xr[xo + m];
                or[oo + m] += a * wr[wo + m];
                oi[oo + m] += a * wi[wo + m];
            }
        }
    }

    private static void axpy(double[] y, int yo, double alpha, double[] x, int xo, int n) {
        for (int j = 0; j < n; j++) y[yo + j] += alpha * x[xo + j];
    }
}
