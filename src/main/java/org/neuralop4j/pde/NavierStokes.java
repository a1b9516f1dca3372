package org.neuralop4j.pde;

import org.neuralop4j.fft.Fft;
import org.neuralop4j.fft.Norm;
import org.neuralop4j.tensor.Tensor;

/**
 * Two-dimensional incompressible Navier–Stokes in vorticity form on the periodic unit square:
 * {@code ω_t + u·∇ω = ν Δω + f}, {@code u = (ψ_y, −ψ_x)}, {@code −Δψ = ω} (the setting of Li et al.
 * 2021, §5.3). Pseudo-spectral: derivatives in Fourier space, products on the grid with the 2/3
 * dealiasing rule, the diffusion integrated exactly by an integrating factor, fourth-order
 * Runge–Kutta in time (IF-RK4, as {@link Burgers}).
 */
public final class NavierStokes {
    private NavierStokes() {}

    /** ω at time t from ω0 (n × n) with forcing f (n × n, or null), in {@code steps} equal steps. */
    public static Tensor solve(Tensor w0, Tensor forcing, double nu, double t, int steps) {
        int n = w0.dim(0);
        if (w0.rank() != 2 || w0.dim(1) != n || steps < 1) throw new IllegalArgumentException("NavierStokes: need an n × n vorticity and steps ≥ 1");
        double dt = t / steps;
        int[] axes = {0, 1};
        Tensor w = Fft.fftn(w0, axes, Norm.BACKWARD);
        Tensor fHat = forcing == null ? null : Fft.fftn(forcing, axes, Norm.BACKWARD);
        Tensor kx = Tensor.zeros(n, n), ky = Tensor.zeros(n, n), e = Tensor.zeros(n, n), e2 = Tensor.zeros(n, n), mask = Tensor.zeros(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double a = 2 * Math.PI * Spectral.freq(i, n), b = 2 * Math.PI * Spectral.freq(j, n), k2 = a * a + b * b;
                int o = i * n + j;
                kx.re()[o] = a;
                ky.re()[o] = b;
                e.re()[o] = Math.exp(-nu * k2 * dt);
                e2.re()[o] = Math.exp(-nu * k2 * dt / 2);
                mask.re()[o] = Spectral.kept(i, n) && Spectral.kept(j, n) ? 1 : 0;
            }
        }
        Rhs rhs = new Rhs(kx, ky, mask, fHat, dt);
        for (int s = 0; s < steps; s++) {
            Tensor a = rhs.of(w);
            Tensor b = rhs.of(e2.mul(w.add(a.scale(0.5))));
            Tensor c = rhs.of(e2.mul(w).add(b.scale(0.5)));
            Tensor d = rhs.of(e.mul(w).add(e2.mul(c)));
            w = e.mul(w).add(e.mul(a).add(e2.mul(b.add(c)).scale(2)).add(d).scale(1.0 / 6));
        }
        return Fft.ifftn(w, axes, Norm.BACKWARD).real();
    }

    /** dt·(−u·∇ω + f) in Fourier space, dealiased. */
    private record Rhs(Tensor kx, Tensor ky, Tensor mask, Tensor fHat, double dt) {
        Tensor of(Tensor w) {
            int[] axes = {0, 1};
            Tensor k2 = kx.mul(kx).add(ky.mul(ky));
            Tensor psi = w.div(k2.map(v -> v == 0 ? Double.POSITIVE_INFINITY : v)); // ψ̂ = ω̂/|k|², zero mean
            Tensor i = Tensor.complex(Tensor.zeros(1), Tensor.ones(1));
            Tensor u = grid(i.mul(ky).mul(psi)), v = grid(i.mul(kx).mul(psi).neg());
            Tensor wx = grid(i.mul(kx).mul(w)), wy = grid(i.mul(ky).mul(w));
            Tensor adv = Fft.fftn(u.mul(wx).add(v.mul(wy)), axes, Norm.BACKWARD).mul(mask);
            Tensor r = adv.neg();
            if (fHat != null) r = r.add(fHat);
            return r.scale(dt);
        }

        private static Tensor grid(Tensor hat) {
            return Fft.ifftn(hat, new int[] {0, 1}, Norm.BACKWARD).real();
        }
    }

    /**
     * The Taylor–Green vortex: ψ = sin(2πx)·sin(2πy)/(8π²), ω = sin(2πx)·sin(2πy), whose advection
     * vanishes (ω is a function of ψ), so without forcing ω(t) = ω(0)·e^{−8π²νt}.
     */
    public static Tensor taylorGreen(int n) {
        Tensor w = Tensor.zeros(n, n);
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) w.re()[i * n + j] = Math.sin(2 * Math.PI * i / n) * Math.sin(2 * Math.PI * j / n);
        return w;
    }
}
