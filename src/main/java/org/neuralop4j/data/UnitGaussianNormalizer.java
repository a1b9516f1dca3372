package org.neuralop4j.data;

import org.neuralop4j.autograd.Ops;
import org.neuralop4j.autograd.Var;
import org.neuralop4j.tensor.Tensor;

/**
 * Pointwise standardization fitted on training data: at every channel and grid point, the mean
 * and standard deviation over the samples (axis 0); {@code encode(x) = (x − μ)/(σ + ε)},
 * {@code decode(z) = z·(σ + ε) + μ}.
 */
public final class UnitGaussianNormalizer {
    private final Tensor mean, scale; // scale = σ + ε; both (1, c, n…)

    private UnitGaussianNormalizer(Tensor mean, Tensor scale) {
        this.mean = mean;
        this.scale = scale;
    }

    /** Fits on data (N, c, n…); ε = 1e-5 as neuraloperator. */
    public static UnitGaussianNormalizer fit(Tensor data) {
        int n = data.dim(0);
        int[] keep = data.shape();
        keep[0] = 1;
        Tensor mean = data.mean(0).reshape(keep);
        Tensor centred = data.sub(mean);
        Tensor var = centred.mul(centred).sum(0).scale(1.0 / Math.max(1, n - 1)).reshape(keep); // unbiased, as torch.std
        Tensor scale = var.map(v -> Math.sqrt(v) + 1e-5);
        return new UnitGaussianNormalizer(mean, scale);
    }

    /**
     * Fits one mean and one standard deviation per channel, over the samples and the whole grid
     * (neuraloperator's {@code UnitGaussianNormalizer(dim=[0, 2, 3])}); the statistics have shape
     * (1, c, 1…) and so apply to data on any grid, which zero-shot super-resolution needs.
     */
    public static UnitGaussianNormalizer fitPerChannel(Tensor data) {
        int[] axes = new int[data.rank() - 1], keep = new int[data.rank()];
        java.util.Arrays.fill(keep, 1);
        keep[1] = data.dim(1);
        axes[0] = 0;
        for (int k = 2; k < data.rank(); k++) axes[k - 1] = k;
        Tensor mean = data.mean(axes).reshape(keep);
        Tensor centred = data.sub(mean);
        long count = data.size() / data.dim(1);
        Tensor var = centred.mul(centred).sum(axes).scale(1.0 / Math.max(1, count - 1)).reshape(keep);
        return new UnitGaussianNormalizer(mean, var.map(v -> Math.sqrt(v) + 1e-5));
    }

    public Tensor mean() {
        return mean.copy();
    }

    public Tensor scale() {
        return scale.copy();
    }

    public Tensor encode(Tensor x) {
        return x.sub(mean).div(scale);
    }

    public Tensor decode(Tensor z) {
        return z.mul(scale).add(mean);
    }

    /** decode inside a graph (the prediction is decoded before the loss). */
    public Var decode(Var z) {
        return Ops.add(Ops.mul(z, Var.constant(scale)), Var.constant(mean));
    }

    /** A normalizer from saved statistics (checkpoints). */
    public static UnitGaussianNormalizer of(Tensor mean, Tensor scale) {
        if (!java.util.Arrays.equals(mean.shape(), scale.shape())) throw new IllegalArgumentException("normalizer: mean and scale shapes differ");
        return new UnitGaussianNormalizer(mean.copy(), scale.copy());
    }
}
