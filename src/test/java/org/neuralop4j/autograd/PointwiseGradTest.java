package org.neuralop4j.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.neuralop4j.autograd.Check.grads;

import org.junit.jupiter.api.Test;
import org.neuralop4j.props.Gen;
import org.neuralop4j.props.Props;
import org.neuralop4j.tensor.Tensor;

/** Elementwise functions, softmax, complex parts, norms and dropout, gradient-checked. */
class PointwiseGradTest {
    static final int TRIES = 30;

    static Gen<Tensor> reals() {
        return Gen.tensors(Gen.shapes(1, 3, 5), false);
    }

    @Test
    void activations() {
        Props.forAll("gelu, relu, tanh, sigmoid, exp gradients", TRIES, reals(), x -> {
            Tensor s = x.scale(2);
            grads(v -> Pointwise.gelu(v[0]), s);
            grads(v -> Pointwise.relu(v[0]), s);
            grads(v -> Pointwise.tanh(v[0]), s);
            grads(v -> Pointwise.sigmoid(v[0]), s);
            grads(v -> Pointwise.exp(v[0]), x);
        });
    }

    @Test
    void powersLogsAndMagnitudes() {
        Props.forAll("log, sqrt, pow, abs, square gradients", TRIES, reals(), x -> {
            Tensor pos = x.abs().add(Tensor.scalar(0.5));
            grads(v -> Pointwise.log(v[0]), pos);
            grads(v -> Pointwise.sqrt(v[0]), pos);
            grads(v -> Pointwise.pow(v[0], 1.7), pos);
            grads(v -> Pointwise.pow(v[0], 3), x);
            grads(v -> Pointwise.abs(v[0]), x);
            grads(v -> Pointwise.square(v[0]), x);
            Tensor z = Tensor.randnComplex(x.size(), x.shape());
            grads(v -> Pointwise.abs(v[0]), z);
            grads(v -> Pointwise.square(v[0]), z);
        });
    }

    @Test
    void softmaxAlongAnyAxis() {
        Props.forAll("softmax gradients", TRIES, reals(), x -> grads(v -> Pointwise.softmax(v[0], x.size() % x.rank()), x));
    }

    @Test
    void complexParts() {
        Props.forAll("real, imag, complex, conj, complex product gradients", TRIES, Gen.tensors(Gen.shapes(1, 3, 4), true), z -> {
            Tensor w = Tensor.randnComplex(z.size() + 7, z.shape());
            grads(v -> ComplexOps.real(v[0]), z);
            grads(v -> ComplexOps.imag(v[0]), z);
            grads(v -> ComplexOps.conj(v[0]), z);
            grads(v -> ComplexOps.complex(v[0], v[1]), z.real(), z.imag());
            grads(v -> Ops.mul(v[0], v[1]), z, w);
        });
    }

    @Test
    void normsAndDropout() {
        Gen<Tensor> batches = (r, size) -> Tensor.randn(r.nextLong(), 1 + r.nextInt(2), 1 + r.nextInt(3), 2 + r.nextInt(4), 3 + r.nextInt(3));
        // normalized groups of at least 3 values: two values normalize to ±1 whatever they are, a
        // flat function whose gradient is pure rounding
        Props.forAll("instance norm, layer norm, dropout gradients", TRIES, batches, x -> {
            grads(v -> Norms.instanceNorm(v[0], 1e-5), x);
            grads(v -> Norms.layerNorm(v[0], 2, 1e-5), x);
            grads(v -> Norms.layerNorm(v[0], 1, 1e-5), x);
            grads(v -> Norms.dropout(v[0], 0.3, 11, true), x);
        });
    }

    @Test
    void dropoutIsIdentityOutsideTrainingAndKeepsTheMeanInside() {
        Var x = Var.param(Tensor.ones(100_000));
        assertEquals(x, Norms.dropout(x, 0.4, 1, false));
        Tensor y = Norms.dropout(x, 0.4, 1, true).value();
        assertEquals(1.0, y.mean().item(), 0.01);
        long zeros = java.util.Arrays.stream(y.re()).filter(v -> v == 0).count();
        assertEquals(0.4, zeros / 100_000.0, 0.01);
    }
}
