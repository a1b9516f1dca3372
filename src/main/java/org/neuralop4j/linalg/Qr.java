package org.neuralop4j.linalg;

import org.neuralop4j.tensor.Tensor;

/**
 * Householder QR of a real or complex m × n matrix (Golub and Van Loan, "Matrix Computations",
 * 4th ed., §5.2.1): {@code A = Q·R} with Q (m × k) having orthonormal columns and R (k × n) upper
 * triangular, k = min(m, n). The input is not modified.
 *
 * <p>Step j reflects column j below the diagonal onto a multiple of e₁ with
 * {@code H = I − 2vvᴴ} (v of unit norm): for the column x, {@code α = −e^{i·arg x₀}·‖x‖} and
 * {@code v ∝ x − α e₁}. Choosing α's phase opposite to x₀ avoids cancellation in x₀ − α.
 * R's diagonal is α (complex for complex input); H is Hermitian and unitary.
 */
public final class Qr {
    private Qr() {}

    /** The thin factors: A = q·r. */
    public record Result(Tensor q, Tensor r) {}

    public static Result decompose(Tensor a) {
        Reflectors h = Reflectors.factor(ColMatrix.of(a, false));
        return new Result(h.thinQ().toTensor(false), h.r().toTensor(false));
    }

    /**
     * The Householder vectors of a factorization, and the matrix they left behind (R in its upper
     * triangle). Package-private: the SVD uses R without ever forming Q.
     */
    static final class Reflectors {
        final ColMatrix a; // R above and on the diagonal; the rest is zero
        final ColMatrix v; // column j: the unit vector of H_j, non-zero from row j on (zero column: H_j = I)
        final int k;

        private Reflectors(ColMatrix a, ColMatrix v, int k) {
            this.a = a;
            this.v = v;
            this.k = k;
        }

        /** Factors a in place. */
        static Reflectors factor(ColMatrix a) {
            int m = a.m, n = a.n, k = Math.min(m, n);
            boolean cx = a.complex();
            ColMatrix v = new ColMatrix(m, k, cx);
            double[] ar = a.re, ai = a.im, vr = v.re, vi = v.im;
            for (int j = 0; j < k; j++) {
                int c = j * m;
                double norm2 = 0;
                for (int i = j; i < m; i++) norm2 += ar[c + i] * ar[c + i] + (cx ? ai[c + i] * ai[c + i] : 0);
                if (norm2 == 0) continue;
                double norm = Math.sqrt(norm2);
                double x0r = ar[c + j], x0i = cx ? ai[c + j] : 0, x0 = Math.hypot(x0r, x0i);
                double pr = x0 == 0 ? 1 : x0r / x0, pi = x0 == 0 ? 0 : x0i / x0; // e^{i arg x0}
                double alr = -pr * norm, ali = -pi * norm;
                // v = x − α e₁, then normalized: ‖x − α e₁‖² = 2‖x‖(‖x‖ + |x0|)
                double vnorm = Math.sqrt(2 * norm * (norm + x0));
                int vc = j * m;
                vr[vc + j] = (x0r - alr) / vnorm;
                if (cx) vi[vc + j] = (x0i - ali) / vnorm;
                for (int i = j + 1; i < m; i++) {
                    vr[vc + i] = ar[c + i] / vnorm;
                    if (cx) vi[vc + i] = ai[c + i] / vnorm;
                    ar[c + i] = 0;
                    if (cx) ai[c + i] = 0;
                }
                ar[c + j] = alr;
                if (cx) ai[c + j] = ali;
                for (int l = j + 1; l < n; l++) apply(v, j, a, l, j);
            }
            return new Reflectors(a, v, k);
        }

        /** Column l of x (from row `from`) ← H_j · column l, with H_j = I − 2 v_j v_jᴴ. */
        static void apply(ColMatrix v, int j, ColMatrix x, int l, int from) {
            int m = v.m, vc = j * m, xc = l * x.m;
            double[] vr = v.re, vi = v.im, xr = x.re, xi = x.im;
            double dr = 0, di = 0; // vᴴ y
            if (vi == null && xi == null) {
                for (int i = from; i < m; i++) dr += vr[vc + i] * xr[xc + i];
                for (int i = from; i < m; i++) xr[xc + i] -= 2 * dr * vr[vc + i];
                return;
            }
            for (int i = from; i < m; i++) {
                double a = vr[vc + i], b = vi == null ? 0 : -vi[vc + i]; // conj v
                double c = xr[xc + i], d = xi == null ? 0 : xi[xc + i];
                dr += a * c - b * d;
                di += a * d + b * c;
            }
            for (int i = from; i < m; i++) {
                double a = vr[vc + i], b = vi == null ? 0 : vi[vc + i];
                xr[xc + i] -= 2 * (a * dr - b * di);
                if (xi != null) xi[xc + i] -= 2 * (a * di + b * dr);
            }
        }

        /** R (k × n). */
        ColMatrix r() {
            ColMatrix r = new ColMatrix(k, a.n, a.complex());
            for (int j = 0; j < a.n; j++) {
                for (int i = 0; i <= Math.min(j, k - 1); i++) {
                    r.re[j * k + i] = a.re[j * a.m + i];
                    if (a.complex()) r.im[j * k + i] = a.im[j * a.m + i];
                }
            }
            return r;
        }

        /** Q·x for x with k rows (padded with zeros to m rows): H_0 ⋯ H_{k−1} [x; 0]. */
        ColMatrix applyQ(ColMatrix x) {
            boolean cx = a.complex() || x.complex();
            ColMatrix y = new ColMatrix(a.m, x.n, cx);
            for (int c = 0; c < x.n; c++) {
                System.arraycopy(x.re, c * x.m, y.re, c * a.m, x.m);
                if (x.complex()) System.arraycopy(x.im, c * x.m, y.im, c * a.m, x.m);
            }
            for (int j = k - 1; j >= 0; j--) for (int c = 0; c < y.n; c++) apply(v, j, y, c, j);
            return y;
        }

        /** The thin Q (m × k). */
        ColMatrix thinQ() {
            return applyQ(ColMatrix.eye(k, k, a.complex()));
        }
    }
}
