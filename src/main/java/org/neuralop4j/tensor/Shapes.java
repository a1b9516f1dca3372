package org.neuralop4j.tensor;

import java.util.Arrays;

/** Shape arithmetic shared by the tensor kernels: sizes, row-major strides, axes, broadcasting. */
public final class Shapes {
    private Shapes() {}

    /** Number of elements of a shape; throws if a dimension is negative or the product overflows an int. */
    public static int size(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) throw new IllegalArgumentException("negative dimension in shape " + str(shape));
            n *= d;
            if (n > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("shape " + str(shape) + " has more than 2^31 elements");
        }
        return (int) n;
    }

    /** Row-major strides: the last axis has stride 1. */
    public static int[] strides(int[] shape) {
        int[] s = new int[shape.length];
        int acc = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= shape[i];
        }
        return s;
    }

    /** Product of shape[from..to). */
    public static int prod(int[] shape, int from, int to) {
        int p = 1;
        for (int i = from; i < to; i++) p *= shape[i];
        return p;
    }

    /** Resolves a possibly negative axis (-1 is the last) against a rank, or throws naming the op. */
    public static int axis(int axis, int rank, String op) {
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw new IllegalArgumentException(op + ": axis " + axis + " out of range for rank " + rank);
        }
        return a;
    }

    /** Resolves a list of distinct axes; throws on duplicates. */
    public static int[] axes(int[] axes, int rank, String op) {
        int[] out = new int[axes.length];
        boolean[] seen = new boolean[rank];
        for (int i = 0; i < axes.length; i++) {
            out[i] = axis(axes[i], rank, op);
            if (seen[out[i]]) throw new IllegalArgumentException(op + ": axis " + axes[i] + " given twice in " + Arrays.toString(axes));
            seen[out[i]] = true;
        }
        return out;
    }

    /**
     * The broadcast shape of a and b under numpy's rules: shapes are aligned on the right, and each
     * pair of dimensions must be equal or one of them 1.
     */
    public static int[] broadcast(int[] a, int[] b, String op) {
        int r = Math.max(a.length, b.length);
        int[] out = new int[r];
        for (int i = 0; i < r; i++) {
            int da = i < r - a.length ? 1 : a[i - (r - a.length)];
            int db = i < r - b.length ? 1 : b[i - (r - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException(op + ": shapes " + str(a) + " and " + str(b) + " cannot be broadcast");
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    /**
     * Strides of a tensor of shape {@code shape} seen through the larger broadcast shape {@code target}
     * (right-aligned): 0 on axes where it is broadcast.
     */
    static int[] broadcastStrides(int[] shape, int[] target) {
        int[] own = strides(shape);
        int[] s = new int[target.length];
        int off = target.length - shape.length;
        for (int i = off; i < target.length; i++) {
            s[i] = shape[i - off] == 1 ? 0 : own[i - off];
        }
        return s;
    }

    /** The multi-index of a row-major offset (numpy's unravel_index). */
    public static int[] unravel(int offset, int[] shape) {
        int[] idx = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            int n = Math.max(1, shape[d]);
            idx[d] = offset % n;
            offset /= n;
        }
        return idx;
    }

    public static String str(int[] shape) {
        return Arrays.toString(shape);
    }

    static void requireSame(int[] a, int[] b, String op) {
        if (!Arrays.equals(a, b)) {
            throw new IllegalArgumentException(op + ": shapes " + str(a) + " and " + str(b) + " differ");
        }
    }
}
