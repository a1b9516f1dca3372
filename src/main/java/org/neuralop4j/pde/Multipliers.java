package org.neuralop4j.pde;

import java.util.function.IntFunction;
import org.neuralop4j.fft.Fft;
import org.neuralop4j.fft.Norm;
import org.neuralop4j.tensor.Tensor;

/**
 * Linear periodic 1-D operators that act on each Fourier mode by a multiplier, solved exactly:
 * advection {@code u_t + c·u_x = 0} (u(x, t) = u0(x − ct), multiplier e^{−2πikct}) and the
 * Helmholtz-type inverse {@code (κ² − ∂²_x)u = κ²f} (multiplier κ²/(κ² + 4π²k²): a smoothing that
 * keeps more modes as κ grows).
 */
public final class Multipliers {
    private Multipliers() {}

    public static Tensor advect(Tensor u0, double c, double t) {
        return apply(u0, k -> new double[] {Math.cos(2 * Math.PI * k * c * t), -Math.sin(2 * Math.PI * k * c * t)});
    }

    public static Tensor helmholtz(Tensor f, double kappa) {
        return apply(f, k -> new double[] {kappa * kappa / (kappa * kappa + 4 * Math.PI * Math.PI * k * k), 0});
    }

    /** û_k ← m(k)·û_k on the rfft bins of a 1-D real signal (k ≥ 0; the negative half follows by symmetry). */
    private static Tensor apply(Tensor u, IntFunction<double[]> m) {
        if (u.rank() != 1) throw new IllegalArgumentException("multiplier: needs a 1-D signal, got rank " + u.rank());
        int n = u.size();
        Tensor hat = Fft.rfft(u, 0, Norm.BACKWARD);
        double[] re = hat.re(), im = hat.im();
        for (int k = 0; k < re.length; k++) {
            double[] z = m.apply(k);
            double r = re[k] * z[0] - im[k] * z[1], i = re[k] * z[1] + im[k] * z[0];
            re[k] = r;
            im[k] = i;
        }
        return Fft.irfft(hat, n, 0, Norm.BACKWARD);
    }
}
