package org.neuralop4j.autograd;

import org.neuralop4j.tensor.Tensor;

/**
 * Moving between real and complex values. With the convention of {@link Var} (gradient =
 * ∂L/∂Re + i·∂L/∂Im), the real part passes its gradient g on as g + 0i, the imaginary part as
 * 0 + i·g, and conj conjugates it. The complex product is {@link Ops#mul}.
 */
public final class ComplexOps {
    private ComplexOps() {}

    /** Re z (real). */
    public static Var real(Var z) {
        return Var.make(z.value().real(), "real", g -> z.accumulate(g), z);
    }

    /** Im z (real); ∂z = i·g. */
    public static Var imag(Var z) {
        return Var.make(z.value().imag(), "imag", g -> z.accumulate(Tensor.complex(Tensor.zeros(g.shape()), g)), z);
    }

    /** re + i·im from two real values; each receives its part of the gradient. */
    public static Var complex(Var re, Var im) {
        return Var.make(Tensor.complex(re.value(), im.value()), "complex", g -> {
            if (re.requiresGrad()) re.accumulate(g.real());
            if (im.requiresGrad()) im.accumulate(g.imag());
        }, re, im);
    }

    /** conj z; ∂z = conj g. */
    public static Var conj(Var z) {
        return Var.make(z.value().conj(), "conj", g -> z.accumulate(g.conj()), z);
    }
}
