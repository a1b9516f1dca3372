package org.neuralop4j.linalg;

/**
 * The SVD of a real m × n matrix, m ≥ n, by Householder bidiagonalization and implicit-shift QR on
 * the bidiagonal (Golub and Kahan 1965; Golub and Reinsch 1970; Golub and Van Loan, "Matrix
 * Computations", 4th ed., §5.4.8 and Algorithms 8.6.1–8.6.2): A = U·B·Vᵀ with B upper bidiagonal
 * (diagonal d, superdiagonal e), then Givens rotations from both sides drive e to zero, each QR
 * step shifted by the eigenvalue of the trailing 2 × 2 of BᵀB nearer its last entry (Wilkinson).
 * The rotations accumulate into U and V. About three times faster than one-sided Jacobi on square
 * matrices; singular values are accurate relative to the largest, not each to itself.
 */
final class GolubKahan {
    private GolubKahan() {}

    private static final double EPS = 0x1p-52;

    /** U (m × n), s (n, descending, ≥ 0), V (n × n), from a (m × n, m ≥ n), which is overwritten. */
    static Svd.Parts decompose(ColMatrix a) {
        int m = a.m, n = a.n;
        double[] d = new double[n], e = new double[Math.max(0, n - 1)];
        ColMatrix hl = new ColMatrix(m, n, false); // left Householder vectors (column k from row k)
        ColMatrix hr = new ColMatrix(n, n, false); // right Householder vectors (column k from row k + 1)
        bidiagonalize(a, d, e, hl, hr);
        ColMatrix u = new ColMatrix(m, n, false), v = ColMatrix.eye(n, n, false);
        for (int j = 0; j < n; j++) u.re[j * m + j] = 1;
        for (int k = n - 1; k >= 0; k--) for (int c = k; c < n; c++) reflect(hl, k, u, c, k);
        for (int k = n - 3; k >= 0; k--) for (int c = k + 1; c < n; c++) reflect(hr, k, v, c, k + 1);
        diagonalize(d, e, u, v);
        return sortAndSign(d, u, v);
    }

    /** Householder from the left on columns, from the right on rows: A = H·B·Gᵀ. */
    private static void bidiagonalize(ColMatrix a, double[] d, double[] e, ColMatrix hl, ColMatrix hr) {
        int m = a.m, n = a.n;
        double[] x = a.re;
        double[] t = new double[m];
        for (int k = 0; k < n; k++) {
            d[k] = householder(x, k * m + k, 1, m - k, hl.re, k * m + k);
            for (int c = k + 1; c < n; c++) reflect(hl, k, a, c, k);
            if (k < n - 2) {
                // the row k right of the diagonal, stride m
                e[k] = householder(x, (k + 1) * m + k, m, n - k - 1, hr.re, k * n + k + 1);
                // rows k+1.. of columns k+1..: A ← A·(I − 2wwᵀ)
                java.util.Arrays.fill(t, k + 1, m, 0.0);
                for (int c = k + 1; c < n; c++) {
                    double w = hr.re[k * n + c];
                    if (w != 0) for (int i = k + 1; i < m; i++) t[i] += x[c * m + i] * w;
                }
                for (int c = k + 1; c < n; c++) {
                    double w2 = 2 * hr.re[k * n + c];
                    if (w2 != 0) for (int i = k + 1; i < m; i++) x[c * m + i] -= w2 * t[i];
                }
            } else if (k == n - 2) {
                e[k] = x[(k + 1) * m + k];
            }
        }
    }

    /**
     * The reflector of the len values x[off + i·stride]: writes its unit vector to v[voff..voff+len)
     * (all zero if x is) and returns the value x is reflected to, −sign(x₀)·‖x‖.
     */
    private static double householder(double[] x, int off, int stride, int len, double[] v, int voff) {
        double norm2 = 0;
        for (int i = 0; i < len; i++) norm2 += x[off + i * stride] * x[off + i * stride];
        if (norm2 == 0) return 0;
        double norm = Math.sqrt(norm2), x0 = x[off];
        double alpha = x0 >= 0 ? -norm : norm;
        double vnorm = Math.sqrt(2 * norm * (norm + Math.abs(x0)));
        v[voff] = (x0 - alpha) / vnorm;
        for (int i = 1; i < len; i++) v[voff + i] = x[off + i * stride] / vnorm;
        return alpha;
    }

    /** Column c of y, rows from..: y ← (I − 2 h_k h_kᵀ)·y, h_k stored in column k of h from row `from`. */
    private static void reflect(ColMatrix h, int k, ColMatrix y, int c, int from) {
        int hm = h.m, ym = y.m, ho = k * hm, yo = c * ym;
        double dot = 0;
        for (int i = from; i < hm; i++) dot += h.re[ho + i] * y.re[yo + i];
        if (dot == 0) return;
        double f = 2 * dot;
        for (int i = from; i < hm; i++) y.re[yo + i] -= f * h.re[ho + i];
    }

