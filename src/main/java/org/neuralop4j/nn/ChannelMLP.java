package org.neuralop4j.nn;

import org.neuralop4j.autograd.Ops;
import org.neuralop4j.autograd.Pointwise;
import org.neuralop4j.autograd.Var;

/**
 * Pointwise linear maps over the channel axis with GELU between them (not after the last):
 * {@code in → hidden → … → hidden → out}, as neuraloperator's ChannelMLP. Parameters
 * {@code fcs.i.weight} (out_i, in_i) and {@code fcs.i.bias} (out_i).
 */
public final class ChannelMLP extends Module {
    private final Var[] weights, biases;

    public ChannelMLP(int in, int out, int hidden, int layers, long seed) {
        if (layers < 1 || in < 1 || out < 1 || hidden < 1) {
            throw new IllegalArgumentException("ChannelMLP: need positive sizes and layers, got in " + in + ", out " + out
                    + ", hidden " + hidden + ", layers " + layers);
        }
        weights = new Var[layers];
        biases = new Var[layers];
        for (int i = 0; i < layers; i++) {
            int a = i == 0 ? in : hidden, b = i == layers - 1 ? out : hidden;
            weights[i] = addParameter("fcs." + i + ".weight", Init.linear(seed + 2L * i, a, b, a));
            biases[i] = addParameter("fcs." + i + ".bias", Init.linear(seed + 2L * i + 1, a, b));
        }
    }

    /** x (batch, in, spatial…) → (batch, out, spatial…). */
    public Var forward(Var x) {
        Var y = x;
        for (int i = 0; i < weights.length; i++) {
            y = Ops.channelLinear(y, weights[i], biases[i]);
            if (i < weights.length - 1) y = Pointwise.gelu(y);
        }
        return y;
    }
}
