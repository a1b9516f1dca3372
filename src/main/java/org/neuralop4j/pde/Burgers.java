package org.neuralop4j.pde;

import org.neuralop4j.fft.Fft;
import org.neuralop4j.tensor.Tensor;

/**
 * Viscous Burgers {@code u_t + (u²/2)_x = ν u_xx} on the periodic unit interval, pseudo-spectral:
 * the nonlinear term is formed on the grid and dealiased by the 2/3 rule, the diffusion is
 * integrated exactly by an integrating factor, and time advances by fourth-order Runge–Kutta
 * (the IF-RK4 scheme, e.g. Trefethen, "Spectral Methods in MATLAB", 2000, ch. 10; Kassam and
 * Trefethen 2005).
 */
public final class Burgers {
    private Burgers() {}

    /** u at time t from u0 (n points), with {@code steps} equal time steps. */
    public static Tensor solve(Tensor u0, double nu, double t, int steps) {
        int n = u0.size();
        if (u0.rank() != 1 || steps < 1) throw new IllegalArgumentException("Burgers: need a 1-d initial condition and steps ≥ 1");
        double dt = t / steps;
        double[] k = new double[n], e = new double[n], e2 = new double[n];
        for (int j = 0; j < n; j++) {
            k[j] = 2 * Math.PI * Spectral.freq(j, n);
            e[j] = Math.exp(-nu * k[j] * k[j] * dt);
            e2[j] = Math.exp(-nu * k[j] * k[j] * dt / 2);
        }
        double[] vr = u0.re().clone(), vi = new double[n];
        Fft.transform(vr, vi, false);
        double[][] a = new double[2][n], b = new double[2][n], c = new double[2][n], d = new double[2][n], tmp = new double[2][n];
        for (int s = 0; s < steps; s++) {
            nonlinear(vr, vi, k, dt, a);
            for (int j = 0; j < n; j++) {
                tmp[0][j] = e2[j] * (vr[j] + a[0][j] / 2);
                tmp[1][j] = e2[j] * (vi[j] + a[1][j] / 2);
            }
            nonlinear(tmp[0], tmp[1], k, dt, b);
            for (int j = 0; j < n; j++) {
                tmp[0][j] = e2[j] * vr[j] + b[0][j] / 2;
                tmp[1][j] = e2[j] * vi[j] + b[1][j] / 2;
            }
            nonlinear(tmp[0], tmp[1], k, dt, c);
            for (int j = 0; j < n; j++) {
                tmp[0][j] = e[j] * vr[j] + e2[j] * c[0][j];
                tmp[1][j] = e[j] * vi[j] + e2[j] * c[1][j];
            }
            nonlinear(tmp[0], tmp[1], k, dt, d);
            for (int j = 0; j < n; j++) {
                vr[j] = e[j] * vr[j] + (e[j] * a[0][j] + 2 * e2[j] * (b[0][j] + c[0][j]) + d[0][j]) / 6;
                vi[j] = e[j] * vi[j] + (e[j] * a[1][j] + 2 * e2[j] * (b[1][j] + c[1][j]) + d[1][j]) / 6;
            }
        }
        Fft.transform(vr, vi, true);
        for (int j = 0; j < n; j++) vr[j] /= n;
        return Tensor.of(vr, n);
    }

    /** out = dt·(−i k/2)·F(u²), u = F⁻¹(v), dealiased. */
    private static void nonlinear(double[] vr, double[] vi, double[] k, double dt, double[][] out) {
        int n = vr.length;
        double[] ur = vr.clone(), ui = vi.clone();
        Fft.transform(ur, ui, true);
        for (int j = 0; j < n; j++) {
            double u = ur[j] / n;
            ur[j] = u * u;
            ui[j] = 0;
        }
        Fft.transform(ur, ui, false);
        for (int j = 0; j < n; j++) {
            boolean keep = Spectral.kept(j, n);
            double f = keep ? -0.5 * k[j] * dt : 0; // (−i k/2)·(x + iy) = (k y/2) − i (k x/2)
            out[0][j] = -f * ui[j];
            out[1][j] = f * ur[j];
        }
    }

    /**
     * The exact solution from φ(x, 0) = 2 + cos(2πx) by the Cole–Hopf transform
     * (u = −2ν φ_x/φ with φ solving the heat equation):
     * {@code u = 4πν·g·sin(2πx)/(2 + g·cos(2πx))}, {@code g = e^{−4π²νt}}.
     */
    public static double coleHopf(double x, double t, double nu) {
        double g = Math.exp(-4 * Math.PI * Math.PI * nu * t);
        return 4 * Math.PI * nu * g * Math.sin(2 * Math.PI * x) / (2 + g * Math.cos(2 * Math.PI * x));
    }
}
