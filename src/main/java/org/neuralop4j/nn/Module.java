package org.neuralop4j.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuralop4j.autograd.Var;
import org.neuralop4j.tensor.Tensor;

/**
 * A layer or model: named parameters and named child modules. A parameter's full name joins the
 * names on the way down with dots, as PyTorch's {@code state_dict} does
 * ({@code fno_blocks.convs.0.weight}), so a reader can hold a PyTorch checkpoint and ours side by side.
 *
 * <p>Parameters are {@link Var} leaves whose tensors optimizers update in place. Each subclass has
 * its own forward method (its signature depends on the layer).
 */
public abstract class Module {
    private final LinkedHashMap<String, Var> params = new LinkedHashMap<>();
    private final LinkedHashMap<String, Module> children = new LinkedHashMap<>();
    private boolean training = true;

    /** Registers a parameter under a name local to this module. */
    protected final Var addParameter(String name, Tensor value) {
        checkName(name);
        Var v = Var.param(value);
        params.put(name, v);
        return v;
    }

    /** Registers a child module; its parameters appear under {@code name.}. */
    protected final <M extends Module> M addModule(String name, M child) {
        checkName(name);
        children.put(name, child);
        return child;
    }

    private void checkName(String name) {
        if (name.isEmpty() || params.containsKey(name) || children.containsKey(name)) {
            throw new IllegalArgumentException("module: the name '" + name + "' is empty or taken");
        }
    }

    /** Every parameter by full dotted name, in registration order, children in place. */
    public final Map<String, Var> namedParameters() {
        LinkedHashMap<String, Var> out = new LinkedHashMap<>();
        collect("", out);
        return out;
    }

    private void collect(String prefix, Map<String, Var> out) {
        // parameters and children interleave in registration order in PyTorch; here own parameters come first
        for (Map.Entry<String, Var> e : params.entrySet()) out.put(prefix + e.getKey(), e.getValue());
        for (Map.Entry<String, Module> e : children.entrySet()) e.getValue().collect(prefix + e.getKey() + ".", out);
    }

    /** The parameters, in the order of {@link #namedParameters()}. */
    public final List<Var> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    /** Number of parameter elements (a complex element counts once, as PyTorch's numel). */
    public final long parameterCount() {
        long n = 0;
        for (Var v : namedParameters().values()) n += v.value().size();
        return n;
    }

    /** The parameter values by name (the live tensors, not copies). */
    public final Map<String, Tensor> stateDict() {
        LinkedHashMap<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, Var> e : namedParameters().entrySet()) out.put(e.getKey(), e.getValue().value());
        return out;
    }

    /**
     * Copies the given values into the parameters. Refuses, naming each, missing names, unexpected
     * names and mismatched shapes or kinds (real/complex), before changing anything.
     */
    public final void loadStateDict(Map<String, Tensor> state) {
        Map<String, Var> mine = namedParameters();
        List<String> problems = new ArrayList<>();
        for (String name : mine.keySet()) if (!state.containsKey(name)) problems.add("missing " + name);
        for (String name : state.keySet()) if (!mine.containsKey(name)) problems.add("unexpected " + name);
        for (Map.Entry<String, Var> e : mine.entrySet()) {
            Tensor given = state.get(e.getKey()), have = e.getValue().value();
            if (given == null) continue;
            if (!Arrays.equals(given.shape(), have.shape()) || given.isComplex() != have.isComplex()) {
                problems.add(e.getKey() + ": expected " + describe(have) + ", got " + describe(given));
            }
        }
        if (!problems.isEmpty()) throw new IllegalArgumentException("loadStateDict: " + String.join("; ", problems));
        for (Map.Entry<String, Var> e : mine.entrySet()) {
            Tensor given = state.get(e.getKey()), have = e.getValue().value();
            System.arraycopy(given.re(), 0, have.re(), 0, have.size());
            if (have.isComplex()) System.arraycopy(given.im(), 0, have.im(), 0, have.size());
        }
    }

    private static String describe(Tensor t) {
        return (t.isComplex() ? "complex " : "real ") + Arrays.toString(t.shape());
    }

    /** Forgets every parameter's gradient. */
    public final void zeroGrad() {
        for (Var v : namedParameters().values()) v.zeroGrad();
    }

    /** Training mode (the default) or evaluation mode, for this module and all below it. */
    public final void train(boolean on) {
        training = on;
        for (Module m : children.values()) m.train(on);
    }

    public final boolean isTraining() {
        return training;
    }
}
