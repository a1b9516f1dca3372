package org.neuralop4j.pde;

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

    /** ω at time t from ω0 (n × n) with forcing f (n × n, or null), in {@code steps} equal steps ({@link Boussinesq} without temperature). */
    public static Tensor solve(Tensor w0, Tensor forcing, double nu, double t, int steps) {
        if (w0.rank() != 2 || w0.dim(1) != w0.dim(0) || steps < 1) throw new IllegalArgumentException("NavierStokes: need an n × n vorticity and steps ≥ 1");
        return Boussinesq.solve(w0, null, forcing, nu, 0, 0, t, steps)[0];
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
