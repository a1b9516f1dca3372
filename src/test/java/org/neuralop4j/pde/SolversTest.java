package org.neuralop4j.pde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.neuralop4j.tensor.Tensor;

/** Each solver against an exact solution, with its expected order of convergence. */
class SolversTest {
    /** max |u_h − u| for −∇·(a∇u) = f with a = 1 + x + y², u = sin(πx)·sin(πy) (f worked out by hand). */
    static double darcyError(int n) {
        Tensor a = Tensor.zeros(n, n), f = Tensor.zeros(n, n), exact = Tensor.zeros(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double x = i / (n - 1.0), y = j / (n - 1.0);
                double u = Math.sin(Math.PI * x) * Math.sin(Math.PI * y);
                double ux = Math.PI * Math.cos(Math.PI * x) * Math.sin(Math.PI * y), uy = Math.PI * Math.sin(Math.PI * x) * Math.cos(Math.PI * y);
                double av = 1 + x + y * y;
                a.re()[i * n + j] = av;
                // −(a_x u_x + a_y u_y + a Δu) with a_x = 1, a_y = 2y, Δu = −2π²u
                f.re()[i * n + j] = -(ux + 2 * y * uy) + 2 * Math.PI * Math.PI * av * u;
                exact.re()[i * n + j] = u;
            }
        }
        return Darcy.solve(a, f, 1e-12).maxAbsDiff(exact);
    }

    @Test
    void darcyIsSecondOrderAgainstAManufacturedSolution() {
        double e65 = darcyError(65);
        assertTrue(e65 < 1e-3, "error " + e65);
        assertOrder(4.0, 0.5, darcyError(17), darcyError(33), e65); // halving h divides the error by 4
        assertThrows(IllegalArgumentException.class, () -> Darcy.solve(Tensor.zeros(5, 5), Tensor.ones(5, 5), 1e-8));
    }

    @Test
    void aDarcySampleHasTwoPhasesAndAPositiveSolutionVanishingOnTheBoundary() {
        Tensor[] s = Darcy.sample(3, 33);
        Tensor a = s[0], u = s[1];
        boolean low = false, high = false;
        for (double v : a.re()) {
            assertTrue(v == 3 || v == 12);
            low |= v == 3;
            high |= v == 12;
        }
        assertTrue(low && high, "both phases appear");
        for (int k = 0; k < 33; k++) {
            assertEquals(0.0, u.get(0, k));
            assertEquals(0.0, u.get(32, k));
            assertEquals(0.0, u.get(k, 0));
            assertEquals(0.0, u.get(k, 32));
        }
        assertTrue(u.get(16, 16) > 0, "f = 1 > 0 pushes u up inside");
    }

    /** Each error divided by the next (the step halved) is {@code ratio} within {@code tol}. */
    static void assertOrder(double ratio, double tol, double... errors) {
        for (int k = 0; k + 1 < errors.length; k++) {
            assertEquals(ratio, errors[k] / errors[k + 1], tol, "errors " + java.util.Arrays.toString(errors));
        }
    }

    static double burgersError(int steps) {
        int n = 64;
        double nu = 0.05, t = 0.2;
        double[] u0 = new double[n];
        for (int j = 0; j < n; j++) u0[j] = Burgers.coleHopf((double) j / n, 0, nu);
        Tensor u = Burgers.solve(Tensor.of(u0, n), nu, t, steps);
        double err = 0;
        for (int j = 0; j < n; j++) err = Math.max(err, Math.abs(u.re()[j] - Burgers.coleHopf((double) j / n, t, nu)));
        return err;
    }

    @Test
    void burgersMatchesColeHopfAtFourthOrderInTime() {
        double e40 = burgersError(40);
        assertTrue(e40 < 1e-8, "error " + e40);
        assertOrder(16.0, 4.0, burgersError(10), burgersError(20), e40); // halving dt divides the error by 16
    }

    @Test
    void taylorGreenDecaysExactly() {
        double nu = 0.01, t = 0.5;
        Tensor w = NavierStokes.solve(NavierStokes.taylorGreen(32), null, nu, t, 20);
        Tensor exact = NavierStokes.taylorGreen(32).scale(Math.exp(-8 * Math.PI * Math.PI * nu * t));
        assertTrue(w.maxAbsDiff(exact) < 1e-12, "error " + w.maxAbsDiff(exact));
    }

    @Test
    void navierStokesConvergesAtFourthOrderOnARandomFlow() {
        // no closed form: self-convergence against a run with 8× smaller steps
        Tensor w0 = GaussianRandomField.sample(1, 2.5, 7.0, 7500, 32, 32);
        Tensor f = NavierStokes.taylorGreen(32).scale(0.1);
        double nu = 1e-3, t = 0.5;
        Tensor ref = NavierStokes.solve(w0, f, nu, t, 160);
        double e20 = NavierStokes.solve(w0, f, nu, t, 20).maxAbsDiff(ref), e40 = NavierStokes.solve(w0, f, nu, t, 40).maxAbsDiff(ref);
        assertTrue(w0.maxAbs() > 3 && e40 < 1e-4 * w0.maxAbs(), "field " + w0.maxAbs() + ", error " + e40);
        assertEquals(16.0, e20 / e40, 5.0, "order 4: " + e20 + " → " + e40);
    }

    @Test
    void theAdvectionTermHasTheRightSignAndSize() {
        // ψ = A sin(2πx) + B cos(4πy): ω = 4π²A sin(2πx) + 16π²B cos(4πy), and by hand
        // u·∇ω = ψ_y ω_x − ψ_x ω_y = 96π⁴AB·cos(2πx)·sin(4πy), so with ν = 0, f = 0: ω_t = −96π⁴AB cos sin
        int n = 32;
        double a = 0.01, b = 0.02, dt = 1e-7;
        Tensor w0 = Tensor.zeros(n, n), rate = Tensor.zeros(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double x = (double) i / n, y = (double) j / n;
                w0.re()[i * n + j] = 4 * Math.PI * Math.PI * a * Math.sin(2 * Math.PI * x) + 16 * Math.PI * Math.PI * b * Math.cos(4 * Math.PI * y);
                rate.re()[i * n + j] = -96 * Math.pow(Math.PI, 4) * a * b * Math.cos(2 * Math.PI * x) * Math.sin(4 * Math.PI * y);
            }
        }
        Tensor measured = NavierStokes.solve(w0, null, 0.0, dt, 1).sub(w0).scale(1 / dt);
        assertTrue(measured.maxAbsDiff(rate) < 1e-5 * rate.maxAbs(), "ω_t off by " + measured.maxAbsDiff(rate) + " of " + rate.maxAbs());
    }

    @Test
    void heatDecaysEachModeExactly() {
        int n = 32, k = 3;
        double nu = 0.01, t = 0.7;
        double[] u0 = new double[n];
        for (int j = 0; j < n; j++) u0[j] = Math.sin(2 * Math.PI * k * j / n) + 2;
        Tensor u = Heat.solve(Tensor.of(u0, n), nu, t);
        double g = Math.exp(-nu * 4 * Math.PI * Math.PI * k * k * t);
        for (int j = 0; j < n; j++) assertEquals(g * Math.sin(2 * Math.PI * k * j / n) + 2, u.re()[j], 1e-14);
        Tensor grf = GaussianRandomField.sample(5, 2, 3, 1, 16, 16);
        assertEquals(grf.maxAbsDiff(GaussianRandomField.sample(5, 2, 3, 1, 16, 16)), 0.0, "seeded");
        assertTrue(grf.maxAbs() > 0);
    }
}
