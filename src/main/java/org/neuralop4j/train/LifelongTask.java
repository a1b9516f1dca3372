package org.neuralop4j.train;

import java.util.Locale;
import org.neuralop4j.pde.Burgers;
import org.neuralop4j.pde.GaussianRandomField;
import org.neuralop4j.pde.Heat;
import org.neuralop4j.pde.Multipliers;
import org.neuralop4j.tensor.Tensor;

/**
 * One task of a lifelong curriculum: a 1-D periodic PDE family with its difficulty knob, mapping a
 * random field u0 (α = 2, τ = 3) to a solution on the same grid, so one model can learn them all:
 * {@code heat} (viscosity ν, t = 0.5), {@code advection} (speed c, t = 0.5), {@code helmholtz}
 * (wavenumber κ of the inverse (κ² − ∂²)u = κ²f) and {@code burgers} (viscosity ν, t = 0.5).
 */
public record LifelongTask(String family, double parameter, long seed) {
    public LifelongTask {
        if (!java.util.List.of("heat", "advection", "helmholtz", "burgers").contains(family)) {
            throw new IllegalArgumentException("lifelong: unknown task family '" + family + "' (heat, advection, helmholtz, burgers)");
        }
    }

    public String name() {
        return family + "(" + String.format(Locale.ROOT, "%g", parameter).replaceAll("\\.?0+$", "") + ")";
    }

    /** The default sequence: 11 tasks, each family from easy to hard by its knob. */
    public static java.util.List<LifelongTask> all(long seed) {
        java.util.List<LifelongTask> t = new java.util.ArrayList<>();
        int i = 0;
        for (double nu : new double[] {0.02, 0.005, 0.001}) t.add(new LifelongTask("heat", nu, seed + 100 * i++));
        for (double c : new double[] {0.1, 0.3, 0.5}) t.add(new LifelongTask("advection", c, seed + 100 * i++));
        for (double k : new double[] {5, 20, 60}) t.add(new LifelongTask("helmholtz", k, seed + 100 * i++));
        for (double nu : new double[] {0.05, 0.02}) t.add(new LifelongTask("burgers", nu, seed + 100 * i++));
        return t;
    }

    /** {x, y}, (count, 1, n); sample i of a split depends only on (seed, split, i). */
    public Tensor[] generate(int count, int n, int split) {
        Tensor x = Tensor.zeros(count, 1, n), y = Tensor.zeros(count, 1, n);
        for (int i = 0; i < count; i++) {
            Tensor u0 = GaussianRandomField.sample((seed * 31 + split) * 1_000_003L + i, 2.0, 3.0, 30.0, n);
            Tensor u = switch (family) {
                case "heat" -> Heat.solve(u0, parameter, 0.5);
                case "advection" -> Multipliers.advect(u0, parameter, 0.5);
                case "helmholtz" -> Multipliers.helmholtz(u0, parameter);
                default -> Burgers.solve(u0, parameter, 0.5, 100);
            };
            System.arraycopy(u0.re(), 0, x.re(), i * n, n);
            System.arraycopy(u.re(), 0, y.re(), i * n, n);
        }
        return new Tensor[] {x, y};
    }

    /**
     * Difficulty of each sample: the number of Fourier modes (rfft bins from 0) that hold 99% of the
     * target's energy — smooth targets need few.
     */
    public static double[] difficulty(Tensor y) {
        int count = y.dim(0), n = y.size() / count;
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            Tensor hat = org.neuralop4j.fft.Fft.rfft(Tensor.of(java.util.Arrays.copyOfRange(y.re(), i * n, (i + 1) * n), n), 0,
                    org.neuralop4j.fft.Norm.BACKWARD);
            double[] e = new double[hat.size()];
            double total = 0;
            for (int k = 0; k < e.length; k++) {
                e[k] = hat.re()[k] * hat.re()[k] + hat.im()[k] * hat.im()[k];
                total += e[k];
            }
            double held = 0;
            int m = 0;
            while (m < e.length && held < 0.99 * total) held += e[m++];
            out[i] = m;
        }
        return out;
    }
}
