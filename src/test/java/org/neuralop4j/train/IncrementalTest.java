package org.neuralop4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neuralop4j.autograd.Var;
import org.neuralop4j.data.Dataset;
import org.neuralop4j.nn.FNO;
import org.neuralop4j.nn.FnoConfig;
import org.neuralop4j.nn.SpectralConv;
import org.neuralop4j.optim.Adam;
import org.neuralop4j.optim.Scheduler;
import org.neuralop4j.tensor.Flops;
import org.neuralop4j.tensor.Tensor;

class IncrementalTest {
    static FnoConfig config(int... modes) {
        return FnoConfig.of(modes, 1, 1, 4).withLayers(2).withLiftingProjection(6, 6).withSeed(9);
    }

    static Var loss(FNO m, Tensor x, Tensor y) {
        return Loss.relativeL2().apply(m.forward(Var.constant(x)), Var.constant(y));
    }

    @Test
    void withAllModesActiveIfnoIsThePlainFnoBitForBit() {
        for (int[] modes : new int[][] {{8}, {6, 8}}) {
            FNO plain = new FNO(config(modes)), ifno = new FNO(config(modes));
            int[] shape = modes.length == 1 ? new int[] {3, 1, 20} : new int[] {2, 1, 12, 10};
            Tensor x = Tensor.randn(1, shape), y = Tensor.randn(2, shape);
            int[] low = modes.clone();
            java.util.Arrays.fill(low, 2);
            ifno.setActiveModes(low);
            loss(ifno, x, y); // used with fewer modes first: nothing may stick
            ifno.setActiveModes(modes);
            Var a = loss(plain, x, y), b = loss(ifno, x, y);
            assertEquals(a.value().item(), b.value().item(), 0.0);
            a.backward();
            b.backward();
            List<Var> pa = plain.parameters(), pb = ifno.parameters();
            for (int i = 0; i < pa.size(); i++) {
                assertArrayEquals(pa.get(i).grad().re(), pb.get(i).grad().re(), 0.0);
                if (pa.get(i).grad().isComplex()) assertArrayEquals(pa.get(i).grad().im(), pb.get(i).grad().im(), 0.0);
            }
        }
    }

    @Test
    void fewerActiveModesEqualZeroWeightsAboveThem() {
        FNO ifno = new FNO(config(6, 8)), zeroed = new FNO(config(6, 8));
        ifno.setActiveModes(new int[] {4, 4});
        for (SpectralConv c : zeroed.convs()) {
            Tensor w = c.weight().value(); // (4, 4, 6, 5): full axis frequencies 0,1,2,−3,−2,−1; bins 0..4
            for (int off = 0; off < w.size(); off++) {
                int i = (off / 5) % 6, j = off % 5;
                int f = i < 3 ? i : 6 - i;
                if (f > 2 || j > 2 || i == 2) { // kept: frequencies 0, 1, −2, −1 and bins 0, 1, 2
                    w.re()[off] = 0;
                    w.im()[off] = 0;
                }
            }
        }
        Tensor x = Tensor.randn(3, 2, 1, 12, 10);
        try (Var.NoGrad ignored = Var.noGrad()) {
            assertTrue(ifno.forward(Var.constant(x)).value().allClose(zeroed.forward(Var.constant(x)).value(), 1e-12, 1e-12));
        }
    }

    /** A one-layer 1-D model whose spectral weight is the given multiplier per frequency. */
    static FNO withMultiplier(int kMax, java.util.function.IntFunction<double[]> multiplier) {
        FNO m = new FNO(FnoConfig.of(new int[] {kMax}, 1, 1, 1).withLayers(1).withLiftingProjection(0, 0));
        Tensor w = m.convs()[0].weight().value();
        for (int j = 0; j <= kMax / 2; j++) {
            double[] z = multiplier.apply(j);
            w.re()[j] = z[0];
            w.im()[j] = z[1];
        }
        return m;
    }

