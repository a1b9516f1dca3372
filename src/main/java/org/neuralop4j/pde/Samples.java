package org.neuralop4j.pde;

import java.util.function.IntConsumer;
import org.neuralop4j.tensor.Tensor;

/**
 * Data sets made by the library's own solvers: {x, y} with x (count, 1, grid…) the inputs and y
 * (count, 1, grid…) the solutions. Sample i depends only on (seed, i), so a set can be regenerated
 * or extended; {@code progress} (may be null) hears the number of samples done after each one.
 */
public final class Samples {
    private Samples() {}

    /** Darcy flow: coefficient a ↦ solution u on an n × n grid (Li et al. 2021, §5.2). */
    public static Tensor[] darcy(int count, int n, long seed, IntConsumer progress) {
        return make(count, new int[] {n, n}, progress, i -> Darcy.sample(seed * 1_000_003L + i, n));
    }

    /** Burgers: u(·, 0) ↦ u(·, t), initial conditions from a random field (α = 2.5, τ = 7), ν given. */
    public static Tensor[] burgers(int count, int n, double nu, double t, int steps, long seed, IntConsumer progress) {
        return make(count, new int[] {n}, progress, i -> {
            Tensor u0 = GaussianRandomField.sample(seed * 1_000_003L + i, 2.5, 7.0, 625.0, n);
            return new Tensor[] {u0, Burgers.solve(u0, nu, t, steps)};
        });
    }

    /** Heat: u(·, 0) ↦ u(·, t), exact, initial conditions from a random field (α = 2, τ = 3). */
    public static Tensor[] heat(int count, int n, double nu, double t, long seed, IntConsumer progress) {
        return make(count, new int[] {n}, progress, i -> {
            Tensor u0 = GaussianRandomField.sample(seed * 1_000_003L + i, 2.0, 3.0, 30.0, n);
            return new Tensor[] {u0, Heat.solve(u0, nu, t)};
        });
    }

    /**
     * Navier–Stokes: ω(·, 0) ↦ ω(·, t) with the forcing of Li et al. (2021),
     * f = 0.1·(sin 2π(x + y) + cos 2π(x + y)), initial vorticity from a random field (α = 2.5, τ = 7).
     */
    public static Tensor[] navierStokes(int count, int n, double nu, double t, int steps, long seed, IntConsumer progress) {
        Tensor f = forcing(n);
        return make(count, new int[] {n, n}, progress, i -> {
            Tensor w0 = GaussianRandomField.sample(seed * 1_000_003L + i, 2.5, 7.0, 7500.0, n, n);
            return new Tensor[] {w0, NavierStokes.solve(w0, f, nu, t, steps)};
        });
    }

    /**
     * Multiphysics one-step-ahead pairs for CoDA-NO: the variables (u, v, ω) of a forced
     * Navier–Stokes flow, or with {@code temperature} (u, v, ω, θ) of a Boussinesq flow (g = 1,
     * κ = ν), at t = 0 ↦ at t = dt. x and y are (count, variables, n, n); ω0 and θ0 are random
     * fields (α = 2.5, τ = 7), ν = 1e-3, the forcing of {@link #navierStokes}.
     */
    public static Tensor[] flowFields(int count, int n, boolean temperature, double dt, int steps, long seed, IntConsumer progress) {
        if (count < 1) throw new IllegalArgumentException("samples: count must be ≥ 1, got " + count);
        Tensor f = forcing(n);
        int vars = temperature ? 4 : 3, size = n * n;
        Tensor x = Tensor.zeros(count, vars, n, n), y = Tensor.zeros(count, vars, n, n);
        for (int i = 0; i < count; i++) {
            Tensor w0 = GaussianRandomField.sample(seed * 1_000_003L + i, 2.5, 7.0, 7500.0, n, n);
            Tensor th0 = temperature ? GaussianRandomField.sample(~(seed * 1_000_003L + i), 2.5, 7.0, 3000.0, n, n) : Tensor.zeros(n, n);
            Tensor[] end = Boussinesq.solve(w0, th0, f, 1e-3, 1e-3, temperature ? 1.0 : 0.0, dt, steps);
            Tensor[] uv0 = Boussinesq.velocity(w0), uv1 = Boussinesq.velocity(end[0]);
            Tensor[] a = temperature ? new Tensor[] {uv0[0], uv0[1], w0, th0} : new Tensor[] {uv0[0], uv0[1], w0};
            Tensor[] b = temperature ? new Tensor[] {uv1[0], uv1[1], end[0], end[1]} : new Tensor[] {uv1[0], uv1[1], end[0]};
            for (int v = 0; v < vars; v++) {
                System.arraycopy(a[v].re(), 0, x.re(), (i * vars + v) * size, size);
                System.arraycopy(b[v].re(), 0, y.re(), (i * vars + v) * size, size);
            }
            if (progress != null) progress.accept(i + 1);
        }
        return new Tensor[] {x, y};
    }

    private static Tensor forcing(int n) {
        Tensor f = Tensor.zeros(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 2 * Math.PI * (i + j) / (double) n;
                f.re()[i * n + j] = 0.1 * (Math.sin(s) + Math.cos(s));
            }
        }
        return f;
    }

    private interface Pair {
        Tensor[] make(int i);
    }

    private static Tensor[] make(int count, int[] grid, IntConsumer progress, Pair one) {
        if (count < 1) throw new IllegalArgumentException("samples: count must be ≥ 1, got " + count);
        int[] shape = new int[grid.length + 2];
        shape[0] = count;
        shape[1] = 1;
        System.arraycopy(grid, 0, shape, 2, grid.length);
        Tensor x = Tensor.zeros(shape), y = Tensor.zeros(shape);
        int size = x.size() / count;
        for (int i = 0; i < count; i++) {
            Tensor[] p = one.make(i);
            System.arraycopy(p[0].re(), 0, x.re(), i * size, size);
            System.arraycopy(p[1].re(), 0, y.re(), i * size, size);
            if (progress != null) progress.accept(i + 1);
        }
        return new Tensor[] {x, y};
    }
}
