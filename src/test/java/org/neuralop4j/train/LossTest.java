package org.neuralop4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.neuralop4j.autograd.Gradcheck;
import org.neuralop4j.autograd.Var;
import org.neuralop4j.tensor.Tensor;

class LossTest {
    /** f(x, y) = sin(2πx)·cos(2πy) + 0.5 on an n × n grid, as (1, 1, n, n). */
    static Tensor field(int n, double shift) {
        double[] v = new double[n * n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) {
            v[i * n + j] = Math.sin(2 * Math.PI * i / n) * Math.cos(2 * Math.PI * j / n) + 0.5 + shift;
        }
        return Tensor.of(v, 1, 1, n, n);
    }

    @Test
    void normsApproximateIntegralsWhateverTheResolution() {
        // ‖f − g‖_L2 for f − g = 0.25 (a constant) is 0.25 on the unit square, at any resolution
        Loss abs = new Loss.Lp(2, false);
        for (int n : new int[] {8, 16, 32}) {
            double v = abs.apply(Var.constant(field(n, 0.25)), Var.constant(field(n, 0))).value().item();
            assertEquals(0.25, v, 1e-14, "n = " + n);
        }
        // ‖sin(2πx)cos(2πy)‖²_L2 = 1/4 and its H1 seminorm² = 8π²·1/4: ‖·‖_H1 = √((1 + 8π²)/4)
        Tensor zero = Tensor.zeros(1, 1, 16, 16);
        double h1 = new Loss.H1(false).apply(Var.constant(field(16, -0.5)), Var.constant(zero)).value().item();
        assertEquals(Math.sqrt((1 + 8 * Math.PI * Math.PI) / 4), h1, 1e-12);
        double l1 = new Loss.Lp(1, false).apply(Var.constant(field(64, 0.25)), Var.constant(field(64, 0))).value().item();
        assertEquals(0.25, l1, 1e-14);
    }

    @Test
    void relativeLossesAreScaleFreeAndZeroAtTheTruth() {
        Tensor y = Tensor.randn(1, 3, 2, 8, 8), x = y.add(Tensor.randn(2, 3, 2, 8, 8).scale(0.1));
        for (Loss l : new Loss[] {Loss.relativeL2(), new Loss.H1(true), new Loss.Lp(3, true)}) {
            double a = l.apply(Var.constant(x), Var.constant(y)).value().item();
            double b = l.apply(Var.constant(x.scale(7)), Var.constant(y.scale(7))).value().item();
            assertEquals(a, b, 1e-13, l.toString());
            assertTrue(a > 0.01 && a < 1, l + ": " + a);
            assertEquals(0.0, l.apply(Var.constant(y), Var.constant(y)).value().item(), 0.0);
        }
    }

    @Test
    void lossGradientsPassGradcheck() {
        Tensor y = Tensor.randn(3, 2, 1, 6, 5), x = y.add(Tensor.randn(4, 2, 1, 6, 5).scale(0.3));
        for (Loss l : new Loss[] {Loss.relativeL2(), new Loss.Lp(2, false), new Loss.Lp(3, true), new Loss.H1(true), new Loss.H1(false)}) {
            Gradcheck.Result r = Gradcheck.check(v -> l.apply(v[0], Var.constant(y)), x);
            assertTrue(r.maxRelError() <= 1e-6, l + ": " + r);
        }
    }
}
