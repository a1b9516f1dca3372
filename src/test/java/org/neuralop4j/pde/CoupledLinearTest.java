package org.neuralop4j.pde;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.neuralop4j.tensor.Tensor;

class CoupledLinearTest {
    @Test
    void oneModeDecaysAndRotatesIntoTheOtherVariable() {
        int n = 32;
        double nu = 0.01, c = 2, t = 0.8;
        Tensor a0 = Tensor.zeros(n), zero = Tensor.zeros(n), a = Tensor.zeros(n), b = Tensor.zeros(n);
        double d = Math.exp(-nu * 4 * Math.PI * Math.PI * t);
        for (int i = 0; i < n; i++) {
            double cx = Math.cos(2 * Math.PI * i / n);
            a0.re()[i] = cx;
            a.re()[i] = d * Math.cos(c * t) * cx;
            b.re()[i] = -d * Math.sin(c * t) * cx;
        }
        Tensor[] s = CoupledLinear.solve(a0, zero, nu, c, t);
        assertTrue(s[0].allClose(a, 1e-14, 1e-14) && s[1].allClose(b, 1e-14, 1e-14));
    }

    @Test
    void solvingInTwoStepsEqualsOneStep() {
        Tensor a0 = GaussianRandomField.sample(1, 2, 3, 30, 64), b0 = GaussianRandomField.sample(2, 2, 3, 30, 64);
        Tensor[] half = CoupledLinear.solve(a0, b0, 0.01, 2, 0.3), twice = CoupledLinear.solve(half[0], half[1], 0.01, 2, 0.3);
        Tensor[] once = CoupledLinear.solve(a0, b0, 0.01, 2, 0.6);
        assertTrue(twice[0].allClose(once[0], 1e-13, 1e-13) && twice[1].allClose(once[1], 1e-13, 1e-13));
    }
}
