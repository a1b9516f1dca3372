package org.neuralop4j.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import org.junit.jupiter.api.Test;
import org.neuralop4j.fft.Norm;
import org.neuralop4j.tensor.Tensor;

/** The graph machinery: closed forms, accumulation, no-grad, memory release, deep chains, gradcheck itself. */
class VarTest {
    @Test
    void gradientOfSumOfSquaresIsTwoX() {
        Tensor x = Tensor.randn(1, 3, 4);
        Var v = Var.param(x);
        Ops.sum(Pointwise.square(v)).backward();
        assertArrayEquals(x.scale(2).re(), v.grad().re(), 0.0);
    }

    @Test
    void gradientOfModulusSquaredIsTwoZ() {
        // L = Σ|z|² = Σ Re(z·conj z); with gradient ∂L/∂Re z + i·∂L/∂Im z = 2z
        Tensor z = Tensor.randnComplex(2, 5);
        Var v = Var.param(z);
        Ops.sum(ComplexOps.real(Ops.mul(v, ComplexOps.conj(v)))).backward();
        assertTrue(v.grad().maxAbsDiff(z.scale(2)) <= 1e-15, v.grad().toString());
        Var w = Var.param(z);
        Ops.sum(Pointwise.square(Pointwise.abs(w))).backward();
        assertTrue(w.grad().maxAbsDiff(z.scale(2)) <= 1e-14);
    }

    @Test
    void gradientsAccumulateUntilZeroGrad() {
        Var x = Var.param(Tensor.of(new double[] {1, 2}, 2));
        Ops.sum(Ops.scale(x, 3)).backward();
        Ops.sum(Ops.scale(x, 3)).backward();
        assertArrayEquals(new double[] {6, 6}, x.grad().re());
        x.zeroGrad();
        assertNull(x.grad());
        // fan-out: x used twice in one graph
        Ops.sum(Ops.mul(x, x)).backward();
        assertArrayEquals(new double[] {2, 4}, x.grad().re());
    }

    @Test
    void noGradRecordsNothing() {
        Var x = Var.param(Tensor.ones(3));
        Var y;
        try (Var.NoGrad ignored = Var.noGrad()) {
            y = Ops.sum(Ops.mul(x, x));
        }
        assertFalse(y.requiresGrad());
        assertThrows(IllegalStateException.class, y::backward);
        assertTrue(Ops.sum(x).requiresGrad(), "recording resumes after the scope");
    }

    @Test
    void backwardNeedsARealScalarAndRunsOnce() {
        Var x = Var.param(Tensor.ones(3));
        assertThrows(IllegalArgumentException.class, () -> Ops.scale(x, 2).backward());
        Var loss = Ops.sum(x);
        loss.backward();
        IllegalStateException e = assertThrows(IllegalStateException.class, loss::backward);
        assertTrue(e.getMessage().contains("released"), e.getMessage());
    }

    @Test
    void backwardReleasesTheGraph() {
        Var x = Var.param(Tensor.randn(3, 64));
        Var hidden = Pointwise.tanh(Ops.scale(x, 2));
        WeakReference<Var> ref = new WeakReference<>(hidden);
        Var loss = Ops.sum(Pointwise.square(hidden));
        hidden = null;
        loss.backward();
        // the root is still held; the intermediate node must be collectable
        for (int i = 0; i < 50 && ref.get() != null; i++) {
            System.gc();
            Thread.onSpinWait();
        }
        assertNull(ref.get(), "an intermediate node is still reachable after backward");
        assertEquals(64, x.grad().size(), "the leaf keeps its gradient");
        assertNull(loss.grad(), "op-made nodes drop their gradients");
    }

    @Test
    void aTenThousandOpChainBackPropagatesIteratively() {
        Var x = Var.param(Tensor.of(new double[] {0.5}, 1));
        Var y = x;
        for (int i = 0; i < 10_000; i++) y = Ops.scale(y, 1.0001);
        Ops.sum(y).backward();
        assertEquals(Math.pow(1.0001, 10_000), x.grad().re()[0], 1e-9);
    }

    @Test
    void gradcheckCatchesAWrongRule() {
        // an op whose rule is off by a factor of 2
        java.util.function.Function<Var[], Var> wrong = v -> Ops.sum(Var.make(v[0].value().scale(3), "wrong",
                g -> v[0].accumulate(g.scale(6)), v[0]));
        Gradcheck.Result r = Gradcheck.check(wrong, Tensor.randn(4, 2, 3));
        assertTrue(r.maxRelError() > 0.4, r.toString());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> r.require(1e-6));
        assertTrue(e.getMessage().matches("(?s).*index \\[\\d, \\d\\].*analytic 6\\.0+, numeric 2\\.9999.*"), e.getMessage());
        // and passes a right one, naming the element it looked at
        assertTrue(Gradcheck.check(v -> Ops.sum(Ops.scale(v[0], 3)), Tensor.randn(4, 2, 3)).maxRelError() < 1e-9);
    }

    @Test
    void aSpectralBlockIsDifferentiableEndToEnd() {
        // truncated rfft → spectral contraction → truncated irfft → linear skip → GELU → relative L2 loss
        int b = 2, c = 3, n1 = 8, n2 = 6;
        int[] ax = {2, 3}, modes = {2, 3}, grid = {n1, n2};
        Tensor x = Tensor.randn(1, b, c, n1, n2), target = Tensor.randn(2, b, c, n1, n2);
        Tensor w = Tensor.randnComplex(3, c, c, 2 * modes[0], modes[1]).scale(0.3);
        Tensor skip = Tensor.randn(4, c, c).scale(0.3), bias = Tensor.randn(5, c);
        Gradcheck.Result r = Gradcheck.check(v -> {
            Var spec = SpectralOps.rfftnTruncated(v[0], ax, modes, Norm.BACKWARD);
            Var mixed = SpectralOps.irfftnTruncated(Ops.contractModes(spec, v[1]), ax, grid, Norm.BACKWARD);
            Var h = Pointwise.gelu(Ops.add(mixed, Ops.channelLinear(v[0], v[2], v[3])));
            Var diff = Ops.sub(h, Var.constant(target));
            Var num = Pointwise.sqrt(Ops.sum(Pointwise.square(diff)));
            Var den = Pointwise.sqrt(Ops.sum(Pointwise.square(Var.constant(target))));
            return Ops.div(num, den);
        }, x, w, skip, bias);
        assertTrue(r.maxRelError() <= Check.TOL, r.toString());
    }
}
