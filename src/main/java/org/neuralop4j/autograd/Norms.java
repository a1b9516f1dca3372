package org.neuralop4j.autograd;

import java.util.SplittableRandom;
import org.neuralop4j.tensor.Shapes;
import org.neuralop4j.tensor.Tensor;

/** Normalizations and dropout, composed from differentiable primitives (no rules of their own). */
public final class Norms {
    private Norms() {}

    /**
     * Instance norm: for input (b, c, spatial…), each (b, c) slice is centred and scaled by its own
     * mean and (biased) variance over the spatial axes: {@code (x − μ)/√(σ² + eps)}.
     */
    public static Var instanceNorm(Var x, double eps) {
        int r = x.shape().length;
        if (r < 3) throw new IllegalArgumentException("instanceNorm: needs (b, c, spatial…), got " + Shapes.str(x.shape()));
        int[] axes = new int[r - 2];
        for (int i = 0; i < axes.length; i++) axes[i] = i + 2;
        return normalize(x, axes, eps);
    }

    /** Layer norm over the last {@code k} axes: {@code (x − μ)/√(σ² + eps)} with μ, σ² over those axes. */
    public static Var layerNorm(Var x, int k, double eps) {
        int r = x.shape().length;
        if (k < 1 || k > r) throw new IllegalArgumentException("layerNorm: cannot normalize the last " + k + " axes of " + Shapes.str(x.shape()));
        int[] axes = new int[k];
        for (int i = 0; i < k; i++) axes[i] = r - k + i;
        return normalize(x, axes, eps);
    }

    private static Var normalize(Var x, int[] axes, double eps) {
        int[] keep = Ops.keepDims(x.shape(), axes, "normalize");
        Var centred = Ops.sub(x, Ops.reshape(Ops.mean(x, axes), keep));
        Var variance = Ops.reshape(Ops.mean(Pointwise.square(centred), axes), keep);
        return Ops.div(centred, Pointwise.sqrt(Ops.add(variance, eps)));
    }

    /**
     * Dropout: in training, each element is zeroed with probability p and the rest scaled by
     * 1/(1 − p), from a mask drawn with the given seed; outside training, x unchanged.
     */
    public static Var dropout(Var x, double p, long seed, boolean training) {
        if (!(p >= 0 && p < 1)) throw new IllegalArgumentException("dropout: p must be in [0, 1), got " + p);
        if (!training || p == 0) return x;
        SplittableRandom r = new SplittableRandom(seed);
        double[] mask = new double[x.value().size()];
        double keep = 1.0 / (1.0 - p);
        for (int i = 0; i < mask.length; i++) mask[i] = r.nextDouble() < p ? 0.0 : keep;
        return Ops.mul(x, Var.constant(Tensor.of(mask, x.shape())));
    }
}
