package org.neuralop4j.optim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuralop4j.autograd.Var;
import org.neuralop4j.tensor.Tensor;

/**
 * Updates parameters in place from their accumulated gradients. Gradients follow the convention of
 * {@link Var} (for complex parameters, ∂L/∂Re + i·∂L/∂Im), so the steepest-descent step of a complex
 * parameter is −lr·g, as for a real one.
 *
 * <p>State (moments, step counts) is kept per parameter and can be saved and restored exactly
 * ({@link #state()}, {@link #loadState}) so that a resumed run repeats an uninterrupted one bit for bit.
 */
public abstract class Optimizer {
    protected final List<Var> params;
    private double lr;

    protected Optimizer(List<Var> params, double lr) {
        if (params.isEmpty()) throw new IllegalArgumentException("optimizer: no parameters");
        if (!(lr >= 0)) throw new IllegalArgumentException("optimizer: learning rate must be ≥ 0, got " + lr);
        this.params = new ArrayList<>(params);
        this.lr = lr;
    }

    /** One update of every parameter that has a gradient. */
    public abstract void step();

    /** The exact number of bytes of optimizer state (8 per real double held). */
    public abstract long stateBytes();

    /** The state as named tensors (for checkpoints and resume). */
    public abstract Map<String, Tensor> state();

    /** Restores a state saved by {@link #state()}. */
    public abstract void loadState(Map<String, Tensor> state);

    public final double lr() {
        return lr;
    }

    public final void setLr(double lr) {
        if (!(lr >= 0)) throw new IllegalArgumentException("optimizer: learning rate must be ≥ 0, got " + lr);
        this.lr = lr;
    }

    public final void zeroGrad() {
        for (Var p : params) p.zeroGrad();
    }

    /**
     * Scales all gradients so that their joint 2-norm (over real and imaginary parts) is at most
     * maxNorm, as PyTorch's clip_grad_norm_; returns the norm before clipping.
     */
    public static double clipGradNorm(List<Var> params, double maxNorm) {
        double sq = 0;
        for (Var p : params) {
            Tensor g = p.grad();
            if (g == null) continue;
            for (double v : g.re()) sq += v * v;
            if (g.im() != null) for (double v : g.im()) sq += v * v;
        }
        double norm = Math.sqrt(sq);
        if (norm > maxNorm && norm > 0) {
            double f = maxNorm / (norm + 1e-6);
            for (Var p : params) {
                Tensor g = p.grad();
                if (g == null) continue;
                scaleInPlace(g.re(), f);
                if (g.im() != null) scaleInPlace(g.im(), f);
            }
        }
        return norm;
    }

    private static void scaleInPlace(double[] a, double f) {
        for (int i = 0; i < a.length; i++) a[i] *= f;
    }

    /** Helper for subclasses: the state map with a name per parameter index. */
    protected static Map<String, Tensor> named(String what, List<Tensor> ts) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (int i = 0; i < ts.size(); i++) if (ts.get(i) != null) m.put(i + "." + what, ts.get(i));
        return m;
    }

    /** Adam's state as named tensors: the step count and each parameter's moments. */
    static Map<String, Tensor> adamState(long step, List<Tensor> m, List<Tensor> v) {
        Map<String, Tensor> s = new LinkedHashMap<>();
        s.put("step", Tensor.scalar(step));
        s.putAll(named("exp_avg", m));
        s.putAll(named("exp_avg_sq", v));
        return s;
    }

    /** Restores the moments saved by {@link #adamState} into m and v; returns the step count. */
    static long loadAdamState(Map<String, Tensor> state, List<Tensor> m, List<Tensor> v) {
        Tensor step = state.get("step");
        if (step == null) throw new IllegalArgumentException("optimizer state: step is missing");
        for (int i = 0; i < m.size(); i++) {
            restore(state, i + ".exp_avg", m.get(i));
            restore(state, i + ".exp_avg_sq", v.get(i));
        }
        return (long) step.item();
    }

    /** Copies a saved tensor into a live one, checking the shape. */
    protected static void restore(Map<String, Tensor> state, String key, Tensor into) {
        Tensor t = state.get(key);
        if (t == null || !java.util.Arrays.equals(t.shape(), into.shape()) || t.isComplex() != into.isComplex()) {
            throw new IllegalArgumentException("optimizer state: " + key + (t == null ? " is missing" : " has the wrong shape or kind"));
        }
        System.arraycopy(t.re(), 0, into.re(), 0, into.size());
        if (into.isComplex()) System.arraycopy(t.im(), 0, into.im(), 0, into.size());
    }
}
