package org.neuralop4j.linalg;

/**
 * One-sided Jacobi on a square matrix W (Hestenes 1958): {@code W·V = U·diag(s)}, s descending, U
 * with orthonormal columns (completed where s is zero), V unitary — the SVD of W. Used by
 * {@link Svd} for complex matrices.
 *
 * <p>Before column p meets the columns after it, the one of largest norm among them is swapped into
 * place (de Rijk, SIAM J. Sci. Stat. Comput. 10 (1989) 359–371), which saves about a tenth of the
 * sweeps; squared norms are recomputed at each sweep and updated exactly by each rotation between.
 *
 * <p>The rotation for columns p, q with Gram entries α = ‖w_p‖², β = ‖w_q‖², γ = w_pᴴw_q = |γ|e^{iφ}:
 * {@code ζ = (β − α)/(2|γ|)}, {@code t = sign ζ/(|ζ| + √(1 + ζ²))}, {@code c = 1/√(1 + t²)},
 * {@code s = c·t}, and {@code w_p ← c·w_p − s·e^{−iφ}w_q}, {@code w_q ← s·w_p + c·e^{−iφ}w_q}
 * (Golub and Van Loan, 4th ed., Algorithm 8.4.1, applied to the Gram matrix after removing γ's
 * phase); the same rotation accumulates into V.
 */
final class OneSidedJacobi {
    private OneSidedJacobi() {}

    private static final int MAX_SWEEPS = 60;
    /** Rotate while |w_pᴴw_q| > TOL·m·‖w_p‖‖w_q‖ (m·ε, the usual one-sided Jacobi threshold). */
    private static final double TOL = 2.2e-16;

