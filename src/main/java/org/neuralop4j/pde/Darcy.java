package org.neuralop4j.pde;

import org.neuralop4j.tensor.Tensor;

/**
 * Darcy flow {@code −∇·(a∇u) = f} on the unit square with u = 0 on the boundary, on an n × n grid
 * of nodes {@code (i/(n−1), j/(n−1))}. Five-point finite differences with the coefficient at cell
 * faces taken as the mean of the two nodes it joins; the symmetric positive definite system over
 * the interior nodes is solved by conjugate gradients (Hestenes and Stiefel 1952), matrix-free.
 * Second-order accurate for smooth a (tested against a manufactured solution).
 */
public final class Darcy {
    private Darcy() {}

    /** u for coefficient a and right-hand side f, both n × n nodal values (boundary values of f unused). */
    public static Tensor solve(Tensor a, Tensor f, double tol) {
        int n = a.dim(0);
        if (a.rank() != 2 || a.dim(1) != n || !java.util.Arrays.equals(a.shape(), f.shape()) || n < 3) {
            throw new IllegalArgumentException("Darcy: a and f must be the same n × n grid with n ≥ 3");
        }
        double[] av = a.re();
        for (double v : av) if (!(v > 0)) throw new IllegalArgumentException("Darcy: the coefficient must be positive, got " + v);
        int m = n - 2; // interior unknowns per axis
        double h2 = 1.0 / ((n - 1.0) * (n - 1.0));
        double[] b = new double[m * m];
        for (int i = 0; i < m; i++) for (int j = 0; j < m; j++) b[i * m + j] = f.re()[(i + 1) * n + (j + 1)] * h2;
        double[] u = new double[m * m], r = b.clone(), p = b.clone(), ap = new double[m * m];
        double rr = dot(r, r), stop = tol * tol * Math.max(rr, Double.MIN_NORMAL);
        for (int it = 0; it < 20 * m * m && rr > stop; it++) {
            apply(av, n, p, ap);
            double alpha = rr / dot(p, ap);
            for (int k = 0; k < u.length; k++) {
                u[k] += alpha * p[k];
                r[k] -= alpha * ap[k];
            }
            double next = dot(r, r);
            double beta = next / rr;
            rr = next;
            for (int k = 0; k < p.length; k++) p[k] = r[k] + beta * p[k];
        }
        Tensor out = Tensor.zeros(n, n);
        for (int i = 0; i < m; i++) System.arraycopy(u, i * m, out.re(), (i + 1) * n + 1, m);
        return out;
    }

    /** y = A·x over the interior (h² times the operator; boundary values are zero). */
    private static void apply(double[] a, int n, double[] x, double[] y) {
        int m = n - 2;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                int gi = i + 1, gj = j + 1, c = gi * n + gj;
                double ac = a[c];
                double aN = 0.5 * (ac + a[c - n]), aS = 0.5 * (ac + a[c + n]), aW = 0.5 * (ac + a[c - 1]), aE = 0.5 * (ac + a[c + 1]);
                double xc = x[i * m + j];
                double xn = i > 0 ? x[(i - 1) * m + j] : 0, xs = i < m - 1 ? x[(i + 1) * m + j] : 0;
                double xw = j > 0 ? x[i * m + j - 1] : 0, xe = j < m - 1 ? x[i * m + j + 1] : 0;
                y[i * m + j] = (aN + aS + aW + aE) * xc - aN * xn - aS * xs - aW * xw - aE * xe;
            }
        }
    }

    private static double dot(double[] x, double[] y) {
        double s = 0;
        for (int k = 0; k < x.length; k++) s += x[k] * y[k];
        return s;
    }

    /**
     * A Darcy sample as in Li et al. (2021): the coefficient is 12 where a Gaussian random field
     * (α = 2, τ = 3) is non-negative and 3 elsewhere, f = 1. Returns {a, u}.
     */
    public static Tensor[] sample(long seed, int n) {
        Tensor field = GaussianRandomField.sample(seed, 2.0, 3.0, 1.0, n, n);
        Tensor a = field.map(v -> v >= 0 ? 12.0 : 3.0);
        return new Tensor[] {a, solve(a, Tensor.ones(n, n), 1e-10)};
    }
}
