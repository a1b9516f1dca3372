package org.neuralop4j.nn;

import org.neuralop4j.tensor.Tensor;

/** Seeded parameter initializations, with PyTorch's defaults. */
public final class Init {
    private Init() {}

    /**
     * PyTorch's default for linear and 1×1 convolution weights and biases:
     * {@code kaiming_uniform_(w, a=√5)}, i.e. U(−b, b) with {@code b = 1/√fanIn}; the bias uses the
     * same bound.
     */
    public static Tensor linear(long seed, int fanIn, int... shape) {
        double b = 1.0 / Math.sqrt(fanIn);
        return Tensor.uniform(seed, -b, b, shape);
    }

    /**
     * Spectral weights as in the FNO reference code (Li et al. 2021) and the neuraloperator
     * library's dense SpectralConv: complex, real and imaginary parts uniform in [0, 1), scaled by
     * {@code 1/(in·out)}.
     */
    public static Tensor spectral(long seed, int in, int out, int... modes) {
        int[] shape = new int[modes.length + 2];
        shape[0] = in;
        shape[1] = out;
        System.arraycopy(modes, 0, shape, 2, modes.length);
        double s = 1.0 / ((double) in * out);
        return Tensor.complex(Tensor.uniform(seed, 0, 1, shape), Tensor.uniform(seed + 1, 0, 1, shape)).scale(s);
    }
}
