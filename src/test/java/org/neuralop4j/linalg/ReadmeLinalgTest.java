package org.neuralop4j.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.neuralop4j.tensor.Tensor;

/** The snippet in README's linear-algebra section runs and its claims hold. */
class ReadmeLinalgTest {
    @Test
    void theTuckerExampleRuns() {
        Tensor x = Tensor.randnComplex(1, 32, 32, 12, 7);
        int[] ranks = Tucker.ranksFromRatio(x.shape(), 0.25);
        Tucker t = Tucker.hosvd(x, ranks);
        Tucker better = Tucker.hooi(x, ranks, t.factors(), 10, 1e-10);
        Tensor approx = better.reconstruct();
        assertArrayEquals(x.shape(), approx.shape());
        double errHosvd = Mats.frobenius(t.reconstruct().sub(x)), errHooi = Mats.frobenius(approx.sub(x));
        assertTrue(errHooi <= errHosvd * (1 + 1e-12), errHooi + " > " + errHosvd);
        long count = 1;
        for (int r : ranks) count *= r;
        for (int k = 0; k < 4; k++) count += (long) x.dim(k) * ranks[k];
        assertTrue(Math.abs(count / (double) x.size() - 0.25) < 0.05, "core + factors hold about a quarter: " + count);
    }
}
