package org.neuralop4j.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neuralop4j.autograd.Var;
import org.neuralop4j.tensor.Tensor;

/** Steps against the update rules worked out by hand on scalars. */
class OptimizerTest {
    /** A parameter whose gradient is set directly (as if a backward pass had produced it). */
    static Var withGrad(Var p, Tensor g) {
        p.zeroGrad();
        p.accumulate(g);
        return p;
    }

    @Test
    void sgdWithMomentum() {
        Var p = Var.param(Tensor.of(new double[] {1.0}, 1));
        Sgd opt = new Sgd(List.of(p), 0.1, 0.9);
        withGrad(p, Tensor.of(new double[] {2.0}, 1));
        opt.step(); // b = 2, p = 1 − 0.2
        assertEquals(0.8, p.value().re()[0], 1e-15);
        withGrad(p, Tensor.of(new double[] {2.0}, 1));
        opt.step(); // b = 0.9·2 + 2 = 3.8, p = 0.8 − 0.38
        assertEquals(0.42, p.value().re()[0], 1e-15);
        assertEquals(8, opt.stateBytes());
    }

    @Test
    void adamCorrectsTheBiasOfItsMoments() {
        Var p = Var.param(Tensor.of(new double[] {1.0}, 1));
        Adam opt = new Adam(List.of(p), Adam.Config.defaults(0.1));
        withGrad(p, Tensor.of(new double[] {0.5}, 1));
        opt.step();
        // m = 0.1·0.5 = 0.05, v = 0.001·0.25; m̂ = 0.5, v̂ = 0.25: p = 1 − 0.1·0.5/(0.5 + 1e-8)
        double p1 = 1 - 0.1 * 0.5 / (0.5 + 1e-8);
        assertEquals(p1, p.value().re()[0], 1e-15);
        withGrad(p, Tensor.of(new double[] {-0.25}, 1));
        opt.step();
        double m = 0.9 * 0.05 + 0.1 * -0.25, v = 0.999 * 0.00025 + 0.001 * 0.0625;
        double mHat = m / (1 - 0.81), vHat = v / (1 - 0.999 * 0.999);
        assertEquals(p1 - 0.1 * mHat / (Math.sqrt(vHat) + 1e-8), p.value().re()[0], 1e-14);
        assertEquals(2, opt.steps());
    }

    @Test
    void adamWDecaysWeightsApartFromTheGradient() {
        Var a = Var.param(Tensor.of(new double[] {2.0}, 1)), b = Var.param(Tensor.of(new double[] {2.0}, 1));
        Adam.Config c = Adam.Config.defaults(0.1).withWeightDecay(0.5);
        AdamW decoupled = new AdamW(List.of(a), c);
        Adam coupled = new Adam(List.of(b), c);
        withGrad(a, Tensor.of(new double[] {0.0}, 1));
        withGrad(b, Tensor.of(new double[] {0.0}, 1));
        decoupled.step();
        coupled.step();
        assertEquals(2.0 * (1 - 0.1 * 0.5), a.value().re()[0], 1e-15, "AdamW: p·(1 − lr·λ), then a zero Adam step");
        // Adam: g = 0 + λ·p = 1, m̂ = 1, v̂ = 1: p = 2 − 0.1·1/(1 + 1e-8)
        assertEquals(2.0 - 0.1 / (1 + 1e-8), b.value().re()[0], 1e-15);
    }

    @Test
    void adamStepsAComplexParameterAlongItsGradient() {
        Var p = Var.param(Tensor.ofComplex(new double[] {1.0}, new double[] {1.0}, 1));
        Adam opt = new Adam(List.of(p), Adam.Config.defaults(0.1));
        withGrad(p, Tensor.ofComplex(new double[] {3.0}, new double[] {4.0}, 1));
        opt.step();
        // m̂ = 3 + 4i, v̂ = |g|² = 25 (real): p = (1 + i) − 0.1·(3 + 4i)/(5 + 1e-8)
        assertEquals(1 - 0.3 / (5 + 1e-8), p.value().re()[0], 1e-15);
        assertEquals(1 - 0.4 / (5 + 1e-8), p.value().im()[0], 1e-15);
    }

