package org.neuralop4j.autograd;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import org.neuralop4j.tensor.Tensor;

/** Test helpers: a linear probe that turns any output into a real scalar, and the gradcheck assertion. */
final class Check {
    private Check() {}

    static final double TOL = 1e-6;

    /**
     * L = Σ Re(y)·P + Σ Im(y)·Q with fixed random P, Q: every output component gets its own weight,
     * so the gradient of L checks the whole vector–Jacobian product of the op.
     */
    static Var probe(Var y) {
        Tensor v = y.value();
        long seed = 31L * v.size() + v.rank();
        Var p = Var.constant(Tensor.randn(seed, v.shape()));
        if (!v.isComplex()) return Ops.sum(Ops.mul(y, p));
        Var q = Var.constant(Tensor.randn(seed + 1, v.shape()));
        return Ops.add(Ops.sum(Ops.mul(ComplexOps.real(y), p)), Ops.sum(Ops.mul(ComplexOps.imag(y), q)));
    }

    /** Asserts that op (probed) passes gradcheck at these inputs. */
    static void grads(Function<Var[], Var> op, Tensor... inputs) {
        Gradcheck.Result r = Gradcheck.check(v -> probe(op.apply(v)), inputs);
        assertTrue(r.maxRelError() <= TOL, r.toString());
    }
}
