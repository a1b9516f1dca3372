package org.neuralop4j.linalg;

import java.util.Arrays;
import org.neuralop4j.tensor.Shapes;
import org.neuralop4j.tensor.Tensor;

/**
 * A Tucker decomposition {@code X ≈ G ×_1 U_1 ×_2 U_2 ⋯ ×_d U_d}: a core G (R_1 × ⋯ × R_d) and
 * factors U_k (N_k × R_k) with orthonormal columns, real or complex (Kolda and Bader, SIAM Review
 * 51 (2009), §4). With orthonormal factors the core is the projection
 * {@code G = X ×_1 U_1ᴴ ⋯ ×_d U_dᴴ} and {@code ‖X − X̂‖² = ‖X‖² − ‖G‖²}.
 */
public record Tucker(Tensor core, Tensor[] factors) {
    public Tucker {
        if (factors.length != core.rank()) {
            throw new IllegalArgumentException("Tucker: " + factors.length + " factors for a core of shape " + Shapes.str(core.shape()));
        }
        for (int k = 0; k < factors.length; k++) {
            if (factors[k].rank() != 2 || factors[k].dim(1) != core.dim(k)) {
                throw new IllegalArgumentException("Tucker: factor " + k + " of shape " + Shapes.str(factors[k].shape())
                        + " does not fit core dimension " + core.dim(k));
            }
        }
        factors = factors.clone();
    }

    @Override
    public Tensor[] factors() {
        return factors.clone();
    }

    /** The ranks R_k. */
    public int[] ranks() {
        return core.shape();
    }

    /** X̂ = G ×_1 U_1 ⋯ ×_d U_d. */
    public Tensor reconstruct() {
        return Modes.product(core, factors, allModes(factors.length), false);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tucker t && core.allClose(t.core, 0, 0) && Arrays.deepEquals(shapes(factors), shapes(t.factors))
                && allEqual(factors, t.factors);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(core.shape());
    }

    @Override
    public String toString() {
        return "Tucker(core " + Shapes.str(core.shape()) + ", ranks " + Arrays.toString(ranks()) + ")";
    }

    // ---------------------------------------------------------------- decompositions

    /**
     * Truncated higher-order SVD (De Lathauwer, De Moor and Vandewalle, SIAM J. Matrix Anal. Appl.
     * 21 (2000)): U_k = the leading R_k left singular vectors of the mode-k unfolding, then the core
     * by projection.
     */
    public static Tucker hosvd(Tensor x, int... ranks) {
        checkRanks(x, ranks);
        Tensor[] u = new Tensor[x.rank()];
        for (int k = 0; k < u.length; k++) u[k] = Svd.leading(Modes.unfold(x, k), ranks[k]).u();
        return project(x, u);
    }

    /**
     * Higher-order orthogonal iteration (De Lathauwer, De Moor and Vandewalle, SIAM J. Matrix Anal.
     * Appl. 21 (2000) 1324–1342, Algorithm 4.2), warm-started from the factors given (HOSVD's if
     * null). A sweep updates each factor in turn to the leading left singular vectors of
     * {@code X ×_{j≠k} U_jᴴ} unfolded along k; it stops after {@code maxSweeps}, or when the relative
     * error ‖X − X̂‖/‖X‖ improves by less than {@code tol}.
     */
    public static Tucker hooi(Tensor x, int[] ranks, Tensor[] init, int maxSweeps, double tol) {
        checkRanks(x, ranks);
        if (maxSweeps < 0) throw new IllegalArgumentException("hooi: negative sweep limit " + maxSweeps);
        Tensor[] u = init == null ? hosvd(x, ranks).factors() : init.clone();
        if (u.length != x.rank()) throw new IllegalArgumentException("hooi: " + u.length + " initial factors for a tensor of rank " + x.rank());
        for (int k = 0; k < u.length; k++) {
            if (u[k].rank() != 2 || u[k].dim(0) != x.dim(k) || u[k].dim(1) != ranks[k]) {
                throw new IllegalArgumentException("hooi: initial factor " + k + " has shape " + Shapes.str(u[k].shape())
                        + ", expected [" + x.dim(k) + ", " + ranks[k] + "]");
            }
        }
        double norm2 = squaredNorm(x), err = Double.POSITIVE_INFINITY;
        Tucker current = null;
        for (int sweep = 0; sweep < maxSweeps; sweep++) {
            Tensor core = null;
            for (int k = 0; k < u.length; k++) {
                Tensor y = x;
                for (int j = 0; j < u.length; j++) if (j != k) y = Modes.product(y, u[j], j, true);
                u[k] = Svd.leading(Modes.unfold(y, k), ranks[k]).u();
                // after the last mode, the core is one small product away
                if (k == u.length - 1) core = Modes.product(y, u[k], k, true);
            }
            current = new Tucker(core, u);
            double next = norm2 == 0 ? 0 : Math.sqrt(Math.max(0, norm2 - squaredNorm(core)) / norm2);
            boolean done = err - next < tol;
            err = next;
            if (done) break;
        }
        return current != null ? current : project(x, u);
    }

