package org.neuralop4j.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neuralop4j.autograd.Var;
import org.neuralop4j.linalg.Tucker;
import org.neuralop4j.nn.FNO;
import org.neuralop4j.nn.FnoConfig;
import org.neuralop4j.props.Gen;
import org.neuralop4j.props.Props;
import org.neuralop4j.tensor.Tensor;
import org.neuralop4j.train.Loss;

class TensorGaLoreTest {
    static final Adam.Config ADAMW = Adam.Config.defaults(0.01).withWeightDecay(0.05);

    static TensorGaLore.Config config(TensorGaLore.Projection p, double rank, int gap) {
        return new TensorGaLore.Config(ADAMW, p, rank, gap, 1.0, 2);
    }

    static Tensor identity(int n) {
        Tensor t = Tensor.zeros(n, n);
        for (int i = 0; i < n; i++) t.re()[i * n + i] = 1;
        return t;
    }

    static void setGrads(List<Var> ps, long seed) {
        for (int i = 0; i < ps.size(); i++) {
            Var p = ps.get(i);
            p.zeroGrad();
            p.accumulate(p.value().isComplex() ? Tensor.randnComplex(seed + i, p.shape()) : Tensor.randn(seed + i, p.shape()));
        }
    }

    @Test
    void withIdentityFactorsTheStepsAreExactlyAdamWs() {
        Tensor w = Tensor.randnComplex(1, 3, 4, 5), b = Tensor.randn(2, 4);
        List<Var> a = List.of(Var.param(w.copy()), Var.param(b.copy())), g = List.of(Var.param(w.copy()), Var.param(b.copy()));
        AdamW adam = new AdamW(a, ADAMW);
        TensorGaLore tg = new TensorGaLore(g, config(TensorGaLore.Projection.TUCKER, 1.0, 1000));
        tg.setFactors(0, new Tensor[] {identity(3), identity(4), identity(5)});
        for (int step = 0; step < 5; step++) {
            setGrads(a, 10 * step);
            setGrads(g, 10 * step);
            adam.step();
            tg.step();
            for (int i = 0; i < 2; i++) {
                assertArrayEquals(a.get(i).value().re(), g.get(i).value().re(), 0.0, "step " + step);
                if (i == 0) assertArrayEquals(a.get(i).value().im(), g.get(i).value().im(), 0.0);
            }
        }
        assertEquals(0, tg.decompositions(), "the given factors were used, none computed");
    }

    @Test
    void atFullRankAnyUnitaryFactorsLeaveAGradientUnchanged() {
        // the projected SGD step −lr·(G ×U ᴴ… ×U …) equals −lr·G when every U is unitary
        Props.forAll("full-rank projection and back is the identity", 30, Gen.shapes(3, 4, 5), s -> {
            Tensor g = Tensor.randnComplex(s.length, s);
            Tensor[] u = Tucker.hosvd(Tensor.randnComplex(7, s), s).factors(); // unitary: full-rank HOSVD factors of another tensor
            int[] modes = new int[s.length];
            for (int k = 0; k < modes.length; k++) modes[k] = k;
            assertTrue(TensorGaLore.up(TensorGaLore.down(g, u, modes), u, modes).allClose(g, 1e-12, 1e-12));
        });
    }

    @Test
    void factorsAreOrthonormalAndProjectedGradientsLieInTheirSpan() {
        Var p = Var.param(Tensor.randnComplex(3, 8, 6, 5, 3));
        TensorGaLore tg = new TensorGaLore(List.of(p), config(TensorGaLore.Projection.TUCKER, 0.3, 5));
        setGrads(List.of(p), 4);
        tg.step();
        Tensor[] u = tg.factors(0);
        int[] modes = {0, 1, 2, 3};
        for (Tensor f : u) {
            Tensor gram = f.transpose(0, 1).conj().matmul(f);
            assertTrue(gram.allClose(identity(f.dim(1)).toComplex(), 1e-12, 1e-12), "UᴴU = I");
            assertTrue(f.dim(1) < f.dim(0) || f.dim(0) == 1 || f.dim(1) == f.dim(0), "ranks reduce");
        }
        Tensor g = Tensor.randnComplex(9, 8, 6, 5, 3);
        Tensor projected = TensorGaLore.up(TensorGaLore.down(g, u, modes), u, modes);
        Tensor again = TensorGaLore.up(TensorGaLore.down(projected, u, modes), u, modes);
        assertTrue(again.allClose(projected, 1e-12, 1e-12), "in the span: projecting again changes nothing");
        assertTrue(projected.sub(g).maxAbs() > 0.1, "a rank-reduced projection does change a generic gradient");
    }

