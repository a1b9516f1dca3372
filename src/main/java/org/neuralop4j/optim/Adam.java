package org.neuralop4j.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neuralop4j.autograd.Var;
import org.neuralop4j.tensor.Tensor;

/**
 * Adam (Kingma and Ba, ICLR 2015, Algorithm 1) and AdamW (Loshchilov and Hutter, ICLR 2019,
 * Algorithm 2), in PyTorch's arithmetic order:
 * <pre>
 *   t ← t + 1;   g ← g + λ·p            (Adam's L2 weight decay, if λ &gt; 0)
 *   p ← p·(1 − lr·λ)                    (AdamW's decoupled decay, instead)
 *   m ← β₁m + (1 − β₁)g;   v ← β₂v + (1 − β₂)|g|²
 *   p ← p − (lr/(1 − β₁ᵗ)) · m / (√v/√(1 − β₂ᵗ) + ε)
 * </pre>
 * For a complex parameter m is complex and v real (the second moment of |g|²), so the step keeps
 * the gradient's direction in the complex plane. State per parameter: m (as the parameter) and v
 * (real), plus the step count.
 */
public class Adam extends Optimizer {
    /** Settings; {@code Config.defaults(lr)} has PyTorch's defaults (β = 0.9, 0.999; ε = 1e-8; no decay). */
    public record Config(double lr, double beta1, double beta2, double eps, double weightDecay) {
        public Config {
            if (!(lr >= 0) || !(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(eps > 0) || !(weightDecay >= 0)) {
                throw new IllegalArgumentException("Adam: invalid settings lr " + lr + ", betas " + beta1 + ", " + beta2 + ", eps " + eps
                        + ", weight decay " + weightDecay);
            }
        }

        public static Config defaults(double lr) {
            return new Config(lr, 0.9, 0.999, 1e-8, 0.0);
        }

        public Config withWeightDecay(double wd) {
            return new Config(lr, beta1, beta2, eps, wd);
        }
    }

    private final Config c;
    private final boolean decoupled;
    private final List<Tensor> m = new ArrayList<>(), v = new ArrayList<>();
    private long t;

    public Adam(List<Var> params, Config c) {
        this(params, c, false);
    }

    Adam(List<Var> params, Config c, boolean decoupled) {
        super(params, c.lr());
        this.c = c;
        this.decoupled = decoupled;
        for (Var p : params) {
            m.add(p.value().isComplex() ? Tensor.zerosComplex(p.shape()) : Tensor.zeros(p.shape()));
            v.add(Tensor.zeros(p.shape()));
        }
    }

    /** The number of steps taken. */
    public long steps() {
        return t;
    }

    @Override
    public void step() {
        t++;
        double bc1 = 1 - Math.pow(c.beta1(), t), bc2 = 1 - Math.pow(c.beta2(), t);
        double stepSize = lr() / bc1, sqrtBc2 = Math.sqrt(bc2);
        for (int i = 0; i < params.size(); i++) {
            Var p = params.get(i);
            Tensor g = p.grad();
            if (g == null) continue;
            Tensor x = p.value();
            if (c.weightDecay() > 0) {
                if (decoupled) Updates.shrink(x, lr() * c.weightDecay());
                else g = g.add(x.scale(c.weightDecay()));
            }
            update(x, g, m.get(i), v.get(i), stepSize, sqrtBc2);
        }
    }

    private void update(Tensor x, Tensor g, Tensor mi, Tensor vi, double stepSize, double sqrtBc2) {
        Updates.addScaled(x, -1, Updates.adamStep(g, mi, vi, c.beta1(), c.beta2(), c.eps(), stepSize, sqrtBc2));
    }

    @Override
    public long stateBytes() {
        long n = 8; // the step count
        for (int i = 0; i < m.size(); i++) n += 8L * m.get(i).size() * (m.get(i).isComplex() ? 2 : 1) + 8L * v.get(i).size();
        return n;
    }

    @Override
    public Map<String, Tensor> state() {
        return adamState(t, m, v);
    }

    @Override
    public void loadState(Map<String, Tensor> state) {
        t = loadAdamState(state, m, v);
    }
}
