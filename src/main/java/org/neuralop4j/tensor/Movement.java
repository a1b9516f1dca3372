package org.neuralop4j.tensor;

/** Reshape, permute, slice, pad, concat and stack. All but reshape copy. */
final class Movement {
    private Movement() {}

    static int[] resolveReshape(int[] shape, int[] newShape) {
        int n = Shapes.size(shape);
        int[] s = newShape.clone();
        int free = -1;
        long known = 1;
        for (int i = 0; i < s.length; i++) {
            if (s[i] == -1) {
                if (free >= 0) throw new IllegalArgumentException("reshape: more than one -1 in " + Shapes.str(newShape));
                free = i;
            } else if (s[i] < 0) {
                throw new IllegalArgumentException("reshape: negative dimension in " + Shapes.str(newShape));
            } else {
                known *= s[i];
            }
        }
        if (free >= 0) {
            if (known == 0 || n % known != 0) {
                throw new IllegalArgumentException("reshape: cannot reshape " + Shapes.str(shape) + " into " + Shapes.str(newShape));
            }
            s[free] = (int) (n / known);
        } else if (known != n) {
            throw new IllegalArgumentException("reshape: cannot reshape " + Shapes.str(shape) + " into " + Shapes.str(newShape));
        }
        return s;
    }

    static Tensor permute(Tensor x, int[] perm) {
        int[] shape = x.shapeRef();
        int r = shape.length;
        if (perm.length != r) {
            throw new IllegalArgumentException("permute: " + Shapes.str(perm) + " is not a permutation of the axes of " + Shapes.str(shape));
        }
        int[] p = Shapes.axes(perm, r, "permute");
        int[] out = new int[r];
        int[] inStrides = Shapes.strides(shape);
        int[] srcStride = new int[r]; // stride in x of output axis i
        for (int i = 0; i < r; i++) {
            out[i] = shape[p[i]];
            srcStride[i] = inStrides[p[i]];
        }
        double[] ore = new double[x.size()];
        double[] oim = x.im == null ? null : new double[x.size()];
        gather(x.re, ore, out, srcStride);
        if (oim != null) gather(x.im, oim, out, srcStride);
        return new Tensor(out, ore, oim);
    }

    static Tensor broadcastTo(Tensor x, int[] target) {
        int[] b = Shapes.broadcast(x.shapeRef(), target, "broadcastTo");
        if (!java.util.Arrays.equals(b, target)) {
            throw new IllegalArgumentException("broadcastTo: shape " + Shapes.str(x.shapeRef()) + " cannot be broadcast to " + Shapes.str(target));
        }
        int[] out = target.clone();
        int[] stride = Shapes.broadcastStrides(x.shapeRef(), out);
        double[] ore = new double[Shapes.size(out)];
        double[] oim = x.im == null ? null : new double[ore.length];
        gather(x.re, ore, out, stride);
        if (oim != null) gather(x.im, oim, out, stride);
        return new Tensor(out, ore, oim);
    }

    /** dst (row-major over shape) [i] = src[Σ idx_d · stride_d]; the innermost axis runs as a loop. */
    private static void gather(double[] src, double[] dst, int[] shape, int[] stride) {
        int r = shape.length;
        if (dst.length == 0) return;
        if (r == 0) {
            dst[0] = src[0];
            return;
        }
        int inner = shape[r - 1], is = stride[r - 1];
        int rows = dst.length / inner;
        Parallel.forRange(rows, 256, (r0, r1) -> {
            for (int row = r0; row < r1; row++) {
                int off = 0, rem = row;
                for (int d = r - 2; d >= 0; d--) {
                    off += (rem % shape[d]) * stride[d];
                    rem /= shape[d];
                }
                int o = row * inner;
                for (int j = 0; j < inner; j++) dst[o + j] = src[off + j * is];
            }
        });
    }

