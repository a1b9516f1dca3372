package org.neuralop4j.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.neuralop4j.fft.Norm;
import org.neuralop4j.tensor.Tensor;

/** The code shown in README's Autodiff section runs and does what the text says. */
class ReadmeExamplesTest {
    /** y = x·e^x;  dy/dx = (1 + x)·e^x */
    static Var xexp(Var x) {
        Tensor v = x.value();
        return Var.make(v.map(t -> t * Math.exp(t)), "xexp",
                g -> x.accumulate(g.mul(v.map(t -> (1 + t) * Math.exp(t)))), x);
    }

    @Test
    void theSpectralExampleProducesAGradientOfTheWeightsShape() {
        Var w = Var.param(Tensor.randnComplex(1, 3, 5, 8, 8));
        Var x = Var.constant(Tensor.randn(2, 4, 3, 16, 16));
        Var spec = SpectralOps.rfftnTruncated(x, new int[] {2, 3}, new int[] {4, 8}, Norm.BACKWARD);
        Var y = SpectralOps.irfftnTruncated(Ops.contractModes(spec, w), new int[] {2, 3}, new int[] {16, 16}, Norm.BACKWARD);
        Var loss = Ops.mean(Pointwise.square(y));
        loss.backward();
        assertNotNull(w.grad());
        assertArrayEquals(new int[] {3, 5, 8, 8}, w.grad().shape());
        assertTrue(w.grad().isComplex());
    }

    @Test
    void theWrittenOpPassesGradcheckAndABrokenOneDoesNot() {
        Gradcheck.check(v -> Ops.sum(Pointwise.square(xexp(v[0]))), Tensor.randn(1, 3, 4)).require(1e-6);
        Gradcheck.Result bad = Gradcheck.check(v -> Ops.sum(Var.make(v[0].value().map(Math::exp), "exp",
                g -> v[0].accumulate(g), v[0])), Tensor.randn(1, 3, 4));
        assertThrows(IllegalStateException.class, () -> bad.require(1e-6));
    }
}
