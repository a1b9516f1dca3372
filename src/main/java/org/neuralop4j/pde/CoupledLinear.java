package org.neuralop4j.pde;

import org.neuralop4j.fft.Fft;
import org.neuralop4j.fft.Norm;
import org.neuralop4j.tensor.Tensor;

/**
 * A small coupled linear system on the periodic unit interval, solved exactly mode by mode: two
 * variables that diffuse and rotate into each other,
 * <pre>
 *   a_t = ν a_xx + c·b,    b_t = ν b_xx − c·a.
 * </pre>
 * Each Fourier mode k evolves by e^{−ν(2πk)²t} times the rotation by angle c·t, so the solution is
 * exact at any time. Multiphysics data for CoDA-NO tests: one variable cannot be predicted without
 * the other.
 */
public final class CoupledLinear {
    private CoupledLinear() {}

    /** {a, b} at time t from {a0, b0} (each n points). */
    public static Tensor[] solve(Tensor a0, Tensor b0, double nu, double c, double t) {
        int n = a0.size();
        if (a0.rank() != 1 || !java.util.Arrays.equals(a0.shape(), b0.shape())) throw new IllegalArgumentException("CoupledLinear: a0 and b0 must be the same 1-D grid");
        Tensor ah = Fft.fft(a0.toComplex(), 0, Norm.BACKWARD), bh = Fft.fft(b0.toComplex(), 0, Norm.BACKWARD);
        Tensor decay = Tensor.zeros(n);
        for (int k = 0; k < n; k++) {
            double f = 2 * Math.PI * Spectral.freq(k, n);
            decay.re()[k] = Math.exp(-nu * f * f * t);
        }
        double cos = Math.cos(c * t), sin = Math.sin(c * t);
        Tensor a = ah.scale(cos).add(bh.scale(sin)).mul(decay), b = bh.scale(cos).sub(ah.scale(sin)).mul(decay);
        return new Tensor[] {Fft.ifft(a, 0, Norm.BACKWARD).real(), Fft.ifft(b, 0, Norm.BACKWARD).real()};
    }

    /** Pairs (count, 2, n): random fields (α = 2, τ = 3) at t = 0 ↦ the solution at t, ν = 0.01, c = 2. */
    public static Tensor[] samples(int count, int n, double t, long seed) {
        Tensor x = Tensor.zeros(count, 2, n), y = Tensor.zeros(count, 2, n);
        for (int i = 0; i < count; i++) {
            Tensor a0 = GaussianRandomField.sample(seed * 1_000_003L + 2L * i, 2, 3, 30, n), b0 = GaussianRandomField.sample(seed * 1_000_003L + 2L * i + 1, 2, 3, 30, n);
            Tensor[] s = solve(a0, b0, 0.01, 2, t);
            System.arraycopy(a0.re(), 0, x.re(), (2 * i) * n, n);
            System.arraycopy(b0.re(), 0, x.re(), (2 * i + 1) * n, n);
            System.arraycopy(s[0].re(), 0, y.re(), (2 * i) * n, n);
            System.arraycopy(s[1].re(), 0, y.re(), (2 * i + 1) * n, n);
        }
        return new Tensor[] {x, y};
    }
}
