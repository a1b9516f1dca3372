package org.neuralop4j.pde;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.neuralop4j.tensor.Tensor;

class BoussinesqTest {
    static Tensor field(int n, java.util.function.DoubleBinaryOperator f) {
        Tensor t = Tensor.zeros(n, n);
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) t.re()[i * n + j] = f.applyAsDouble((double) i / n, (double) j / n);
        return t;
    }

    @Test
    void aTemperatureWithoutBuoyancyLeavesTheFlowAlone() {
        // with g = 0 the temperature is carried along and changes nothing: the flow is Navier–Stokes
        Tensor w0 = GaussianRandomField.sample(3, 2.5, 7, 400, 32, 32), th0 = GaussianRandomField.sample(4, 2.5, 7, 400, 32, 32);
        Tensor f = field(32, (x, y) -> 0.1 * Math.sin(2 * Math.PI * (x + y)));
        Tensor ns = NavierStokes.solve(w0, f, 1e-3, 0.5, 50);
        Tensor[] b = Boussinesq.solve(w0, th0, f, 1e-3, 1e-3, 0, 0.5, 50);
        assertTrue(b[0].allClose(ns, 0, 0), "max difference " + b[0].maxAbsDiff(ns));
        assertTrue(b[1].sub(th0).maxAbs() > 1e-3, "the temperature moved");
    }

    @Test
    void temperatureAtRestDiffusesExactly() {
        double kappa = 0.01, t = 0.7;
        Tensor th0 = field(16, (x, y) -> Math.sin(2 * Math.PI * 2 * x) * Math.cos(2 * Math.PI * y));
        Tensor[] b = Boussinesq.solve(Tensor.zeros(16, 16), th0, null, 0.02, kappa, 0, t, 7);
        Tensor exact = th0.scale(Math.exp(-kappa * 4 * Math.PI * Math.PI * 5 * t));
        assertTrue(b[1].allClose(exact, 1e-13, 1e-13), "max difference " + b[1].maxAbsDiff(exact));
    }

    @Test
    void buoyancyTurnsATemperatureGradientIntoVorticity() {
        // θ = sin 2πx drives ω_t = g·θ_x = 2πg·cos 2πx; the flow it makes runs along y and advects nothing
        double g = 3, t = 0.4;
        Tensor th0 = field(16, (x, y) -> Math.sin(2 * Math.PI * x));
        Tensor[] b = Boussinesq.solve(Tensor.zeros(16, 16), th0, null, 0, 0, g, t, 8);
        Tensor exact = field(16, (x, y) -> 2 * Math.PI * g * t * Math.cos(2 * Math.PI * x));
        assertTrue(b[0].allClose(exact, 1e-12, 1e-12), "max difference " + b[0].maxAbsDiff(exact));
        assertTrue(b[1].allClose(th0, 1e-13, 1e-13));
    }

    @Test
    void velocityIsTheCurlOfTheStreamFunction() {
        // ω = sin 2πx · sin 2πy: ψ = ω/(8π²), u = ψ_y = sin 2πx cos 2πy /(4π), v = −ψ_x = −cos 2πx sin 2πy /(4π)
        Tensor[] uv = Boussinesq.velocity(NavierStokes.taylorGreen(16));
        Tensor u = field(16, (x, y) -> Math.sin(2 * Math.PI * x) * Math.cos(2 * Math.PI * y) / (4 * Math.PI));
        Tensor v = field(16, (x, y) -> -Math.cos(2 * Math.PI * x) * Math.sin(2 * Math.PI * y) / (4 * Math.PI));
        assertTrue(uv[0].allClose(u, 1e-14, 1e-14) && uv[1].allClose(v, 1e-14, 1e-14));
    }
}
