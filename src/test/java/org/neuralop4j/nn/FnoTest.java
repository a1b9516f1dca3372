package org.neuralop4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neuralop4j.autograd.Gradcheck;
import org.neuralop4j.autograd.Ops;
import org.neuralop4j.autograd.Var;
import org.neuralop4j.tensor.Tensor;

class FnoTest {
    static FnoConfig tiny2d() {
        return FnoConfig.of(new int[] {4, 4}, 1, 1, 2).withLayers(2).withLiftingProjection(3, 3)
                .withEmbeddingAndPadding(true, 0.25).withSeed(5);
    }

    /** Σ y·P for a fixed random P: every output value weighs in. */
    static Var probe(Var y) {
        return Ops.sum(Ops.mul(y, Var.constant(Tensor.randn(77, y.shape()))));
    }

    @Test
    void spectralConvAppliesItsMultiplierToEachKeptMode() {
        // in = out = 1, real multiplier λ_k on bins 0..4, zero bias: cos(2π·3t/n) ↦ λ_3·cos(2π·3t/n),
        // on the input grid and on a twice finer one (the operator is defined between grids)
        SpectralConv conv = new SpectralConv(1, 1, new int[] {8}, 1);
        double[] lambda = {0.5, -1.0, 2.0, 0.75, 3.0};
        Map<String, Tensor> state = new LinkedHashMap<>();
        state.put("weight", Tensor.complex(Tensor.of(lambda, 1, 1, 5), Tensor.zeros(1, 1, 5)));
        state.put("bias", Tensor.zeros(1, 1));
        conv.loadStateDict(state);
        int n = 16;
        double[] x = new double[n];
        for (int t = 0; t < n; t++) x[t] = Math.cos(2 * Math.PI * 3 * t / n);
        Var in = Var.constant(Tensor.of(x, 1, 1, n));
        Tensor same = conv.forward(in).value(), fine = conv.forward(in, new int[] {2 * n}).value();
        for (int t = 0; t < n; t++) assertEquals(0.75 * x[t], same.re()[t], 1e-13);
        for (int t = 0; t < 2 * n; t++) assertEquals(0.75 * Math.cos(2 * Math.PI * 3 * t / (2.0 * n)), fine.re()[t], 1e-13);
        // a mode the layer does not keep is removed
        double[] high = new double[n];
        for (int t = 0; t < n; t++) high[t] = Math.cos(2 * Math.PI * 6 * t / n);
        assertTrue(conv.forward(Var.constant(Tensor.of(high, 1, 1, n))).value().maxAbs() < 1e-13);
    }

    @Test
    void parametersCarryNeuraloperatorStyleNames() {
        FNO model = new FNO(tiny2d());
        Map<String, Tensor> s = model.stateDict();
        for (String name : new String[] {"lifting.fcs.0.weight", "lifting.fcs.1.bias", "fno_blocks.convs.0.weight", "fno_blocks.convs.1.bias",
                "fno_blocks.fno_skips.0.weight", "fno_blocks.channel_mlp.1.fcs.0.weight", "fno_blocks.channel_mlp_skips.0.weight",
                "projection.fcs.1.weight"}) {
            assertTrue(s.containsKey(name), name + " in " + s.keySet());
        }
        Tensor w = s.get("fno_blocks.convs.0.weight");
        assertTrue(w.isComplex());
        assertArrayEquals(new int[] {2, 2, 4, 3}, w.shape(), "(in, out, nModes, nModes/2 + 1)");
        long count = 0;
        for (Tensor t : s.values()) count += t.size();
        assertEquals(count, model.parameterCount());
    }

    @Test
    void stateDictsRoundTripAndBadOnesAreRefusedByName() {
        FNO a = new FNO(tiny2d()), b = new FNO(tiny2d().withSeed(6));
        Var x = Var.constant(Tensor.randn(1, 2, 1, 6, 5));
        assertNotEquals(0.0, a.forward(x).value().maxAbsDiff(b.forward(x).value()), "different seeds, different models");
        b.loadStateDict(a.stateDict());
        assertEquals(0.0, a.forward(x).value().maxAbsDiff(b.forward(x).value()));

        Map<String, Tensor> bad = new LinkedHashMap<>(a.stateDict());
        bad.remove("projection.fcs.0.bias");
        bad.put("extra.weight", Tensor.zeros(1));
        bad.put("lifting.fcs.0.weight", Tensor.zeros(7, 7));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.loadStateDict(bad));
        String m = e.getMessage();
        assertTrue(m.contains("missing projection.fcs.0.bias") && m.contains("unexpected extra.weight")
                && m.contains("lifting.fcs.0.weight: expected real [3, 3], got real [7, 7]"), m);
    }

    @Test
    void aTinyFnoIsDifferentiableEndToEnd() {
        FNO model = new FNO(tiny2d());
        Var x = Var.param(Tensor.randn(2, 2, 1, 6, 5));
        java.util.List<Var> leaves = new java.util.ArrayList<>(model.parameters());
        leaves.add(x);
        Gradcheck.Result r = Gradcheck.check(() -> probe(model.forward(x)), leaves, Gradcheck.STEP);
        assertTrue(r.maxRelError() <= 1e-6, r.toString());
    }

    @Test
    void everyBlockVariantIsDifferentiable() {
        for (Skip.Kind kind : Skip.Kind.values()) {
            for (boolean mlp : new boolean[] {false, true}) {
                FNO model = new FNO(FnoConfig.of(new int[] {6}, 2, 1, 3).withLayers(2).withLiftingProjection(0, 4)
                        .withBlocks(kind, mlp).withEmbeddingAndPadding(false, 0).withSeed(9));
                Var x = Var.constant(Tensor.randn(3, 2, 2, 10));
                Gradcheck.Result r = Gradcheck.check(() -> probe(model.forward(x)), model.parameters(), Gradcheck.STEP);
                assertTrue(r.maxRelError() <= 1e-6, kind + ", mlp " + mlp + ": " + r);
            }
        }
    }

    @Test
    void theSameModelRunsOnAnyGrid() {
        FNO model = new FNO(FnoConfig.of(new int[] {8, 8}, 1, 2, 4).withLayers(2).withLiftingProjection(8, 8));
        for (int[] grid : new int[][] {{16, 16}, {32, 24}, {4, 6}}) {
            Var y = model.forward(Var.constant(Tensor.randn(4, 3, 1, grid[0], grid[1])));
            assertArrayEquals(new int[] {3, 2, grid[0], grid[1]}, y.shape());
        }
        assertThrows(IllegalArgumentException.class, () -> model.forward(Var.constant(Tensor.zeros(1, 2, 8, 8))));
        assertThrows(IllegalArgumentException.class, () -> new SpectralConv(2, 2, new int[] {3}, 0));
    }

    @Test
    void theGridEmbeddingHoldsCoordinatesInTheUnitInterval() {
        Tensor g = FNO.grid(new int[] {2, 1, 4, 3});
        assertArrayEquals(new int[] {2, 2, 4, 3}, g.shape());
        assertEquals(0.75, g.get(1, 0, 3, 2));
        assertEquals(2.0 / 3, g.get(1, 1, 3, 2), 1e-15);
        assertEquals(0.0, g.get(0, 1, 2, 0));
    }
}
