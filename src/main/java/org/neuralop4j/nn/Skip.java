package org.neuralop4j.nn;

import org.neuralop4j.autograd.Ops;
import org.neuralop4j.autograd.Var;
import org.neuralop4j.tensor.Tensor;

/** The skip connection beside a spectral convolution or channel MLP in an FNO block. */
public final class Skip extends Module {
    /** Which skip: a 1×1 linear map without bias, the identity, or a per-channel gate (soft-gating). */
    public enum Kind { LINEAR, IDENTITY, SOFT_GATING }

    private final Kind kind;
    private final Var weight;

    /** A skip for inputs of {@code channels} channels and {@code spatialDims} spatial axes. */
    public Skip(Kind kind, int channels, int spatialDims, long seed) {
        this.kind = kind;
        switch (kind) {
            case LINEAR -> weight = addParameter("weight", Init.linear(seed, channels, channels, channels));
            case SOFT_GATING -> {
                int[] shape = new int[spatialDims + 2];
                java.util.Arrays.fill(shape, 1);
                shape[1] = channels;
                weight = addParameter("weight", Tensor.ones(shape)); // starts as the identity
            }
            default -> weight = null;
        }
    }

    public Var forward(Var x) {
        return switch (kind) {
            case LINEAR -> Ops.channelLinear(x, weight, null);
            case SOFT_GATING -> Ops.mul(x, weight);
            case IDENTITY -> x;
        };
    }
}
