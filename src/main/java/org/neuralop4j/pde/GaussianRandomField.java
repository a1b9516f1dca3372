package org.neuralop4j.pde;

import org.neuralop4j.fft.Fft;
import org.neuralop4j.fft.Norm;
import org.neuralop4j.tensor.Tensor;

/**
 * Gaussian random fields on the periodic unit domain with covariance
 * {@code σ²·(−Δ + τ²)^{−α}} (the data of Li et al. 2021 uses α = 2, τ = 3), sampled spectrally:
 * white noise is transformed, each mode scaled by {@code σ·(4π²|k|² + τ²)^{−α/2}}, and transformed
 * back, so the field's spectrum decays like |k|^{−α}. The constant mode is set to zero, so every
 * field has mean zero, as in the data generation of Li et al. (2021): a vorticity on the torus must
 * have mean zero, and a Darcy coefficient thresholded at 0 would otherwise often be one constant
 * (with τ = 3 the mean carries more variance than any other mode).
 */
public final class GaussianRandomField {
    private GaussianRandomField() {}

    /** One field on the grid {@code shape} (any number of axes), from the given seed. */
    public static Tensor sample(long seed, double alpha, double tau, double sigma, int... shape) {
        if (!(alpha > 0) || !(tau >= 0) || shape.length < 1) throw new IllegalArgumentException("GRF: α > 0, τ ≥ 0 and a grid are needed");
        int d = shape.length;
        int[] axes = new int[d];
        for (int k = 0; k < d; k++) axes[k] = k;
        Tensor noise = Tensor.randn(seed, shape);
        Tensor hat = Fft.fftn(noise, axes, Norm.ORTHO);
        double[] re = hat.re(), im = hat.im();
        for (int off = 0; off < re.length; off++) {
            int[] idx = org.neuralop4j.tensor.Shapes.unravel(off, shape);
            double k2 = 0;
            for (int j = 0; j < d; j++) {
                int n = shape[j], f = idx[j] <= (n - 1) / 2 ? idx[j] : idx[j] - n;
                k2 += (double) f * f;
            }
            double a = sigma * Math.pow(4 * Math.PI * Math.PI * k2 + tau * tau, -alpha / 2);
            if (k2 == 0) a = 0; // mean zero
            re[off] *= a;
            im[off] *= a;
        }
        return Fft.ifftn(hat, axes, Norm.ORTHO).real();
    }
}
