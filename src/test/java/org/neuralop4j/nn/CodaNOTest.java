package org.neuralop4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.neuralop4j.autograd.Gradcheck;
import org.neuralop4j.autograd.Norms;
import org.neuralop4j.autograd.Ops;
import org.neuralop4j.autograd.Var;
import org.neuralop4j.data.Masking;
import org.neuralop4j.tensor.Tensor;

class CodaNOTest {
    static CodaNO.Config config(int... modes) {
        int[] pe = modes.clone();
        java.util.Arrays.fill(pe, 4);
        return new CodaNO.Config(modes, 6, 2, 3, 1, 1, 2, pe, 5);
    }

    /** x with variables a and b swapped (axis 1). */
    static Tensor swap(Tensor x) {
        return Tensor.concat(1, x.slice(1, 1, 2), x.slice(1, 0, 1));
    }

    static Tensor run(CodaNO m, Tensor x, List<String> vars) {
        try (Var.NoGrad ignored = Var.noGrad()) {
            return m.forward(Var.constant(x), vars).value();
        }
    }

    @Test
    void swappingTwoVariablesWithTheirEncodingsSwapsTheOutputsExactly() {
        for (int[] modes : new int[][] {{8}, {6, 6}}) {
            CodaNO m = new CodaNO(config(modes), List.of("u", "v"));
            int[] shape = modes.length == 1 ? new int[] {3, 2, 32} : new int[] {2, 2, 12, 10};
            Tensor x = Tensor.randn(7, shape);
            Tensor y = run(m, x, List.of("u", "v")), ys = run(m, swap(x), List.of("v", "u"));
            assertArrayEquals(swap(y).re(), ys.re(), 0.0, "two tokens: every sum over tokens has two terms, so the order cannot show");
            assertTrue(y.slice(1, 0, 1).sub(y.slice(1, 1, 2)).maxAbs() > 1e-3, "the encodings make the variables differ");
        }
        // three variables: a permutation changes only the order of three-term sums
        CodaNO m = new CodaNO(config(8), List.of("a", "b", "c"));
        Tensor x = Tensor.randn(8, 2, 3, 24);
        Tensor y = run(m, x, List.of("a", "b", "c"));
        Tensor p = Tensor.concat(1, x.slice(1, 2, 3), x.slice(1, 0, 1), x.slice(1, 1, 2));
        Tensor yp = run(m, p, List.of("c", "a", "b"));
        assertTrue(Tensor.concat(1, y.slice(1, 2, 3), y.slice(1, 0, 1), y.slice(1, 1, 2)).allClose(yp, 1e-12, 1e-12));
    }

    /** Tokens of smooth functions of x ∈ [0, 1) on n points: (1·2, 6, n). */
    static Tensor tokens(int n) {
        Tensor t = Tensor.zeros(2, 6, n);
        for (int c = 0; c < 6; c++) {
            for (int i = 0; i < n; i++) {
                double x = (double) i / n;
                t.re()[c * n + i] = Math.sin(2 * Math.PI * (c + 1) * x) + 0.3 * c;
                t.re()[(6 + c) * n + i] = Math.cos(2 * Math.PI * x) * (1 + c) - 0.5;
            }
        }
        return t;
    }

    @Test
    void attentionScoresAndNormStatisticsConvergeWithResolution() {
        CodaLayer layer = new CodaLayer(6, 2, 3, new int[] {8}, 3);
        double[][] att = new double[3][], stats = new double[3][];
        double[] raw = new double[3];
        int[] ns = {64, 128, 256};
        for (int r = 0; r < 3; r++) {
            Var t = Var.constant(tokens(ns[r]));
            try (Var.NoGrad ignored = Var.noGrad()) {
                att[r] = layer.attention(t, 2).value().re().clone();
                Var q = layer.scores(t, t, 2, t.shape()); // L² products of the raw tokens (head channels 3 of 6)
                raw[r] = q.value().re()[0] * ns[r] * Math.sqrt(3); // undo the quadrature: a raw dot product
                Tensor mean = Ops.mean(t, 2).value(), sq = Ops.mean(Ops.mul(t, t), 2).value();
                stats[r] = new double[] {mean.re()[0], mean.re()[7], sq.re()[3], sq.re()[10]};
            }
        }
        for (int r = 1; r < 3; r++) {
            assertTrue(maxDiff(att[r], att[r - 1]) < 1e-9, "attention at " + ns[r] + " vs " + ns[r - 1] + ": " + maxDiff(att[r], att[r - 1]));
            assertTrue(maxDiff(stats[r], stats[r - 1]) < 1e-12, "norm statistics");
            assertEquals(2.0, raw[r] / raw[r - 1], 1e-9, "a raw dot product doubles with the points: the quadrature is needed");
        }
    }

    static double maxDiff(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
        return m;
    }

