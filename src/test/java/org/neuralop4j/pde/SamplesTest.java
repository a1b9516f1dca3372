package org.neuralop4j.pde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neuralop4j.tensor.Tensor;

class SamplesTest {
    @Test
    void generatorsAreSeededShapedAndReportProgress() {
        List<Integer> done = new ArrayList<>();
        Tensor[] d = Samples.darcy(3, 17, 7, done::add);
        assertEquals(List.of(1, 2, 3), done);
        assertArrayEquals(new int[] {3, 1, 17, 17}, d[0].shape());
        assertArrayEquals(new int[] {3, 1, 17, 17}, d[1].shape());
        Tensor[] again = Samples.darcy(2, 17, 7, null);
        assertEquals(0.0, again[1].maxAbsDiff(d[1].slice(0, 0, 2)), "sample i depends only on (seed, i)");
        Tensor[] b = Samples.burgers(2, 32, 0.01, 0.1, 10, 1, null), h = Samples.heat(2, 32, 0.01, 0.1, 1, null);
        Tensor[] ns = Samples.navierStokes(1, 16, 1e-3, 0.1, 5, 1, null);
        assertArrayEquals(new int[] {2, 1, 32}, b[1].shape());
        assertArrayEquals(new int[] {2, 1, 32}, h[1].shape());
        assertArrayEquals(new int[] {1, 1, 16, 16}, ns[1].shape());
        for (Tensor[] p : new Tensor[][] {b, h, ns}) assertTrue(p[1].maxAbsDiff(p[0]) > 0, "the solution moved");
    }
}
