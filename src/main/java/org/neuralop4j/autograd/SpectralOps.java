package org.neuralop4j.autograd;

import org.neuralop4j.fft.Fft;
import org.neuralop4j.fft.Norm;
import org.neuralop4j.tensor.Shapes;
import org.neuralop4j.tensor.Tensor;

/**
 * Differentiable Fourier transforms. Each is linear, so its rule applies the adjoint transform,
 * which is the opposite-direction transform with the {@linkplain Norm#dual() dual} normalization.
 *
 * <p>The real transforms need one more step. {@code rfft} keeps the n/2+1 non-negative bins; the
 * adjoint of that restriction is {@code Re(Fᴴ·[g; 0])}, which equals an {@code irfft} of g with the
 * bins that stand for two frequencies (k and n−k: every bin but 0 and n/2) halved. Conversely
 * {@code irfft} reads each such bin twice (as itself and as its conjugate), so its rule is an
 * {@code rfft} with those bins doubled; the imaginary parts of bins 0 and n/2, which irfft ignores,
 * get zero gradient.
 */
public final class SpectralOps {
    private SpectralOps() {}

    /** Complex FFT along an axis. */
    public static Var fft(Var x, int axis, Norm norm) {
        return Var.make(Fft.fft(x.value(), axis, norm), "fft", g -> x.accumulate(Fft.ifft(g, axis, norm.dual())), x);
    }

    /** Inverse complex FFT along an axis. */
    public static Var ifft(Var x, int axis, Norm norm) {
        return Var.make(Fft.ifft(x.value(), axis, norm), "ifft", g -> x.accumulate(Fft.fft(g, axis, norm.dual())), x);
    }

    /** Real FFT along an axis: n real samples → n/2+1 bins. */
    public static Var rfft(Var x, int axis, Norm norm) {
        int n = x.value().dim(axis);
        return Var.make(Fft.rfft(x.value(), axis, norm), "rfft",
                g -> x.accumulate(Fft.irfft(weightBins(g, axis, n, 0.5), n, axis, norm.dual())), x);
    }

    /** Inverse real FFT along an axis to n samples (numpy's irfft). */
    public static Var irfft(Var x, int n, int axis, Norm norm) {
        int have = x.value().dim(axis);
        return Var.make(Fft.irfft(x.value(), n, axis, norm), "irfft", g -> {
            Tensor bins = weightBins(Fft.rfft(g, axis, norm.dual()), axis, n, 2.0);
            int kept = bins.dim(axis);
            bins = have <= kept ? bins.slice(axis, 0, have) : bins.pad(axis, 0, have - kept);
            x.accumulate(bins);
        }, x);
    }

    /** Complex FFT over several axes (one 1-d transform per axis). */
    public static Var fftn(Var x, int[] axes, Norm norm) {
        Var y = x;
        for (int a : axes) y = fft(y, a, norm);
        return y;
    }

    /** Inverse complex FFT over several axes. */
    public static Var ifftn(Var x, int[] axes, Norm norm) {
        Var y = x;
        for (int a : axes) y = ifft(y, a, norm);
        return y;
    }

    /** Real FFT over several axes: rfft along the last listed, fft along the others. */
    public static Var rfftn(Var x, int[] axes, Norm norm) {
        Var y = rfft(x, axes[axes.length - 1], norm);
        for (int k = axes.length - 2; k >= 0; k--) y = fft(y, axes[k], norm);
        return y;
    }

    /** Inverse of rfftn with output sizes, as numpy's irfftn (full axes cropped or padded at the end). */
    public static Var irfftn(Var x, int[] axes, int[] sizes, Norm norm) {
        if (sizes.length != axes.length) throw new IllegalArgumentException("irfftn: " + sizes.length + " sizes for " + axes.length + " axes");
        Var y = x;
        for (int k = 0; k < axes.length - 1; k++) {
            int have = y.value().dim(axes[k]);
            if (sizes[k] > have) y = Ops.pad(y, axes[k], 0, sizes[k] - have);
            else if (sizes[k] < have) y = Ops.slice(y, axes[k], 0, sizes[k]);
            y = ifft(y, axes[k], norm);
        }
        return irfft(y, sizes[axes.length - 1], axes[axes.length - 1], norm);
    }

    /**
     * The low modes of rfftn (see {@link Fft#rfftnTruncated}). Rule: the truncated inverse of g,
     * with the doubly-counted bins of the half axis halved, onto the input's grid.
     */
    public static Var rfftnTruncated(Var x, int[] axes, int[] modes, Norm norm) {
        int[] shape = x.shape();
        int[] ax = Shapes.axes(axes, shape.length, "rfftnTruncated");
        int[] sizes = new int[ax.length];
        for (int k = 0; k < ax.length; k++) sizes[k] = shape[ax[k]];
        int last = ax[ax.length - 1];
        return Var.make(Fft.rfftnTruncated(x.value(), ax, modes, norm), "rfftnTruncated",
                g -> x.accumulate(Fft.irfftnTruncated(weightBins(g, last, shape[last], 0.5), ax, sizes, norm.dual())), x);
    }

    /**
     * The truncated inverse onto any grid (see {@link Fft#irfftnTruncated}). Rule: the truncated
     * forward transform of g keeping the input's modes, with the doubly-counted bins doubled.
     */
    public static Var irfftnTruncated(Var x, int[] axes, int[] sizes, Norm norm) {
        int[] shape = x.shape();
        int[] ax = Shapes.axes(axes, shape.length, "irfftnTruncated");
        int[] modes = new int[ax.length];
        for (int k = 0; k < ax.length; k++) modes[k] = k == ax.length - 1 ? shape[ax[k]] : shape[ax[k]] / 2;
        int last = ax[ax.length - 1], n = sizes[sizes.length - 1];
        return Var.make(Fft.irfftnTruncated(x.value(), ax, sizes, norm), "irfftnTruncated",
                g -> x.accumulate(weightBins(Fft.rfftnTruncated(g, ax, modes, norm.dual()), last, n, 2.0)), x);
    }

    /**
     * g with the bins along {@code axis} that stand for two frequencies of a length-n real signal
     * (0 &lt; k and 2k ≠ n) multiplied by w.
     */
    static Tensor weightBins(Tensor g, int axis, int n, double w) {
        int bins = g.dim(axis);
        double[] weights = new double[bins];
        for (int k = 0; k < bins; k++) weights[k] = k > 0 && 2 * k != n ? w : 1.0;
        int[] shape = new int[g.rank()];
        java.util.Arrays.fill(shape, 1);
        shape[Shapes.axis(axis, g.rank(), "weightBins")] = bins;
        return g.mul(Tensor.of(weights, shape));
    }
}
