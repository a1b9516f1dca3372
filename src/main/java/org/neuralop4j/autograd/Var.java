package org.neuralop4j.autograd;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import org.neuralop4j.tensor.Shapes;
import org.neuralop4j.tensor.Tensor;

/**
 * A node of a computation graph: a value, the gradient accumulated into it, and — for a node an op
 * made — its inputs and the rule that pushes its gradient to them.
 *
 * <p>Gradients follow PyTorch's convention. For a real loss L and a complex value z, the gradient
 * is {@code ∂L/∂Re z + i·∂L/∂Im z}; for a real value, {@code ∂L/∂x}. An op {@code w = f(z)} with
 * upstream gradient g pushes {@code conj(f'(z))·g} for holomorphic f, and in general
 * {@code conj(∂w/∂z)·g + (∂w̄/∂z)·conj(g)} (Wirtinger calculus). A real input that met complex
 * arithmetic receives the real part of its complex gradient: that is the derivative along the
 * real axis, the only direction it can move in.
 *
 * <p>{@link #backward()} visits each node once in reverse topological order, iteratively, then
 * releases the graph: every op-made node drops its inputs, its rule and its gradient, so nothing of
 * the graph stays reachable from the leaves or the root. Gradients of leaves accumulate across
 * calls until {@link #zeroGrad()}.
 *
 * <p>Inside {@link #noGrad()} ops record nothing: their results are constants. The scope is one
 * per-thread flag, set and restored by try-with-resources, as PyTorch's {@code no_grad}.
 */
public final class Var {
    private static final ThreadLocal<Boolean> NO_GRAD = ThreadLocal.withInitial(() -> false);

    /** The rule of an op: receives the gradient of the op's output, accumulates into its inputs. */
    @FunctionalInterface
    public interface Backward {
        void apply(Tensor grad);
    }

    private final Tensor value;
    private final boolean requiresGrad;
    private final String op;
    private Var[] parents; // null for a leaf, and after release
    private Backward rule;
    private Tensor grad;
    private boolean ownsGrad; // grad is ours to add into in place
    private boolean released;

    private Var(Tensor value, boolean requiresGrad, String op, Var[] parents, Backward rule) {
        this.value = value;
        this.requiresGrad = requiresGrad;
        this.op = op;
        this.parents = parents;
        this.rule = rule;
    }

    /** A leaf whose gradient is wanted: a parameter or an input being differentiated. */
    public static Var param(Tensor value) {
        return new Var(value, true, "param", null, null);
    }

    /** A leaf that takes no gradient: data, a mask, a fixed tensor. */
    public static Var constant(Tensor value) {
        return new Var(value, false, "constant", null, null);
    }

    /**
     * The node an op makes: recorded with its inputs and rule if some input requires a gradient and
     * no {@link #noGrad()} scope is open; otherwise a constant. For use when writing a new op.
     */
    public static Var make(Tensor value, String op, Backward rule, Var... inputs) {
        boolean need = false;
        for (Var v : inputs) need |= v.requiresGrad;
        if (!need || NO_GRAD.get()) return new Var(value, false, op, null, null);
        return new Var(value, true, op, inputs, rule);
    }

    /** A scope in which ops record nothing. Use with try-with-resources. */
    public static NoGrad noGrad() {
        boolean was = NO_GRAD.get();
        NO_GRAD.set(true);
        return () -> NO_GRAD.set(was);
    }

    /** The handle of a {@link #noGrad()} scope; closing it restores the previous mode. */
    public interface NoGrad extends AutoCloseable {
        @Override
        void close();
    }

    public Tensor value() {
        return value;
    }

    /** The accumulated gradient (same shape as the value), or null if none has arrived. */
    public Tensor grad() {
        return grad;
    }

    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** The name of the op that made this node ("param" or "constant" for leaves). */
    public String op() {
        return op;
    }

    public int[] shape() {
        return value.shape();
    }

    /** Forgets the accumulated gradient. */
    public void zeroGrad() {
        grad = null;
        ownsGrad = false;
    }

    /** This value as a constant: the same tensor, cut off from the graph. */
    public Var detach() {
        return constant(value);
    }

    /**
     * Adds g to this node's gradient. g must have the value's shape; a complex g arriving at a real
     * value contributes its real part. Ops call this from their rules.
     */
    public void accumulate(Tensor g) {
        if (!requiresGrad) return;
        if (!java.util.Arrays.equals(g.shape(), value.shape())) {
            throw new IllegalStateException("gradient of shape " + Shapes.str(g.shape()) + " reached '" + op
                    + "' of shape " + Shapes.str(value.shape()));
        }
        if (g.isComplex() && !value.isComplex()) g = g.real();
        if (grad == null) {
            grad = g; // may be shared with another input: copied before any in-place add
            ownsGrad = false;
        } else if (ownsGrad && (grad.isComplex() || !g.isComplex())) {
            grad.addInPlace(g);
        } else {
            grad = grad.add(g);
            ownsGrad = true;
        }
    }

    /**
     * Back-propagates from this scalar: d(this)/d(this) = 1, then every rule in reverse topological
     * order. Releases the graph afterwards.
     */
    public void backward() {
        if (value.size() != 1 || value.isComplex()) {
            throw new IllegalArgumentException("backward: needs a real scalar, got " + (value.isComplex() ? "complex " : "")
                    + "shape " + Shapes.str(value.shape()));
        }
        backward(Tensor.ones(value.shape()));
    }

    /** Back-propagates a given gradient of this node (a vector–Jacobian product), then releases the graph. */
    public void backward(Tensor seed) {
        if (released) throw new IllegalStateException("backward: the graph of '" + op + "' was already released by an earlier backward");
        if (!requiresGrad) throw new IllegalStateException("backward: '" + op + "' does not depend on anything that requires a gradient");
        List<Var> order = topologicalOrder();
        accumulate(seed);
        for (int i = order.size() - 1; i >= 0; i--) {
            Var v = order.get(i);
            if (v.rule != null && v.grad != null) v.rule.apply(v.grad);
        }
        for (Var v : order) {
            if (v.parents != null) {
                v.parents = null;
                v.rule = null;
                v.grad = null;
                v.released = true;
            }
        }
    }

    /** Nodes reachable from this one, each after all of its inputs; iterative, so deep graphs cannot overflow the stack. */
    private List<Var> topologicalOrder() {
        List<Var> order = new ArrayList<>();
        IdentityHashMap<Var, Boolean> expanded = new IdentityHashMap<>(); // false: pushed, true: inputs pushed
        ArrayDeque<Var> stack = new ArrayDeque<>();
        stack.push(this);
        while (!stack.isEmpty()) {
            Var v = stack.peek();
            Boolean state = expanded.get(v);
            if (state == null) {
                expanded.put(v, false);
                if (v.parents != null) for (Var p : v.parents) if (p.requiresGrad && !expanded.containsKey(p)) stack.push(p);
            } else {
                stack.pop();
                if (!state) {
                    expanded.put(v, true);
                    order.add(v);
                }
            }
        }
        return order;
    }

    @Override
    public String toString() {
        return "Var(" + op + ", " + value + (requiresGrad ? ", requires grad" : "") + ")";
    }
}
