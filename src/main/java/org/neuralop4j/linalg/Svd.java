package org.neuralop4j.linalg;

import org.neuralop4j.tensor.Tensor;

/**
 * The thin singular value decomposition {@code A = U·diag(s)·Vh} of a real or complex m × n
 * matrix, as numpy's {@code svd(a, full_matrices=False)}: with k = min(m, n), U is m × k with
 * orthonormal columns, s holds k non-negative values in descending order, Vh is k × n with
 * orthonormal rows. The input is not modified.
 *
 * <p>Algorithms, by input (each works on the tall one of A and Aᴴ, T, m ≥ n):
 * <ul>
 * <li>real: Householder bidiagonalization and implicit-shift QR on the bidiagonal ({@link GolubKahan});
 *     when m ≥ 2n, QR first and the bidiagonal SVD of the n × n R (Chan's R-SVD). This is the fast
 *     path, and real matrices are the common case.
 * <li>complex: Householder QR, then one-sided Jacobi ({@link OneSidedJacobi}; Hestenes 1958) on the n × n Rᴴ: plane rotations
 *     from the right orthogonalize its columns pairwise until every pair is orthogonal to working
 *     precision; the column norms are the singular values (Drmač and Veselić, SIAM J. Matrix Anal.
 *     Appl. 29 (2008), §1). Chosen for complex input because one rotation formula covers it (a
 *     complex bidiagonalization needs extra phase bookkeeping to reach a real bidiagonal), it is
 *     short, and it is accurate to the last digits even for tiny singular values. It is about three
 *     times slower than the bidiagonal path on square matrices; the QR step keeps wide and tall
 *     matrices (Tucker unfoldings such as 32 × 4608) cheap.
 * </ul>
 *
 */
public final class Svd {
    private Svd() {}

    /** U (m × k), s (k, descending), Vh (k × n). */
    public record Result(Tensor u, Tensor s, Tensor vh) {}

    public static Result decompose(Tensor a) {
        if (a.rank() != 2) throw new IllegalArgumentException("svd: expected a matrix, got shape " + java.util.Arrays.toString(a.shape()));
        boolean wide = a.dim(0) < a.dim(1);
        ColMatrix tall = ColMatrix.of(a, wide); // the tall one of A and Aᴴ: T = U Σ Vᴴ
        Parts f = tall.complex() ? jacobiSvd(tall) : tall.m >= 2 * tall.n ? rSvd(tall) : GolubKahan.decompose(tall);
        Tensor s = Tensor.of(f.s, f.s.length);
        // for a wide A = Tᴴ the roles swap: A = V Σ Uᴴ
        return wide ? new Result(f.v.toTensor(false), s, f.u.toTensor(true)) : new Result(f.u.toTensor(false), s, f.v.toTensor(true));
    }

    /** The factors of a tall matrix T = U·diag(s)·Vᴴ, as column-major matrices. */
    record Parts(ColMatrix u, double[] s, ColMatrix v) {}

    /** For m ≥ 2n, T = Q·R first, and the bidiagonal SVD of the n × n R: T = (Q·U_R)·Σ·V_Rᵀ (Chan 1982). */
    private static Parts rSvd(ColMatrix tall) {
        Qr.Reflectors qr = Qr.Reflectors.factor(tall);
        Parts r = GolubKahan.decompose(qr.r());
        return new Parts(qr.applyQ(r.u), r.s, r.v);
    }

    /**
     * T = Q·R, then Jacobi on W = Rᴴ: Rᴴ·V_J = U_J·Σ, so R = V_J·Σ·U_Jᴴ and T = (Q·V_J)·Σ·U_Jᴴ.
     * (Rotating Rᴴ rather than R converges in fewer sweeps.)
     */
    private static Parts jacobiSvd(ColMatrix tall) {
        Qr.Reflectors qr = Qr.Reflectors.factor(tall);
        Parts j = OneSidedJacobi.run(ColMatrix.of(qr.r().toTensor(true), false));
        return new Parts(qr.applyQ(j.v), j.s, j.u);
    }

    /**
     * The leading k singular values and left singular vectors (U: m × k, k ≤ m). For a wide A
     * (m &lt; n) only R of the QR of Aᴴ is formed, never Q: A = Rᴴ·Qᴴ has the left singular vectors
     * and singular values of the m × m matrix Rᴴ. That is the cheap path for wide unfoldings. For a
     * tall A, k may exceed n: the columns past n are an orthonormal completion (singular value 0),
     * as a Tucker factor of full rank needs. Vh is not computed (null).
     */
    public static Result leading(Tensor a, int k) {
        if (a.rank() != 2) throw new IllegalArgumentException("svd: expected a matrix, got shape " + java.util.Arrays.toString(a.shape()));
        int m = a.dim(0), n = a.dim(1);
        if (k < 1 || k > m) throw new IllegalArgumentException("svd: cannot keep " + k + " left singular vectors of a " + m + " × " + n + " matrix");
        Result full = m < n ? decompose(Qr.Reflectors.factor(ColMatrix.of(a, true)).r().toTensor(true)) : decompose(a);
        int have = full.s().size();
        if (k <= have) return new Result(full.u().slice(1, 0, k), full.s().slice(0, 0, k), null);
        ColMatrix u = ColMatrix.of(full.u().pad(1, 0, k - have), false);
        double[] s = java.util.Arrays.copyOf(full.s().re(), k);
        OneSidedJacobi.completeBasis(u, s);
        return new Result(u.toTensor(false), Tensor.of(s, k), null);
    }
}