    /** Runs the criterion after each of many epochs on a fine grid; returns the final K. */
    static int grownModes(FNO m, Incremental.Settings s) {
        Incremental inc = new Incremental(m, s);
        inc.start();
        inc.data(0, new Dataset(Tensor.zeros(1, 1, 256), Tensor.zeros(1, 1, 256)));
        List<Trainer.Epoch> history = new ArrayList<>();
        for (int e = 0; e < 200; e++) {
            history.add(new Trainer.Epoch(e, 1.0 / (e + 1), Map.of(), 0, 0, 0, Map.of()));
            inc.after(history);
        }
        return m.activeModes()[0];
    }

    @Test
    void theEnergyCriterionStopsWhereTheHeatSpectrumIsHeld() {
        // the heat operator is the multiplier e^{−ν(2πj)²t}, what a trained layer holds (HeatOperatorTest)
        double nu = 0.002, t = 1, alpha = 0.999;
        int buffer = 2, kMax = 64;
        FNO m = withMultiplier(kMax, j -> new double[] {Math.exp(-nu * Math.pow(2 * Math.PI * j, 2) * t), 0});
        int k = grownModes(m, new Incremental.Settings(Incremental.Criterion.ENERGY, alpha, buffer, 0, 2, new int[] {1}, 1));
        // analytic: the fewest levels holding a fraction α of Σ_{j ≥ 0} e^{−2ν(2πj)²t}, then the buffer on top
        double total = 0, held = 0;
        for (int j = 0; j < 10_000; j++) total += Math.exp(-2 * nu * Math.pow(2 * Math.PI * j, 2) * t);
        int levels = 0;
        while (held < alpha * total) held += Math.exp(-2 * nu * Math.pow(2 * Math.PI * levels++, 2) * t);
        int expected = 2 * (levels + buffer - 1); // K holds levels 0…K/2
        assertTrue(Math.abs(k - expected) <= 2, "K = " + k + ", analytic " + expected + " (±1 level)");
        assertTrue(k < kMax, "stopped before K_max");
    }

    @Test
    void aShiftHasAFlatSpectrumSoKReachesKMax() {
        double c = 0.3; // advection by c: the multiplier e^{−2πijc}, |·| = 1 at every frequency
        FNO m = withMultiplier(32, j -> new double[] {Math.cos(2 * Math.PI * j * c), -Math.sin(2 * Math.PI * j * c)});
        assertEquals(32, grownModes(m, new Incremental.Settings(Incremental.Criterion.ENERGY, 0.99, 1, 0, 2, new int[] {1}, 1)));
    }

    @Test
    void theLossGapCriterionGrowsOnlyWhenTheLossStalls() {
        FNO m = new FNO(config(16));
        Incremental inc = new Incremental(m, new Incremental.Settings(Incremental.Criterion.LOSS_GAP, 0.99, 0, 0.01, 4, new int[] {1}, 1));
        inc.start();
        inc.data(0, new Dataset(Tensor.zeros(1, 1, 64), Tensor.zeros(1, 1, 64)));
        List<Trainer.Epoch> h = new ArrayList<>();
        h.add(new Trainer.Epoch(0, 0.5, Map.of(), 0, 0, 0, Map.of()));
        inc.after(h);
        assertEquals(4, m.activeModes()[0], "one epoch: no gap yet");
        h.add(new Trainer.Epoch(1, 0.3, Map.of(), 0, 0, 0, Map.of()));
        inc.after(h);
        assertEquals(4, m.activeModes()[0], "the loss still falls by 0.2");
        h.add(new Trainer.Epoch(2, 0.295, Map.of(), 0, 0, 0, Map.of()));
        inc.after(h);
        assertEquals(6, m.activeModes()[0], "a change of 0.005 ≤ ε");
    }