    @Test
    void theProjectionIsRecomputedExactlyEveryTSteps() {
        Var w1 = Var.param(Tensor.randnComplex(1, 4, 4, 6)), w2 = Var.param(Tensor.randnComplex(2, 4, 4, 3, 2)), bias = Var.param(Tensor.randn(3, 4));
        List<Var> ps = List.of(w1, w2, bias);
        for (TensorGaLore.Projection kind : TensorGaLore.Projection.values()) {
            TensorGaLore tg = new TensorGaLore(ps, config(kind, 0.5, 3));
            Tensor[] before = null;
            for (int step = 1; step <= 10; step++) {
                setGrads(ps, step);
                tg.step();
                int refreshes = (step - 1) / 3 + 1; // steps 1, 4, 7, 10
                assertEquals(2L * refreshes, tg.decompositions(), kind + " after step " + step);
                Tensor[] now = tg.factors(0);
                if (before != null) {
                    boolean changed = !now[0].allClose(before[0], 0, 0);
                    assertEquals((step - 1) % 3 == 0, changed, kind + ": factors change at a refresh and only then (step " + step + ")");
                }
                before = now;
            }
        }
    }

    @Test
    void aQuarterRankShrinksTheStateOfABigSpectralWeightByThreeQuarters() {
        int[] shape = {64, 64, 32, 17};
        Var w = Var.param(Tensor.zerosComplex(shape));
        TensorGaLore tg = new TensorGaLore(List.of(w), config(TensorGaLore.Projection.TUCKER, 0.25, 10));
        AdamW adam = new AdamW(List.of(w), ADAMW);
        int[] r = TensorGaLore.ranks(shape, 0.25);
        long core = 1, factors = 0, full = 1;
        for (int k = 0; k < 4; k++) {
            core *= r[k];
            factors += (long) shape[k] * r[k];
            full *= shape[k];
        }
        // m complex and v real over the core, complex factors, the step count
        assertEquals(16 * core + 8 * core + 16 * factors + 8, tg.stateBytes());
        assertEquals(16 * full + 8 * full + 8, adam.stateBytes());
        double saved = 1 - (double) tg.stateBytes() / adam.stateBytes();
        assertTrue(saved >= 0.75 && saved < 0.78, "saved " + saved);
        assertTrue(core + factors <= 0.25 * full, "core and factors within a quarter of the weight");
        int[] plain = Tucker.ranksFromRatio(shape, 0.25);
        for (int k = 0; k < 4; k++) assertTrue(r[k] <= plain[k] && r[k] >= plain[k] - 2, "ranks lowered at most a little from ranksFromRatio's");
    }

    @Test
    void aWholeFnoTrainsWithConstantStateSizes() {
        FNO model = new FNO(FnoConfig.of(new int[] {6, 6}, 1, 1, 4).withLayers(2).withLiftingProjection(6, 6));
        for (TensorGaLore.Projection kind : TensorGaLore.Projection.values()) {
            TensorGaLore tg = new TensorGaLore(model.parameters(), new TensorGaLore.Config(Adam.Config.defaults(1e-2), kind, 0.5, 2, 1.0, 1));
            Tensor x = Tensor.randn(1, 3, 1, 12, 12), y = x.mul(x);
            long bytes = tg.stateBytes();
            Map<String, int[]> shapes = new java.util.HashMap<>();
            tg.state().forEach((k, v) -> shapes.put(k, v.shape()));
            double first = 0, last = 0;
            for (int step = 0; step < 8; step++) {
                tg.zeroGrad();
                Var l = Loss.relativeL2().apply(model.forward(Var.constant(x)), Var.constant(y));
                l.backward();
                tg.step();
                if (step == 0) first = l.value().item();
                last = l.value().item();
                assertEquals(bytes, tg.stateBytes());
                tg.state().forEach((k, v) -> assertArrayEquals(shapes.get(k), v.shape(), k));
            }
            assertTrue(last < first, kind + ": the loss falls, " + first + " → " + last);
            assertTrue(tg.decompositions() > 0);
        }
    }

    @Test
    void ranksCanBeGivenPerMode() {
        Var w = Var.param(Tensor.randnComplex(1, 8, 6, 5, 3));
        TensorGaLore tg = new TensorGaLore(List.of(w), new TensorGaLore.Config(ADAMW, TensorGaLore.Projection.TUCKER, 0.25, 5, 1.0, 1, new int[] {4, 9, 2}));
        setGrads(List.of(w), 3);
        tg.step();
        Tensor[] u = tg.factors(0);
        assertArrayEquals(new int[] {8, 4}, u[0].shape());
        assertArrayEquals(new int[] {6, 6}, u[1].shape(), "clipped to the dimension");
        assertArrayEquals(new int[] {5, 2}, u[2].shape());
        assertArrayEquals(new int[] {3, 3}, u[3].shape(), "a mode without a given rank keeps its dimension");
        assertEquals(24L * (4 * 6 * 2 * 3) + 16L * (8 * 4 + 6 * 6 + 5 * 2 + 3 * 3) + 8, tg.stateBytes());
    }
}
