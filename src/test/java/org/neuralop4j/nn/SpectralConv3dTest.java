package org.neuralop4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.neuralop4j.autograd.Gradcheck;
import org.neuralop4j.autograd.Var;
import org.neuralop4j.tensor.Tensor;

/** The spectral layer in three dimensions: shapes, a finer output grid, and its gradients. */
class SpectralConv3dTest {
    @Test
    void aThreeDimensionalLayerMapsGridsAndIsDifferentiable() {
        SpectralConv conv = new SpectralConv(2, 3, new int[] {4, 2, 4}, 8);
        assertArrayEquals(new int[] {2, 3, 4, 2, 3}, conv.weight().shape(), "(in, out, 4, 2, 4/2 + 1)");
        Var x = Var.param(Tensor.randn(1, 2, 2, 6, 4, 5));
        assertArrayEquals(new int[] {2, 3, 6, 4, 5}, conv.forward(x).shape());
        assertArrayEquals(new int[] {2, 3, 12, 8, 10}, conv.forward(x, new int[] {12, 8, 10}).shape());
        java.util.List<Var> leaves = new java.util.ArrayList<>(conv.parameters());
        leaves.add(x);
        Gradcheck.Result r = Gradcheck.check(() -> FnoTest.probe(conv.forward(x, new int[] {7, 4, 6})), leaves, Gradcheck.STEP);
        assertTrue(r.maxRelError() <= 1e-6, r.toString());
    }
}
