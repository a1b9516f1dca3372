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