    /** Drives e to zero by shifted QR steps on the unreduced blocks of B, accumulating into u and v. */
    private static void diagonalize(double[] d, double[] e, ColMatrix u, ColMatrix v) {
        int n = d.length;
        double scale = 0;
        for (double x : d) scale = Math.max(scale, Math.abs(x));
        for (double x : e) scale = Math.max(scale, Math.abs(x));
        if (scale == 0) return;
        for (int i = 0; i < n; i++) d[i] /= scale; // keeps the squares in the shift in range
        for (int i = 0; i < n - 1; i++) e[i] /= scale;
        double small = EPS; // |B| is now 1 at most
        int h = n - 1, steps = 0;
        while (h > 0) {
            if (Math.abs(e[h - 1]) <= EPS * (Math.abs(d[h - 1]) + Math.abs(d[h])) || Math.abs(e[h - 1]) <= Double.MIN_NORMAL) {
                e[h - 1] = 0;
                h--;
                continue;
            }
            int l = h - 1;
            while (l > 0 && Math.abs(e[l - 1]) > EPS * (Math.abs(d[l - 1]) + Math.abs(d[l]))) l--;
            if (l > 0) e[l - 1] = 0;
            int zero = -1;
            for (int i = l; i <= h && zero < 0; i++) if (Math.abs(d[i]) <= small) zero = i;
            if (zero >= 0) {
                d[zero] = 0;
                if (zero < h) chaseRow(d, e, u, zero, h);
                else chaseColumn(d, e, v, l, h);
            } else {
                qrStep(d, e, u, v, l, h);
            }
            if (++steps > 100 * n) throw new IllegalStateException("svd: the bidiagonal QR did not converge in " + steps + " steps");
        }
        for (int i = 0; i < n; i++) d[i] *= scale;
    }

    /** One implicit Golub–Kahan QR step on the block l..h (G&amp;VL Algorithm 8.6.1). */
    private static void qrStep(double[] d, double[] e, ColMatrix u, ColMatrix v, int l, int h) {
        // Wilkinson shift: the eigenvalue of the trailing 2×2 of BᵀB nearer its last entry
        double fa = d[h - 1] * d[h - 1] + (h - 1 > l ? e[h - 2] * e[h - 2] : 0);
        double fb = d[h - 1] * e[h - 1];
        double fc = d[h] * d[h] + e[h - 1] * e[h - 1];
        double delta = 0.5 * (fa - fc);
        double mu = fb == 0 ? fc : fc - fb * fb / (delta + (delta >= 0 ? 1 : -1) * Math.hypot(delta, fb));
        double y = d[l] * d[l] - mu, z = d[l] * e[l], bulge = 0;
        for (int k = l; k < h; k++) {
            // from the right on columns k, k+1: zero z against y
            double r = Math.hypot(y, z), c = y / r, s = -z / r;
            if (k > l) e[k - 1] = r;
            double dk = d[k], ek = e[k], dk1 = d[k + 1];
            d[k] = c * dk - s * ek;
            e[k] = s * dk + c * ek;
            bulge = -s * dk1;
            d[k + 1] = c * dk1;
            rotate(v, k, k + 1, c, s);
            // from the left on rows k, k+1: zero the bulge below the diagonal
            r = Math.hypot(d[k], bulge);
            c = d[k] / r;
            s = -bulge / r;
            d[k] = r;
            ek = e[k];
            dk1 = d[k + 1];
            e[k] = c * ek - s * dk1;
            d[k + 1] = s * ek + c * dk1;
            if (k < h - 1) {
                bulge = -s * e[k + 1];
                e[k + 1] = c * e[k + 1];
            }
            rotate(u, k, k + 1, c, s);
            y = e[k];
            z = bulge;
        }
    }

    /** d[i] = 0 with i &lt; h: rotations from the left move row i's superdiagonal out to the right edge. */
    private static void chaseRow(double[] d, double[] e, ColMatrix u, int i, int h) {
        double f = e[i];
        e[i] = 0;
        for (int j = i + 1; j <= h && f != 0; j++) {
            double r = Math.hypot(d[j], f), c = d[j] / r, s = f / r;
            d[j] = r;
            if (j < h) {
                f = -s * e[j];
                e[j] = c * e[j];
            }
            rotate(u, j, i, c, -s); // U_j ← c·U_j + s·U_i, U_i ← −s·U_j + c·U_i
        }
    }

    /** d[h] = 0: rotations from the right move the superdiagonal above it up and out. */
    private static void chaseColumn(double[] d, double[] e, ColMatrix v, int l, int h) {
        double f = e[h - 1];
        e[h - 1] = 0;
        for (int j = h - 1; j >= l && f != 0; j--) {
            double r = Math.hypot(d[j], f), c = d[j] / r, s = f / r;
            d[j] = r;
            if (j > l) {
                f = -s * e[j - 1];
                e[j - 1] = c * e[j - 1];
            }
            rotate(v, j, h, c, -s); // V_j ← c·V_j + s·V_h, V_h ← −s·V_j + c·V_h
        }
    }

    /** Columns p, q of x: x_p ← c·x_p − s·x_q, x_q ← s·x_p + c·x_q. */
    private static void rotate(ColMatrix x, int p, int q, double c, double s) {
        int m = x.m, op = p * m, oq = q * m;
        double[] r = x.re;
        for (int i = 0; i < m; i++) {
            double a = r[op + i], b = r[oq + i];
            r[op + i] = c * a - s * b;
            r[oq + i] = s * a + c * b;
        }
    }

    /** Non-negative values (a negative one flips its V column), in descending order. */
    private static Svd.Parts sortAndSign(double[] d, ColMatrix u, ColMatrix v) {
        int n = d.length;
        for (int i = 0; i < n; i++) {
            if (d[i] < 0) {
                d[i] = -d[i];
                for (int r = 0; r < n; r++) v.re[i * n + r] = -v.re[i * n + r];
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        java.util.Arrays.sort(order, (x, y) -> Double.compare(d[y], d[x]));
        ColMatrix us = new ColMatrix(u.m, n, false), vs = new ColMatrix(n, n, false);
        double[] s = new double[n];
        for (int k = 0; k < n; k++) {
            int j = order[k];
            s[k] = d[j];
            System.arraycopy(u.re, j * u.m, us.re, k * u.m, u.m);
            System.arraycopy(v.re, j * n, vs.re, k * n, n);
        }
        return new Svd.Parts(us, s, vs);
    }
}
