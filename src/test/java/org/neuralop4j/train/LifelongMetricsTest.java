package org.neuralop4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LifelongMetricsTest {
    // rows: after training through task t; columns: task j
    static final double[][] A = {
        {50, 10, 5},
        {40, 60, 20},
        {45, 30, 70},
    };
    static final double[] A0 = {20, 5, 10};

    @Test
    void eachMeasureOnAWorkedExample() {
        // FM: task 0 peaked at 50 and ends at 45 (5), task 1 peaked at 60 and ends at 30 (30)
        assertEquals(17.5, LifelongMetrics.forgetting(A), 1e-12);
        // WF_5: after step 1 task 0 is 10 down; after step 2 tasks 0 and 1 are 5 and 30 down (mean 17.5)
        assertEquals(17.5, LifelongMetrics.windowedForgetting(A, 5), 1e-12);
        // WF_2 at step 2 sees only steps 1–2: task 0's peak there is 45, so (0 + 30)/2
        assertEquals(15, LifelongMetrics.windowedForgetting(A, 2), 1e-12);
        // CFR: 45/50 and 30/60
        assertEquals(0.5, LifelongMetrics.resilience(A), 1e-12);
        // EBWT: (40 − 50) + (45 − 50) + (30 − 60) over three pairs
        assertEquals(-15, LifelongMetrics.expandedBackwardTransfer(A), 1e-12);
        // gains: 50 − 20, 60 − 10, 70 − 20
        assertEquals(130.0 / 3, LifelongMetrics.incrementalPlasticity(A, A0), 1e-12);
        assertEquals(50, LifelongMetrics.windowedPlasticity(A, A0, 2), 1e-12);
    }

    @Test
    void edgeCases() {
        double[][] one = {{30}};
        assertEquals(0, LifelongMetrics.forgetting(one));
        assertEquals(0, LifelongMetrics.windowedForgetting(one, 5));
        assertEquals(1, LifelongMetrics.resilience(one));
        assertEquals(0, LifelongMetrics.expandedBackwardTransfer(one));
        assertEquals(25, LifelongMetrics.incrementalPlasticity(one, new double[] {5}));
        // a task never learned (its score never above 0) does not count against resilience
        double[][] never = {{-10, 0}, {-20, 40}};
        assertEquals(1, LifelongMetrics.resilience(never));
        assertEquals(10, LifelongMetrics.forgetting(never), 1e-12);
        // fewer tasks than the window: windows start at step 0
        assertEquals(LifelongMetrics.windowedForgetting(A, 3), LifelongMetrics.windowedForgetting(A, 5));
        assertEquals(LifelongMetrics.incrementalPlasticity(A, A0), LifelongMetrics.windowedPlasticity(A, A0, 5));
        assertThrows(IllegalArgumentException.class, () -> LifelongMetrics.forgetting(new double[][] {{1, 2}}));
    }

    @Test
    void nothingLearnedNothingForgotten() {
        // a learning rate of zero: every row equals the scores before training
        double[] a0 = {40, 55, 62, 71, 12, 33};
        double[][] a = new double[6][];
        for (int t = 0; t < 6; t++) a[t] = a0.clone();
        assertEquals(0, LifelongMetrics.forgetting(a));
        assertEquals(0, LifelongMetrics.windowedForgetting(a, 5));
        assertEquals(1, LifelongMetrics.resilience(a));
        assertEquals(0, LifelongMetrics.expandedBackwardTransfer(a));
        assertEquals(0, LifelongMetrics.incrementalPlasticity(a, a0));
        assertEquals(0, LifelongMetrics.windowedPlasticity(a, a0, 5));
    }
}