    @Test
    void aNewVariableAddsOnlyItsEncoding() {
        CodaNO two = new CodaNO(config(8), List.of("u", "v")), three = new CodaNO(config(8), List.of("u", "v", "T"));
        Set<String> extra = new HashSet<>(three.stateDict().keySet());
        extra.removeAll(two.stateDict().keySet());
        assertEquals(Set.of("vspe.T.weight"), extra);
        assertEquals(three.parameterCount() - two.parameterCount(), three.stateDict().get("vspe.T.weight").size());
        CodaNO tuned = CodaNO.finetune(two, List.of("u", "v", "T"), 99);
        assertArrayEquals(two.stateDict().get("encoder.0.query.weight").re(), tuned.stateDict().get("encoder.0.query.weight").re(), 0.0);
        assertArrayEquals(two.stateDict().get("vspe.u.weight").im(), tuned.stateDict().get("vspe.u.weight").im(), 0.0);
        assertTrue(!java.util.Arrays.equals(two.stateDict().get("predictor.0.query.weight").re(), tuned.stateDict().get("predictor.0.query.weight").re()),
                "a fresh predictor");
        Set<Var> trainable = new HashSet<>(tuned.trainable(true, List.of("T")));
        assertTrue(trainable.contains(tuned.namedParameters().get("vspe.T.weight")) && trainable.contains(tuned.namedParameters().get("projection.fcs.0.weight")));
        assertTrue(!trainable.contains(tuned.namedParameters().get("vspe.u.weight")) && !trainable.contains(tuned.namedParameters().get("encoder.0.key.weight")));
        Tensor x = Tensor.randn(2, 2, 3, 16); // the three-variable model runs on the same shared operators
        assertArrayEquals(new int[] {2, 3, 16}, run(tuned, x, List.of("u", "v", "T")).shape());
    }

    @Test
    void aTinyCodaLayerPassesTheGradientCheck() {
        CodaLayer layer = new CodaLayer(3, 2, 2, new int[] {4}, 1);
        Var t = Var.param(Tensor.randn(2, 4, 3, 8)); // batch 2 × 2 tokens
        Var w = Var.constant(Tensor.randn(3, 4, 3, 8));
        // the query and key biases are left out: after the norm every token has mean zero, so a bias
        // shifts all of a query's scores equally and the softmax cancels it — their gradient is exactly 0
        List<Var> wrt = new java.util.ArrayList<>();
        layer.namedParameters().forEach((k, p) -> {
            if (!k.equals("query.bias") && !k.equals("key.bias")) wrt.add(p);
        });
        wrt.add(t);
        // the key and query gradients are small (about 1e-4 of the loss): a larger step keeps rounding below them
        Gradcheck.Result r = Gradcheck.check(() -> Ops.sum(Ops.mul(layer.forward(t, 2), w)), wrt, 1e-4);
        assertTrue(r.maxRelError() < 1e-6, r.toString());
        Var v = Var.param(Tensor.randn(4, 2, 2, 10));
        Var probe = Var.constant(Tensor.randn(5, 2, 2, 10));
        Gradcheck.Result n = Gradcheck.check(() -> Ops.sum(Ops.mul(Norms.instanceNorm(v, 1e-5), probe)), List.of(v), Gradcheck.STEP);
        assertTrue(n.maxRelError() < 1e-6, n.toString());
    }

    @Test
    void masksAreSeededAndHaveTheirProportions() {
        Tensor x = Tensor.randn(1, 4, 5, 40).add(Tensor.scalar(10)); // no zeros of its own
        Tensor[] a = Masking.mask(x, Masking.Kind.POINTS, 7), b = Masking.mask(x, Masking.Kind.POINTS, 7), c = Masking.mask(x, Masking.Kind.POINTS, 8);
        assertArrayEquals(a[1].re(), b[1].re(), 0.0, "seeded");
        assertTrue(!java.util.Arrays.equals(a[1].re(), c[1].re()), "another seed, another mask");
        for (int s = 0; s < 4; s++) {
            int maskedVars = 0;
            for (int v = 0; v < 5; v++) {
                double kept = a[1].slice(0, s, s + 1).slice(1, v, v + 1).sum().item();
                if (kept < 40) {
                    maskedVars++;
                    assertEquals(20, kept, 0.0, "half of the points of a chosen variable");
                }
            }
            assertEquals(3, maskedVars, "60% of 5 variables");
        }
        assertTrue(a[0].allClose(x.mul(a[1]), 0, 0));
        Tensor[] whole = Masking.mask(x, Masking.Kind.VARIABLES, 3);
        for (int s = 0; s < 4; s++) {
            int gone = 0;
            for (int v = 0; v < 5; v++) {
                double kept = whole[1].slice(0, s, s + 1).slice(1, v, v + 1).sum().item();
                assertTrue(kept == 0 || kept == 40);
                if (kept == 0) gone++;
            }
            assertEquals(2, gone, "30% of 5 variables, rounded");
        }
    }

    @Test
    void aOneDimensionalCodaNoLearnsACoupledLinearSystem() {
        // each variable's future needs the other's present: the attention across variables has to carry it
        Tensor[] d = org.neuralop4j.pde.CoupledLinear.samples(16, 32, 0.5, 3);
        CodaNO m = new CodaNO(config(8), List.of("a", "b"));
        org.neuralop4j.optim.Adam opt = new org.neuralop4j.optim.Adam(m.parameters(), org.neuralop4j.optim.Adam.Config.defaults(5e-3));
        double first = 0, last = 0;
        for (int step = 0; step < 60; step++) {
            opt.zeroGrad();
            Var loss = org.neuralop4j.train.Loss.relativeL2().apply(m.forward(Var.constant(d[0]), List.of("a", "b")), Var.constant(d[1]));
            loss.backward();
            opt.step();
            if (step == 0) first = loss.value().item();
            last = loss.value().item();
        }
        assertTrue(last < 0.3 * first, "relative L2 " + first + " → " + last);
    }
}
