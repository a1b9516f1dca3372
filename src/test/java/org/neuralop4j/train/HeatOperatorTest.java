package org.neuralop4j.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neuralop4j.data.Dataset;
import org.neuralop4j.nn.FNO;
import org.neuralop4j.nn.FnoConfig;
import org.neuralop4j.nn.Skip;
import org.neuralop4j.optim.Adam;
import org.neuralop4j.optim.Scheduler;
import org.neuralop4j.pde.GaussianRandomField;
import org.neuralop4j.pde.Heat;
import org.neuralop4j.tensor.Tensor;

/** An FNO learns the heat semigroup, a Fourier multiplier it can represent exactly. */
class HeatOperatorTest {
    static final double NU = 0.0005, T = 1.0; // multiplier e^{−ν(2πk)²t}: 0.98 at k = 1, 0.28 at k = 8

    /** n samples u0 (a random field plus a random constant) → u(T), on an m-point grid. */
    static Dataset heatData(int samples, int m, long seed) {
        Tensor x = Tensor.zeros(samples, 1, m), y = Tensor.zeros(samples, 1, m);
        for (int i = 0; i < samples; i++) {
            Tensor u0 = GaussianRandomField.sample(seed + i, 2.0, 0.0, 20.0, m).add(Tensor.scalar(Tensor.randn(seed + i, 1).item()));
            Tensor u = Heat.solve(u0, NU, T);
            System.arraycopy(u0.re(), 0, x.re(), i * m, m);
            System.arraycopy(u.re(), 0, y.re(), i * m, m);
        }
        return new Dataset(x, y);
    }

    @Test
    void oneSpectralLayerLearnsTheHeatMultiplierAndKeepsItOnAFinerGrid() {
        // one block, width 1, linear lifting and projection, no embedding, no channel MLP:
        // the model is u ↦ Q·(R_k + W)·P·û_k + biases, mode by mode
        FnoConfig c = FnoConfig.of(new int[] {16}, 1, 1, 1).withLayers(1).withLiftingProjection(0, 0)
                .withBlocks(Skip.Kind.LINEAR, false).withEmbeddingAndPadding(false, 0).withSeed(4);
        FNO model = new FNO(c);
        Dataset train = heatData(64, 32, 100), coarse = heatData(32, 32, 900), fine = heatData(32, 64, 900);
        int epochs = 400;
        Adam opt = new Adam(model.parameters(), Adam.Config.defaults(0.02));
        Trainer trainer = new Trainer(model, model::forward, opt, new Scheduler.Cosine(0.02, 0.0, epochs), Loss.relativeL2(),
                Loss.relativeL2(), new Trainer.Settings(epochs, 64, 1, 0));
        trainer.fit(train, Map.of(), null);

        Map<String, Tensor> s = model.stateDict();
        double p = s.get("lifting.fcs.0.weight").item(), q = s.get("projection.fcs.0.weight").item(), w = s.get("fno_blocks.fno_skips.0.weight").item();
        Tensor r = s.get("fno_blocks.convs.0.weight"); // (1, 1, 9)
        for (int k = 0; k <= 8; k++) {
            // a real signal's zero mode is real: the imaginary part of R_0 acts on nothing (and gets no gradient)
            double mr = q * (r.re()[k] + w) * p, mi = k == 0 ? 0 : q * r.im()[k] * p;
            double truth = Heat.multiplier(NU, T, k);
            assertTrue(Math.hypot(mr - truth, mi) <= 1e-3, "mode " + k + ": learned " + mr + (mi >= 0 ? "+" : "") + mi + "i, exact " + truth);
        }
        Map<String, Double> err = trainer.evaluate(Map.of("32", coarse, "64", fine));
        assertTrue(err.get("64") <= 1.5 * err.get("32"), "error at 64 points " + err.get("64") + " vs at 32 " + err.get("32"));
        assertTrue(err.get("32") < 0.01, "test error " + err);
    }
}