    /**
     * Ranks holding about a fraction r of the tensor's entries in core and factors:
     * {@code R_k = round(c·N_k)} in [1, N_k], where c solves {@code c^d·ΠN_k + c·ΣN_k² = r·ΠN_k}
     * (the count of a decomposition with ranks c·N_k). For r ≥ 1 every rank is full, so the
     * decomposition reproduces the tensor.
     */
    public static int[] ranksFromRatio(int[] shape, double r) {
        if (!(r > 0)) throw new IllegalArgumentException("ranksFromRatio: ratio must be positive, got " + r);
        int d = shape.length;
        int[] ranks = shape.clone();
        if (r >= 1) return ranks;
        double prod = Shapes.size(shape), sumSq = 0;
        for (int n : shape) sumSq += (double) n * n;
        double lo = 0, hi = 1; // the left side grows with c: bisection
        for (int it = 0; it < 200; it++) {
            double c = 0.5 * (lo + hi);
            if (Math.pow(c, d) * prod + c * sumSq < r * prod) lo = c;
            else hi = c;
        }
        double c = 0.5 * (lo + hi);
        for (int k = 0; k < d; k++) ranks[k] = (int) Math.max(1, Math.min(shape[k], Math.round(c * shape[k])));
        return ranks;
    }

    /** The decomposition with the given orthonormal factors and the projected core. */
    public static Tucker project(Tensor x, Tensor[] u) {
        return new Tucker(Modes.product(x, u, allModes(u.length), true), u);
    }

    static double squaredNorm(Tensor t) {
        double s = 0;
        for (double v : t.re()) s += v * v;
        if (t.im() != null) for (double v : t.im()) s += v * v;
        return s;
    }

    private static void checkRanks(Tensor x, int[] ranks) {
        if (ranks.length != x.rank()) {
            throw new IllegalArgumentException("tucker: " + ranks.length + " ranks for a tensor of shape " + Shapes.str(x.shape()));
        }
        for (int k = 0; k < ranks.length; k++) {
            if (ranks[k] < 1 || ranks[k] > x.dim(k)) {
                throw new IllegalArgumentException("tucker: rank " + ranks[k] + " for mode " + k + " of shape " + Shapes.str(x.shape()));
            }
        }
    }

    private static int[] allModes(int d) {
        int[] m = new int[d];
        for (int i = 0; i < d; i++) m[i] = i;
        return m;
    }

    private static int[][] shapes(Tensor[] ts) {
        int[][] s = new int[ts.length][];
        for (int i = 0; i < ts.length; i++) s[i] = ts[i].shape();
        return s;
    }

    private static boolean allEqual(Tensor[] a, Tensor[] b) {
        for (int i = 0; i < a.length; i++) if (!a[i].allClose(b[i], 0, 0)) return false;
        return true;
    }
}