    static Svd.Parts run(ColMatrix w) {
        int n = w.n, m = w.m;
        boolean cx = w.complex();
        ColMatrix v = ColMatrix.eye(n, n, cx);
        double[] norm2 = new double[n];
        double tol = TOL * Math.max(1, m);
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            // squared column norms, recomputed each sweep, updated exactly by each rotation in between
            for (int j = 0; j < n; j++) norm2[j] = dot(w, j, j)[0];
            boolean rotated = false;
            for (int p = 0; p < n - 1; p++) {
                swapColumns(w, v, norm2, p, argmax(norm2, p));
                for (int q = p + 1; q < n; q++) rotated |= rotate(w, v, norm2, p, q, tol);
            }
            if (!rotated) break;
        }
        double[] norms = new double[n];
        for (int j = 0; j < n; j++) norms[j] = Math.sqrt(dot(w, j, j)[0]);
        Integer[] order = new Integer[n];
        for (int j = 0; j < n; j++) order[j] = j;
        java.util.Arrays.sort(order, (x, y) -> Double.compare(norms[y], norms[x]));
        ColMatrix u = new ColMatrix(m, n, cx), vs = new ColMatrix(n, n, cx);
        double[] s = new double[n];
        double tiny = (norms.length == 0 ? 0 : norms[order[0]]) * 1e-300;
        for (int k = 0; k < n; k++) {
            int j = order[k];
            s[k] = norms[j];
            double inv = s[k] > tiny && s[k] > 0 ? 1 / s[k] : 0;
            for (int i = 0; i < m; i++) {
                u.re[k * m + i] = w.re[j * m + i] * inv;
                if (cx) u.im[k * m + i] = w.im[j * m + i] * inv;
            }
            System.arraycopy(v.re, j * n, vs.re, k * n, n);
            if (cx) System.arraycopy(v.im, j * n, vs.im, k * n, n);
        }
        completeBasis(u, s);
        return new Svd.Parts(u, s, vs);
    }

    /**
     * Orthogonalizes columns p and q of w (and rotates v alike), unless |w_pᴴw_q| ≤ tol·‖w_p‖‖w_q‖
     * already; the rotation maps the squared norms α, β to α − t|γ|, β + t|γ|.
     */
    private static boolean rotate(ColMatrix w, ColMatrix v, double[] norm2, int p, int q, double tol) {
        double[] g = dot(w, p, q);
        double alpha = norm2[p], beta = norm2[q];
        double gabs = Math.hypot(g[0], g[1]);
        if (gabs == 0 || gabs <= tol * Math.sqrt(alpha * beta)) return false;
        double zeta = (beta - alpha) / (2 * gabs);
        double t = (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        double c = 1 / Math.sqrt(1 + t * t), s = c * t;
        double er = g[0] / gabs, ei = -g[1] / gabs; // e^{−iφ}
        turn(w, p, q, c, s, er, ei);
        turn(v, p, q, c, s, er, ei);
        norm2[p] = alpha - t * gabs;
        norm2[q] = beta + t * gabs;
        return true;
    }

    /** x_p ← c·x_p − s·e·x_q, x_q ← s·x_p + c·e·x_q, with e = er + i·ei (|e| = 1). */
    private static void turn(ColMatrix x, int p, int q, double c, double s, double er, double ei) {
        int m = x.m, op = p * m, oq = q * m;
        double[] xr = x.re, xi = x.im;
        if (xi == null) { // real: e = ±1
            double se = s * er;
            for (int i = 0; i < m; i++) {
                double a = xr[op + i], b = xr[oq + i];
                xr[op + i] = c * a - se * b;
                xr[oq + i] = s * a + c * er * b;
            }
            return;
        }
        for (int i = 0; i < m; i++) {
            double ar = xr[op + i], ai = xi[op + i];
            double br = er * xr[oq + i] - ei * xi[oq + i], bi = er * xi[oq + i] + ei * xr[oq + i]; // e·x_q
            xr[op + i] = c * ar - s * br;
            xi[op + i] = c * ai - s * bi;
            xr[oq + i] = s * ar + c * br;
            xi[oq + i] = s * ai + c * bi;
        }
    }

    /** The index of the largest of a[from..]. */
    private static int argmax(double[] a, int from) {
        int best = from;
        for (int j = from + 1; j < a.length; j++) if (a[j] > a[best]) best = j;
        return best;
    }

    /** Swaps columns p and q of w and v, and their squared norms. */
    private static void swapColumns(ColMatrix w, ColMatrix v, double[] norm2, int p, int q) {
        if (p == q) return;
        for (ColMatrix x : new ColMatrix[] {w, v}) {
            swap(x.re, p * x.m, q * x.m, x.m);
            if (x.im != null) swap(x.im, p * x.m, q * x.m, x.m);
        }
        double t = norm2[p];
        norm2[p] = norm2[q];
        norm2[q] = t;
    }

    private static void swap(double[] a, int i, int j, int len) {
        for (int k = 0; k < len; k++) {
            double t = a[i + k];
            a[i + k] = a[j + k];
            a[j + k] = t;
        }
    }

    /** x_pᴴ x_q as {re, im}. */
    static double[] dot(ColMatrix x, int p, int q) {
        int m = x.m, op = p * m, oq = q * m;
        double[] xr = x.re, xi = x.im;
        double r = 0, i = 0;
        if (xi == null) {
            for (int k = 0; k < m; k++) r += xr[op + k] * xr[oq + k];
            return new double[] {r, 0};
        }
        for (int k = 0; k < m; k++) {
            r += xr[op + k] * xr[oq + k] + xi[op + k] * xi[oq + k];
            i += xr[op + k] * xi[oq + k] - xi[op + k] * xr[oq + k];
        }
        return new double[] {r, i};
    }

    /**
     * Replaces the columns of u whose singular value is zero (or negligible) by unit vectors
     * orthogonal to all the others, so that u has orthonormal columns even for a rank-deficient
     * matrix. Candidates are the standard basis vectors, orthogonalized twice (Gram–Schmidt).
     */
    static void completeBasis(ColMatrix u, double[] s) {
        int m = u.m, n = u.n;
        double floor = (n == 0 ? 0 : s[0]) * m * 1e-15;
        for (int k = 0; k < n; k++) {
            if (s[k] > floor && s[k] > 0) continue;
            for (int e = 0; e < m; e++) {
                java.util.Arrays.fill(u.re, k * m, (k + 1) * m, 0);
                if (u.complex()) java.util.Arrays.fill(u.im, k * m, (k + 1) * m, 0);
                u.re[k * m + e] = 1;
                for (int pass = 0; pass < 2; pass++) {
                    for (int o = 0; o < n; o++) if (o != k && (o < k || s[o] > floor)) subtractProjection(u, o, k);
                }
                double norm = Math.sqrt(dot(u, k, k)[0]);
                if (norm > 0.5) {
                    for (int i = 0; i < m; i++) {
                        u.re[k * m + i] /= norm;
                        if (u.complex()) u.im[k * m + i] /= norm;
                    }
                    break;
                }
            }
        }
    }

    /** x_k ← x_k − x_o (x_oᴴ x_k). */
    private static void subtractProjection(ColMatrix x, int o, int k) {
        double[] d = dot(x, o, k);
        int m = x.m;
        for (int i = 0; i < m; i++) {
            double ar = x.re[o * m + i], ai = x.complex() ? x.im[o * m + i] : 0;
            x.re[k * m + i] -= ar * d[0] - ai * d[1];
            if (x.complex()) x.im[k * m + i] -= ar * d[1] + ai * d[0];
        }
    }
}
