package org.neuralop4j.pde;

import org.neuralop4j.fft.Fft;
import org.neuralop4j.fft.Norm;
import org.neuralop4j.tensor.Tensor;

/**
 * The heat equation {@code u_t = ν Δu} on the periodic unit domain, solved exactly: each Fourier
 * mode k decays as {@code û_k(t) = û_k(0)·e^{−ν(2π|k|)²t}}. The solution operator is a Fourier
 * multiplier, which a single spectral layer can represent exactly on the modes it keeps.
 */
public final class Heat {
    private Heat() {}

    /** The multiplier at integer frequency vector k (any sign). */
    public static double multiplier(double nu, double t, int... k) {
        double k2 = 0;
        for (int f : k) k2 += (double) f * f;
        return Math.exp(-nu * 4 * Math.PI * Math.PI * k2 * t);
    }

    /** u(t) from u(0), both on the same grid (all axes of u0 are spatial). */
    public static Tensor solve(Tensor u0, double nu, double t) {
        int d = u0.rank();
        int[] shape = u0.shape(), axes = new int[d];
        for (int k = 0; k < d; k++) axes[k] = k;
        int[] half = shape.clone();
        half[d - 1] = shape[d - 1] / 2 + 1;
        Tensor hat = Fft.rfftn(u0, axes, Norm.BACKWARD);
        double[] re = hat.re(), im = hat.im();
        int[] f = new int[d];
        for (int off = 0; off < re.length; off++) {
            int[] idx = org.neuralop4j.tensor.Shapes.unravel(off, half);
            for (int j = 0; j < d; j++) f[j] = j == d - 1 || idx[j] <= (shape[j] - 1) / 2 ? idx[j] : idx[j] - shape[j];
            double m = multiplier(nu, t, f);
            re[off] *= m;
            im[off] *= m;
        }
        return Fft.irfftn(hat, axes, shape, Norm.BACKWARD);
    }
}