    @Test
    void coarseDataFirstAndKNeverBeyondWhatTheGridHolds() {
        FNO m = new FNO(config(16));
        Incremental inc = new Incremental(m, new Incremental.Settings(Incremental.Criterion.LOSS_GAP, 0.99, 0, 1.0, 6, new int[] {4, 1}, 4));
        inc.start();
        Dataset full = new Dataset(Tensor.randn(1, 6, 1, 32), Tensor.randn(2, 6, 1, 32));
        List<Trainer.Epoch> h = new ArrayList<>();
        for (int e = 0; e < 8; e++) {
            int grid = inc.data(e, full).x().dim(2);
            assertEquals(e < 4 ? 8 : 32, grid, "epoch " + e);
            assertEquals(e < 4 ? 4 : 1, inc.rate(e));
            h.add(new Trainer.Epoch(e, 1, Map.of(), 0, 0, 0, inc.info(e)));
            assertTrue(m.activeModes()[0] <= grid, "K " + m.activeModes()[0] + " on a grid of " + grid);
            inc.after(h); // ε = 1: grows whenever it may, from the second epoch on
        }
        // 8 is all an 8-point grid holds: K waits there until the data is refined
        assertEquals(List.of(6, 6, 8, 8, 10, 12, 14, 16), h.stream().map(e -> e.info().get("modes")).toList());
        assertEquals(List.of(8, 8, 8, 8, 32, 32, 32, 32), h.stream().map(e -> e.info().get("resolution")).toList());
    }

    @Test
    void theSpectralLayerCountsTheDocumentedFlops() {
        for (int[] grid : new int[][] {{32}, {64}, {12, 16}, {16, 9}}) {
            int[] modes = grid.length == 1 ? new int[] {8} : new int[] {6, 8};
            SpectralConv c = new SpectralConv(3, 5, modes, 1);
            int[] shape = new int[grid.length + 2];
            shape[0] = 2;
            shape[1] = 3;
            System.arraycopy(grid, 0, shape, 2, grid.length);
            long before = Flops.count();
            try (Var.NoGrad ignored = Var.noGrad()) {
                c.forward(Var.constant(Tensor.randn(4, shape)));
            }
            assertEquals(c.flops(2, grid), Flops.count() - before, "grid " + java.util.Arrays.toString(grid));
        }
        // in 1-D only the contraction depends on K: 8·batch·in·out per added bin
        SpectralConv c = new SpectralConv(3, 5, new int[] {16}, 1);
        long full = c.flops(2, new int[] {64});
        c.setActiveModes(new int[] {8});
        assertEquals(8L * 2 * 3 * 5 * (9 - 5), full - c.flops(2, new int[] {64}));
        // and the transforms grow as n·log n: 64 → 128 points adds 2.5·(128·7 − 64·6) per line, 2·3 + 2·5 lines, plus the bias
        assertEquals(5L * (128 * 7 - 64 * 6) / 2 * (2 * 3 + 2 * 5) + 2 * 5 * 64, c.flops(2, new int[] {128}) - c.flops(2, new int[] {64}));
    }

    @Test
    void trainingRecordsModesAndResolutionPerEpoch() {
        FNO m = new FNO(config(12));
        Incremental inc = new Incremental(m, new Incremental.Settings(Incremental.Criterion.LOSS_GAP, 0.99, 0, 10, 2, new int[] {2, 1}, 2));
        inc.start();
        Tensor x = Tensor.randn(3, 8, 1, 24);
        Dataset data = new Dataset(x, x.mul(x));
        Trainer t = new Trainer(m, m::forward, new Adam(m.parameters(), Adam.Config.defaults(1e-3)), new Scheduler.Constant(), Loss.relativeL2(),
                Loss.relativeL2(), new Trainer.Settings(4, 4, 1, 0));
        t.setSchedule(inc);
        List<Trainer.Epoch> h = t.fit(data, Map.of("24", data), null);
        assertEquals(List.of(2, 2, 4, 6), h.stream().map(e -> e.info().get("modes")).toList()); // a gap needs two epochs
        assertEquals(List.of(12, 12, 24, 24), h.stream().map(e -> e.info().get("resolution")).toList());
    }
}
