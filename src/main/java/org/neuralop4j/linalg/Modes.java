package org.neuralop4j.linalg;

import org.neuralop4j.tensor.Shapes;
import org.neuralop4j.tensor.Tensor;

/**
 * Mode-n algebra of tensors (Kolda and Bader, "Tensor Decompositions and Applications", SIAM Review
 * 51 (2009), §2.4–2.5).
 *
 * <p>Ordering of the unfolding: {@code unfold(X, k)} moves axis k to the front and reshapes
 * row-major to {@code N_k × Π_{j≠k} N_j}; the remaining axes keep their order, the last varying
 * fastest. (This is numpy's {@code moveaxis(X, k, 0).reshape(N_k, -1)}, as in TensorLy; Kolda and
 * Bader's column ordering differs by a permutation of the columns, which changes no singular value
 * or left singular vector.)
 */
public final class Modes {
    private Modes() {}

    /** The mode-k unfolding, N_k × (product of the other dimensions). */
    public static Tensor unfold(Tensor x, int mode) {
        int r = x.rank();
        int k = Shapes.axis(mode, r, "unfold");
        return x.permute(frontPermutation(r, k)).reshape(x.dim(k), -1);
    }

    /** The inverse of {@link #unfold}: the matrix m (N_k × rest) folded back into a tensor of the given shape. */
    public static Tensor fold(Tensor m, int mode, int... shape) {
        int r = shape.length;
        int k = Shapes.axis(mode, r, "fold");
        int[] moved = new int[r];
        moved[0] = shape[k];
        for (int j = 0, i = 1; j < r; j++) if (j != k) moved[i++] = shape[j];
        if (m.rank() != 2 || m.dim(0) != shape[k] || m.size() != Shapes.size(shape)) {
            throw new IllegalArgumentException("fold: a matrix of shape " + Shapes.str(m.shape()) + " does not fold into "
                    + Shapes.str(shape) + " along mode " + mode);
        }
        int[] inv = new int[r];
        int[] p = frontPermutation(r, k);
        for (int i = 0; i < r; i++) inv[p[i]] = i;
        return m.reshape(moved).permute(inv);
    }

    /**
     * The mode-k product {@code X ×_k M}: every mode-k fibre of X multiplied by M (J × N_k), so the
     * result has J in place of N_k. With {@code conjugateTranspose}, M is N_k × J and Mᴴ is used
     * (the projection onto the columns of a factor).
     */
    public static Tensor product(Tensor x, Tensor m, int mode, boolean conjugateTranspose) {
        int r = x.rank();
        int k = Shapes.axis(mode, r, "modeProduct");
        Tensor mat = conjugateTranspose ? m.transpose(0, 1).conj() : m;
        if (mat.rank() != 2 || mat.dim(1) != x.dim(k)) {
            throw new IllegalArgumentException("modeProduct: matrix " + Shapes.str(m.shape()) + (conjugateTranspose ? "ᴴ" : "")
                    + " does not act on mode " + mode + " of " + Shapes.str(x.shape()));
        }
        int[] shape = x.shape();
        shape[k] = mat.dim(0);
        return fold(mat.matmul(unfold(x, k)), k, shape);
    }

    /** Products over several modes in turn: {@code X ×_{modes[0]} M_0 ×_{modes[1]} M_1 …}. */
    public static Tensor product(Tensor x, Tensor[] ms, int[] modes, boolean conjugateTranspose) {
        if (ms.length != modes.length) throw new IllegalArgumentException("modeProduct: " + ms.length + " matrices for " + modes.length + " modes");
        Tensor y = x;
        for (int i = 0; i < ms.length; i++) y = product(y, ms[i], modes[i], conjugateTranspose);
        return y;
    }

    private static int[] frontPermutation(int r, int k) {
        int[] p = new int[r];
        p[0] = k;
        for (int j = 0, i = 1; j < r; j++) if (j != k) p[i++] = j;
        return p;
    }
}
