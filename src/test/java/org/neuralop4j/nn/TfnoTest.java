package org.neuralop4j.nn;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neuralop4j.autograd.Gradcheck;
import org.neuralop4j.autograd.Var;
import org.neuralop4j.linalg.Modes;
import org.neuralop4j.tensor.Tensor;

/** TFNO: an FNO whose spectral weights are Tucker factorizations. */
class TfnoTest {
    static FnoConfig config() {
        return FnoConfig.of(new int[] {4, 6}, 1, 2, 3).withLayers(2).withLiftingProjection(4, 4).withSeed(3);
    }

    @Test
    void tfnoEqualsTheDenseFnoWithTheReconstructedWeights() {
        FNO tfno = new FNO(config().withTucker(0.3)), dense = new FNO(config());
        Map<String, Tensor> state = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : tfno.stateDict().entrySet()) {
            if (!e.getKey().contains(".weight.")) state.put(e.getKey(), e.getValue());
        }
        SpectralConv[] convs = tfno.convs();
        for (int i = 0; i < convs.length; i++) {
            // rebuild W = G ×₁ U₁ ×₂ U₂ ⋯ with the linalg floor, independently of the layer's own path
            Map<String, Tensor> s = tfno.stateDict();
            String p = "fno_blocks.convs." + i + ".weight.";
            Tensor w = s.get(p + "core");
            for (int k = 0; k < 4; k++) w = Modes.product(w, s.get(p + "factors." + k), k, false);
            state.put("fno_blocks.convs." + i + ".weight", w);
        }
        dense.loadStateDict(state);
        Var x = Var.constant(Tensor.randn(8, 2, 1, 8, 12));
        Tensor a = tfno.forward(x).value(), b = dense.forward(x).value();
        assertTrue(a.maxAbsDiff(b) <= 1e-13 * (1 + b.maxAbs()), "max difference " + a.maxAbsDiff(b));
        assertTrue(tfno.parameterCount() < dense.parameterCount(), tfno.parameterCount() + " vs " + dense.parameterCount());
        assertTrue(tfno.stateDict().containsKey("fno_blocks.convs.0.weight.factors.3"));
        assertFalse(tfno.stateDict().containsKey("fno_blocks.convs.0.weight"));
    }

    @Test
    void fullRankTfnoStartsAsTheDenseFno() {
        // ratio 1 keeps every rank: the HOSVD of the dense initialization reproduces it
        FNO tfno = new FNO(config().withTucker(1.0)), dense = new FNO(config());
        Var x = Var.constant(Tensor.randn(9, 1, 1, 8, 12));
        assertTrue(tfno.forward(x).value().maxAbsDiff(dense.forward(x).value()) <= 1e-12);
    }

    @Test
    void aTinyTfnoIsDifferentiableEndToEnd() {
        FNO model = new FNO(config().withTucker(0.5));
        Var x = Var.constant(Tensor.randn(2, 2, 1, 6, 7));
        // the factors' gradients are ~1e-4 of the loss: a step of 1e-6 would leave only 4 digits
        // above the rounding noise of the loss (ε·|L|/h), so this check steps 1e-4
        Gradcheck.Result r = Gradcheck.check(() -> FnoTest.probe(model.forward(x)), model.parameters(), 1e-4);
        assertTrue(r.maxRelError() <= 1e-6, r.toString());
    }
}