    @Test
    void stateBytesCountEveryDoubleHeld() {
        Var real = Var.param(Tensor.zeros(2, 3)), complex = Var.param(Tensor.zerosComplex(4));
        Adam adam = new Adam(List.of(real, complex), Adam.Config.defaults(1e-3));
        // step count 8 + real: m 6, v 6 doubles + complex: m 4 complex (8 doubles), v 4 real
        assertEquals(8 + 8 * (6 + 6) + 8 * (8 + 4), adam.stateBytes());
        Sgd plain = new Sgd(List.of(real), 0.1, 0.0);
        withGrad(real, Tensor.ones(2, 3));
        plain.step();
        assertEquals(0, plain.stateBytes(), "no momentum, no state");
    }

    @Test
    void aRestoredOptimizerContinuesBitForBit() {
        Tensor start = Tensor.randnComplex(1, 3, 2);
        Var p = Var.param(start.copy());
        Adam opt = new Adam(List.of(p), Adam.Config.defaults(0.05).withWeightDecay(0.01));
        for (int s = 0; s < 3; s++) {
            withGrad(p, Tensor.randnComplex(10 + s, 3, 2));
            opt.step();
        }
        Tensor savedParam = p.value().copy();
        Map<String, Tensor> saved = opt.state();
        Map<String, Tensor> savedCopy = new java.util.LinkedHashMap<>();
        saved.forEach((k, v) -> savedCopy.put(k, v.copy()));
        for (int s = 3; s < 5; s++) {
            withGrad(p, Tensor.randnComplex(10 + s, 3, 2));
            opt.step();
        }
        Var q = Var.param(savedParam);
        Adam resumed = new Adam(List.of(q), Adam.Config.defaults(0.05).withWeightDecay(0.01));
        resumed.loadState(savedCopy);
        for (int s = 3; s < 5; s++) {
            withGrad(q, Tensor.randnComplex(10 + s, 3, 2));
            resumed.step();
        }
        assertArrayEquals(p.value().re(), q.value().re(), 0.0);
        assertArrayEquals(p.value().im(), q.value().im(), 0.0);
        assertThrows(IllegalArgumentException.class, () -> resumed.loadState(Map.of("step", Tensor.scalar(1))));
    }

    @Test
    void schedulesAndClipping() {
        Var p = Var.param(Tensor.zeros(1));
        Sgd opt = new Sgd(List.of(p), 1.0, 0);
        Scheduler step = new Scheduler.StepDecay(1.0, 2, 0.5);
        step.step(opt, 0, 0);
        assertEquals(1.0, opt.lr());
        step.step(opt, 1, 0);
        assertEquals(0.5, opt.lr());
        step.step(opt, 3, 0);
        assertEquals(0.25, opt.lr());
        Scheduler cos = new Scheduler.Cosine(1.0, 0.1, 4);
        cos.step(opt, 1, 0); // (1 + cos(π/2))/2 = 0.5
        assertEquals(0.55, opt.lr(), 1e-15);
        cos.step(opt, 9, 0);
        assertEquals(0.1, opt.lr(), 1e-15);
        opt.setLr(1.0);
        Scheduler.ReduceOnPlateau plateau = new Scheduler.ReduceOnPlateau(0.5, 1, 0.0, 0.0);
        double[] metrics = {3, 2, 2, 2, 1, 1, 1};
        double[] lrs = {1, 1, 1, 0.5, 0.5, 0.5, 0.25};
        for (int e = 0; e < metrics.length; e++) {
            plateau.step(opt, e, metrics[e]);
            assertEquals(lrs[e], opt.lr(), "epoch " + e);
        }
        Var a = withGrad(Var.param(Tensor.zeros(2)), Tensor.of(new double[] {3, 0}, 2));
        Var b = withGrad(Var.param(Tensor.zerosComplex(1)), Tensor.ofComplex(new double[] {0}, new double[] {4}, 1));
        assertEquals(5.0, Optimizer.clipGradNorm(List.of(a, b), 1.0), 1e-15);
        assertEquals(3 / (5 + 1e-6), a.grad().re()[0], 1e-15);
        assertEquals(4 / (5 + 1e-6), b.grad().im()[0], 1e-15);
    }
}
