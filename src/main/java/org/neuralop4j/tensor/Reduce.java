package org.neuralop4j.tensor;

import java.util.Arrays;

/** Sums and means over axes. Each output element is summed in index order, so results are deterministic. */
final class Reduce {
    private Reduce() {}

    static Tensor sum(Tensor x, int[] axes, boolean mean) {
        int[] shape = x.shapeRef();
        int r = shape.length;
        int[] ax = axes.length == 0 ? allAxes(r) : Shapes.axes(axes, r, mean ? "mean" : "sum");
        boolean[] reduced = new boolean[r];
        for (int a : ax) reduced[a] = true;
        int kept = 0;
        for (boolean b : reduced) if (!b) kept++;
        int[] outShape = new int[kept];
        int[] keepShape = new int[r]; // the output shape with reduced axes as 1
        for (int i = 0, k = 0; i < r; i++) {
            keepShape[i] = reduced[i] ? 1 : shape[i];
            if (!reduced[i]) outShape[k++] = shape[i];
        }
        int count = 1;
        for (int a : ax) count *= shape[a];
        Tensor out = sumInto(x, keepShape);
        Tensor res = new Tensor(outShape, out.re, out.im);
        if (mean) {
            if (count == 0) throw new IllegalArgumentException("mean: no elements along axes " + Arrays.toString(axes) + " of " + Shapes.str(shape));
            return res.scale(1.0 / count);
        }
        return res;
    }

    static Tensor sumTo(Tensor x, int[] target) {
        int[] shape = x.shapeRef();
        int[] b = Shapes.broadcast(target, shape, "sumTo");
        if (!Arrays.equals(b, shape)) {
            throw new IllegalArgumentException("sumTo: shape " + Shapes.str(shape) + " is not a broadcast of " + Shapes.str(target));
        }
        int off = shape.length - target.length;
        int[] keep = new int[shape.length];
        for (int i = 0; i < shape.length; i++) keep[i] = i < off ? 1 : target[i - off];
        Tensor s = sumInto(x, keep);
        return new Tensor(target.clone(), s.re, s.im);
    }

    /**
     * Sums x into a tensor of shape keep (same rank, each dim equal to x's or 1). The trailing
     * axes that are all summed (or all kept) form runs handled by one tight loop each; an
     * odometer walks the remaining leading axes run by run.
     */
    private static Tensor sumInto(Tensor x, int[] keep) {
        int[] shape = x.shapeRef();
        int r = shape.length;
        int n = Shapes.size(keep);
        double[] ore = new double[n];
        double[] oim = x.im == null ? null : new double[n];
        Flops.add(Math.max(0L, (long) x.size() - n) * (x.im == null ? 1 : 2));
        // the longest suffix of axes that are all reduced, or else all kept
        int split = r;
        boolean reducedRun = r > 0 && keep[r - 1] == 1 && shape[r - 1] > 1;
        while (split > 0 && (keep[split - 1] == 1 && shape[split - 1] > 1) == reducedRun && (reducedRun || keep[split - 1] == shape[split - 1])) split--;
        int run = Shapes.prod(shape, split, r);
        int runs = run == 0 ? 0 : x.size() / run;
        int[] os = Shapes.broadcastStrides(keep, shape);
        int[] idx = new int[split];
        int o = 0;
        for (int q = 0; q < runs; q++) {
            int src = q * run;
            if (reducedRun) {
                double sr = 0;
                for (int j = 0; j < run; j++) sr += x.re[src + j];
                ore[o] += sr;
                if (oim != null) {
                    double si = 0;
                    for (int j = 0; j < run; j++) si += x.im[src + j];
                    oim[o] += si;
                }
            } else {
                for (int j = 0; j < run; j++) ore[o + j] += x.re[src + j];
                if (oim != null) for (int j = 0; j < run; j++) oim[o + j] += x.im[src + j];
            }
            for (int d = split - 1; d >= 0; d--) {
                idx[d]++;
                o += os[d];
                if (idx[d] < shape[d]) break;
                o -= os[d] * shape[d];
                idx[d] = 0;
            }
        }
        return new Tensor(keep.clone(), ore, oim);
    }

    private static int[] allAxes(int r) {
        int[] a = new int[r];
        for (int i = 0; i < r; i++) a[i] = i;
        return a;
    }
}
