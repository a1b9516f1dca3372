package org.neuralop4j.pde;

import org.neuralop4j.fft.Fft;
import org.neuralop4j.fft.Norm;
import org.neuralop4j.tensor.Tensor;

/**
 * Two-dimensional Boussinesq flow on the periodic unit square: the incompressible Navier–Stokes
 * flow of {@link NavierStokes} carrying a temperature θ that feeds back through buoyancy (gravity
 * along −y):
 * <pre>
 *   ω_t + u·∇ω = ν Δω + f + g·θ_x
 *   θ_t + u·∇θ = κ Δθ,          u = (ψ_y, −ψ_x),  −Δψ = ω
 * </pre>
 * Pseudo-spectral with 2/3 dealiasing, both diffusions integrated exactly (IF-RK4), as
 * {@link NavierStokes}, which is this solver without a temperature.
 */
public final class Boussinesq {
    private Boussinesq() {}

    /**
     * {ω, θ} at time t from {ω0, θ0} (n × n each), forcing f (or null), in {@code steps} equal steps.
     * With θ0 null there is no temperature (Navier–Stokes alone) and θ is returned as null.
     */
    public static Tensor[] solve(Tensor w0, Tensor theta0, Tensor forcing, double nu, double kappa, double gravity, double t, int steps) {
        int n = w0.dim(0);
        if (w0.rank() != 2 || w0.dim(1) != n || (theta0 != null && !java.util.Arrays.equals(w0.shape(), theta0.shape())) || steps < 1) {
            throw new IllegalArgumentException("Boussinesq: need n × n vorticity and temperature and steps ≥ 1");
        }
        double dt = t / steps;
        int[] axes = {0, 1};
        Tensor w = Fft.fftn(w0, axes, Norm.BACKWARD), th = theta0 == null ? null : Fft.fftn(theta0, axes, Norm.BACKWARD);
        Tensor fHat = forcing == null ? null : Fft.fftn(forcing, axes, Norm.BACKWARD);
        Tensor kx = Tensor.zeros(n, n), ky = Tensor.zeros(n, n), ew = Tensor.zeros(n, n), ew2 = Tensor.zeros(n, n);
        Tensor et = Tensor.zeros(n, n), et2 = Tensor.zeros(n, n), mask = Tensor.zeros(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double a = 2 * Math.PI * Spectral.freq(i, n), b = 2 * Math.PI * Spectral.freq(j, n), k2 = a * a + b * b;
                int o = i * n + j;
                kx.re()[o] = a;
                ky.re()[o] = b;
                ew.re()[o] = Math.exp(-nu * k2 * dt);
                ew2.re()[o] = Math.exp(-nu * k2 * dt / 2);
                et.re()[o] = Math.exp(-kappa * k2 * dt);
                et2.re()[o] = Math.exp(-kappa * k2 * dt / 2);
                mask.re()[o] = Spectral.kept(i, n) && Spectral.kept(j, n) ? 1 : 0;
            }
        }
        Tensor i = Tensor.complex(Tensor.zeros(1), Tensor.ones(1));
        Tensor ikx = i.mul(kx), iky = i.mul(ky), k2 = kx.mul(kx).add(ky.mul(ky)).map(v -> v == 0 ? Double.POSITIVE_INFINITY : v);
        for (int s = 0; s < steps; s++) {
            Tensor[] a = rhs(w, th, ikx, iky, k2, mask, fHat, gravity, dt);
            Tensor[] b = rhs(ew2.mul(w.add(a[0].scale(0.5))), th == null ? null : et2.mul(th.add(a[1].scale(0.5))), ikx, iky, k2, mask, fHat, gravity, dt);
            Tensor[] c = rhs(ew2.mul(w).add(b[0].scale(0.5)), th == null ? null : et2.mul(th).add(b[1].scale(0.5)), ikx, iky, k2, mask, fHat, gravity, dt);
            Tensor[] d = rhs(ew.mul(w).add(ew2.mul(c[0])), th == null ? null : et.mul(th).add(et2.mul(c[1])), ikx, iky, k2, mask, fHat, gravity, dt);
            w = ew.mul(w).add(ew.mul(a[0]).add(ew2.mul(b[0].add(c[0])).scale(2)).add(d[0]).scale(1.0 / 6));
            if (th != null) th = et.mul(th).add(et.mul(a[1]).add(et2.mul(b[1].add(c[1])).scale(2)).add(d[1]).scale(1.0 / 6));
        }
        return new Tensor[] {grid(w), th == null ? null : grid(th)};
    }

    /** dt·{−u·∇ω + f + g·θ_x, −u·∇θ} in Fourier space, the products dealiased. */
    private static Tensor[] rhs(Tensor w, Tensor th, Tensor ikx, Tensor iky, Tensor k2, Tensor mask, Tensor fHat, double g, double dt) {
        int[] axes = {0, 1};
        Tensor psi = w.div(k2);
        Tensor u = grid(iky.mul(psi)), v = grid(ikx.mul(psi).neg());
        Tensor advW = Fft.fftn(u.mul(grid(ikx.mul(w))).add(v.mul(grid(iky.mul(w)))), axes, Norm.BACKWARD).mul(mask);
        Tensor rw = advW.neg();
        if (th != null && g != 0) rw = rw.add(ikx.mul(th).scale(g));
        if (fHat != null) rw = rw.add(fHat);
        if (th == null) return new Tensor[] {rw.scale(dt), null};
        Tensor advT = Fft.fftn(u.mul(grid(ikx.mul(th))).add(v.mul(grid(iky.mul(th)))), axes, Norm.BACKWARD).mul(mask);
        return new Tensor[] {rw.scale(dt), advT.neg().scale(dt)};
    }

    /** The velocity (u, v) = (ψ_y, −ψ_x) of a vorticity field ω (n × n), −Δψ = ω. */
    public static Tensor[] velocity(Tensor w0) {
        int n = w0.dim(0);
        Tensor w = Fft.fftn(w0, new int[] {0, 1}, Norm.BACKWARD);
        Tensor kx = Tensor.zeros(n, n), ky = Tensor.zeros(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                kx.re()[i * n + j] = 2 * Math.PI * Spectral.freq(i, n);
                ky.re()[i * n + j] = 2 * Math.PI * Spectral.freq(j, n);
            }
        }
        Tensor i = Tensor.complex(Tensor.zeros(1), Tensor.ones(1));
        Tensor psi = w.div(kx.mul(kx).add(ky.mul(ky)).map(v -> v == 0 ? Double.POSITIVE_INFINITY : v));
        return new Tensor[] {grid(i.mul(ky).mul(psi)), grid(i.mul(kx).mul(psi).neg())};
    }

    private static Tensor grid(Tensor hat) {
        return Fft.ifftn(hat, new int[] {0, 1}, Norm.BACKWARD).real();
    }
}
