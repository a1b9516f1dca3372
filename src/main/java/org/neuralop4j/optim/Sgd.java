package org.neuralop4j.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neuralop4j.autograd.Var;
import org.neuralop4j.tensor.Tensor;

/**
 * Stochastic gradient descent with momentum, as PyTorch's SGD:
 * {@code b ← μ·b + g} (b = g on the first step), {@code p ← p − lr·b}; with μ = 0 no buffer is kept.
 */
public final class Sgd extends Optimizer {
    private final double momentum;
    private final List<Tensor> buffers = new ArrayList<>();

    public Sgd(List<Var> params, double lr, double momentum) {
        super(params, lr);
        if (!(momentum >= 0 && momentum < 1)) throw new IllegalArgumentException("Sgd: momentum must be in [0, 1), got " + momentum);
        this.momentum = momentum;
        for (int i = 0; i < params.size(); i++) buffers.add(null);
    }

    @Override
    public void step() {
        for (int i = 0; i < params.size(); i++) {
            Var p = params.get(i);
            Tensor g = p.grad();
            if (g == null) continue;
            Tensor dir = g;
            if (momentum > 0) {
                Tensor b = buffers.get(i);
                if (b == null) {
                    b = g.copy();
                    if (p.value().isComplex() && !b.isComplex()) b = b.toComplex();
                    buffers.set(i, b);
                } else {
                    axpby(b, momentum, g);
                }
                dir = b;
            }
            Updates.addScaled(p.value(), -lr(), dir);
        }
    }

    /** b ← μ·b + g. */
    private static void axpby(Tensor b, double mu, Tensor g) {
        double[] br = b.re(), gr = g.re();
        for (int k = 0; k < br.length; k++) br[k] = mu * br[k] + gr[k];
        if (b.im() != null) {
            double[] bi = b.im(), gi = g.im();
            for (int k = 0; k < bi.length; k++) bi[k] = mu * bi[k] + (gi == null ? 0 : gi[k]);
        }
    }

    @Override
    public long stateBytes() {
        long n = 0;
        for (Tensor b : buffers) if (b != null) n += 8L * b.size() * (b.isComplex() ? 2 : 1);
        return n;
    }

    @Override
    public Map<String, Tensor> state() {
        return named("momentum_buffer", buffers);
    }

    @Override
    public void loadState(Map<String, Tensor> state) {
        for (int i = 0; i < params.size(); i++) {
            Tensor saved = state.get(i + ".momentum_buffer");
            buffers.set(i, saved == null ? null : saved.copy());
        }
    }
}