    static Tensor slice(Tensor x, int axis, int start, int end) {
        int[] shape = x.shapeRef();
        int a = Shapes.axis(axis, shape.length, "slice");
        if (start < 0 || end > shape[a] || start > end) {
            throw new IllegalArgumentException("slice: [" + start + ", " + end + ") outside axis " + axis + " of shape " + Shapes.str(shape));
        }
        int[] out = shape.clone();
        out[a] = end - start;
        return copyBlock(x, out, a, start, 0);
    }

    static Tensor pad(Tensor x, int axis, int before, int after) {
        int[] shape = x.shapeRef();
        int a = Shapes.axis(axis, shape.length, "pad");
        if (before < 0 || after < 0) throw new IllegalArgumentException("pad: negative padding " + before + ", " + after);
        int[] out = shape.clone();
        out[a] = shape[a] + before + after;
        return copyBlock(x, out, a, 0, before);
    }

    /**
     * A tensor of shape {@code out} (zeros) into which x's rows along axis a are copied: x's indices
     * {@code [srcStart, srcStart + len)} go to {@code [dstStart, dstStart + len)}, where len is the
     * smaller of what remains on either side.
     */
    private static Tensor copyBlock(Tensor x, int[] out, int a, int srcStart, int dstStart) {
        int[] shape = x.shapeRef();
        int outer = Shapes.prod(shape, 0, a);
        int inner = Shapes.prod(shape, a + 1, shape.length);
        int len = Math.min(shape[a] - srcStart, out[a] - dstStart);
        double[] ore = new double[Shapes.size(out)];
        double[] oim = x.im == null ? null : new double[ore.length];
        for (int o = 0; o < outer; o++) {
            int s = (o * shape[a] + srcStart) * inner, d = (o * out[a] + dstStart) * inner;
            System.arraycopy(x.re, s, ore, d, len * inner);
            if (oim != null) System.arraycopy(x.im, s, oim, d, len * inner);
        }
        return new Tensor(out, ore, oim);
    }

    static Tensor concat(int axis, Tensor[] ts) {
        if (ts.length == 0) throw new IllegalArgumentException("concat: no tensors");
        int[] first = ts[0].shapeRef();
        int a = Shapes.axis(axis, first.length, "concat");
        int total = 0;
        boolean complex = false;
        for (Tensor t : ts) {
            int[] s = t.shapeRef();
            boolean ok = s.length == first.length;
            for (int i = 0; ok && i < s.length; i++) ok = i == a || s[i] == first[i];
            if (!ok) throw new IllegalArgumentException("concat: shapes " + Shapes.str(first) + " and " + Shapes.str(s) + " differ off axis " + axis);
            total += s[a];
            complex |= t.isComplex();
        }
        int[] out = first.clone();
        out[a] = total;
        int outer = Shapes.prod(first, 0, a);
        int inner = Shapes.prod(first, a + 1, first.length);
        double[] ore = new double[Shapes.size(out)];
        double[] oim = complex ? new double[ore.length] : null;
        int at = 0;
        for (Tensor t : ts) {
            int len = t.shapeRef()[a] * inner;
            for (int o = 0; o < outer; o++) {
                System.arraycopy(t.re, o * len, ore, o * total * inner + at, len);
                if (t.im != null) System.arraycopy(t.im, o * len, oim, o * total * inner + at, len);
            }
            at += len;
        }
        return new Tensor(out, ore, oim);
    }

    static Tensor stack(int axis, Tensor[] ts) {
        if (ts.length == 0) throw new IllegalArgumentException("stack: no tensors");
        int[] first = ts[0].shapeRef();
        int a = Shapes.axis(axis, first.length + 1, "stack");
        Tensor[] expanded = new Tensor[ts.length];
        for (int i = 0; i < ts.length; i++) {
            Shapes.requireSame(first, ts[i].shapeRef(), "stack");
            int[] s = new int[first.length + 1];
            for (int d = 0, k = 0; d < s.length; d++) s[d] = d == a ? 1 : first[k++];
            expanded[i] = ts[i].reshape(s);
        }
        return concat(a, expanded);
    }
}
