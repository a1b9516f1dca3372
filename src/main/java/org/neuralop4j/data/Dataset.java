package org.neuralop4j.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.neuralop4j.tensor.Shapes;
import org.neuralop4j.tensor.Tensor;

/**
 * Input–output pairs, x (N, c_in, n…) and y (N, c_out, n…), sample i being row i of both.
 */
public record Dataset(Tensor x, Tensor y) {
    public Dataset {
        if (x.rank() < 2 || y.rank() < 2 || x.dim(0) != y.dim(0)) {
            throw new IllegalArgumentException("Dataset: x " + Shapes.str(x.shape()) + " and y " + Shapes.str(y.shape())
                    + " must both be (N, channels, …) with the same N");
        }
    }

    public int size() {
        return x.dim(0);
    }

    /** The samples at the given indices, in that order. */
    public Dataset take(int[] indices) {
        return new Dataset(rows(x, indices), rows(y, indices));
    }

    /** Batches of indices: a seeded shuffle of 0..N−1 cut into runs of batchSize (the last may be shorter). */
    public List<int[]> batches(int batchSize, long seed) {
        if (batchSize < 1) throw new IllegalArgumentException("batches: batch size must be ≥ 1, got " + batchSize);
        int n = size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) { // Fisher–Yates
            int j = r.nextInt(i + 1), t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        List<int[]> out = new ArrayList<>();
        for (int s = 0; s < n; s += batchSize) out.add(Arrays.copyOfRange(order, s, Math.min(n, s + batchSize)));
        return out;
    }

    /** Every r-th grid point along every spatial axis (x[..., ::r, ::r] in numpy), for both x and y. */
    public Dataset subsample(int r) {
        return new Dataset(subsample(x, r), subsample(y, r));
    }

    static Tensor rows(Tensor t, int[] indices) {
        int[] shape = t.shape();
        int row = t.size() / Math.max(1, shape[0]);
        shape[0] = indices.length;
        Tensor out = t.isComplex() ? Tensor.zerosComplex(shape) : Tensor.zeros(shape);
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] < 0 || indices[i] >= t.dim(0)) throw new IndexOutOfBoundsException("sample " + indices[i] + " of " + t.dim(0));
            System.arraycopy(t.re(), indices[i] * row, out.re(), i * row, row);
            if (t.isComplex()) System.arraycopy(t.im(), indices[i] * row, out.im(), i * row, row);
        }
        return out;
    }

    /** Every r-th point along axes 2…; r must be ≥ 1. */
    public static Tensor subsample(Tensor t, int r) {
        if (r < 1) throw new IllegalArgumentException("subsample: rate must be ≥ 1, got " + r);
        if (r == 1) return t;
        int[] s = t.shape(), out = s.clone();
        for (int k = 2; k < s.length; k++) out[k] = (s[k] + r - 1) / r;
        Tensor o = t.isComplex() ? Tensor.zerosComplex(out) : Tensor.zeros(out);
        for (int off = 0; off < o.size(); off++) {
            int[] idx = Shapes.unravel(off, out);
            for (int k = 2; k < s.length; k++) idx[k] *= r;
            int src = t.offset(idx);
            o.re()[off] = t.re()[src];
            if (t.isComplex()) o.im()[off] = t.im()[src];
        }
        return o;
    }
}
