package org.neuralop4j.fft;

import java.util.Arrays;
import org.neuralop4j.tensor.Flops;
import org.neuralop4j.tensor.Shapes;
import org.neuralop4j.tensor.Tensor;

/**
 * Discrete Fourier transforms of tensors, with numpy's conventions: {@code fft} computes
 * {@code X[k] = Σ_j x[j]·e^{−2πi·jk/n}}, {@code ifft} the inverse with the plus sign, and {@link Norm}
 * chooses where the 1/n goes ({@link Norm#BACKWARD}, on the inverse, by default). {@code rfft} of
 * n real samples keeps the n/2+1 bins of non-negative frequency; {@code irfft(X, n)} inverts it.
 * Multi-dimensional transforms apply the 1-d transform along each axis in turn; {@code rfftn}
 * takes the real transform along the last listed axis.
 *
 * <p>Lengths: radix-2 for powers of two, Bluestein's algorithm for every other length; plans are
 * cached per length. No input is modified.
 *
 * <p>The mode-truncated pair {@link #rfftnTruncated} / {@link #irfftnTruncated} serves spectral
 * layers: it keeps, on each full axis, the m lowest non-negative and the m lowest negative
 * frequencies (in numpy's order: {@code 0, 1, …, m−1, −m, …, −1}, a block of 2m) and, on the last
 * (half) axis, the first m bins. It transforms the axes in an order that skips the work whose
 * outputs would be discarded (forward) or whose inputs are zero (inverse).
 */
public final class Fft {
    private Fft() {}

    // ---------------------------------------------------------------- raw arrays

    /**
     * Unnormalized in-place complex DFT of {@code re[0..n)}, {@code im[0..n)} (n = re.length):
     * forward with the minus sign, or inverse with the plus sign (no 1/n).
     */
    public static void transform(double[] re, double[] im, boolean inverse) {
        if (re.length != im.length) {
            throw new IllegalArgumentException("transform: real and imaginary parts have lengths " + re.length + " and " + im.length);
        }
        Plan p = Plan.of(re.length);
        p.transform(re, im, inverse, p.newWork());
    }

    // ---------------------------------------------------------------- 1-d along an axis

    /** Complex FFT along the last axis, norm "backward". */
    public static Tensor fft(Tensor x) {
        return fft(x, -1, Norm.BACKWARD);
    }

    /** Complex FFT along {@code axis}. */
    public static Tensor fft(Tensor x, int axis, Norm norm) {
        return complexAlong(x, axis, x.dim(axis), false, norm, 0, 0);
    }

    /** Inverse complex FFT along the last axis, norm "backward". */
    public static Tensor ifft(Tensor x) {
        return ifft(x, -1, Norm.BACKWARD);
    }

    /** Inverse complex FFT along {@code axis}. */
    public static Tensor ifft(Tensor x, int axis, Norm norm) {
        return complexAlong(x, axis, x.dim(axis), true, norm, 0, 0);
    }

    /** Real FFT along the last axis: n real samples → n/2+1 complex bins. */
    public static Tensor rfft(Tensor x) {
        return rfft(x, -1, Norm.BACKWARD);
    }

    /** Real FFT along {@code axis}: n real samples → n/2+1 complex bins. */
    public static Tensor rfft(Tensor x, int axis, Norm norm) {
        return realForward(x, axis, x.dim(axis) / 2 + 1, norm);
    }

    /** Inverse real FFT along the last axis to n samples. */
    public static Tensor irfft(Tensor x, int n) {
        return irfft(x, n, -1, Norm.BACKWARD);
    }

    /**
     * Inverse real FFT along {@code axis} to n real samples. As numpy: the first n/2+1 bins are
     * used, missing bins are zero, and the imaginary parts of the zero and (even n) Nyquist bins are
     * ignored.
     */
    public static Tensor irfft(Tensor x, int n, int axis, Norm norm) {
        if (n < 1) throw new IllegalArgumentException("irfft: output length must be at least 1, got " + n);
        RealPlan plan = RealPlan.of(n);
        int bins = n / 2 + 1, have = x.dim(axis);
        double f = norm.factor(n, true);
        return Lines.map(x, axis, n, true, Flops.realFftLine(n), plan::newWork, (re, im, work) -> {
            if (have < bins) { // missing bins are zero
                Arrays.fill(re, have, bins, 0.0);
                Arrays.fill(im, have, bins, 0.0);
            }
            plan.inverse(re, im, re, (RealPlan.Work) work);
            scale(re, n, f);
        });
    }

    // ---------------------------------------------------------------- n-d

    /** Complex FFT over the given axes. */
    public static Tensor fftn(Tensor x, int[] axes, Norm norm) {
        Tensor y = x;
        for (int a : Shapes.axes(axes, x.rank(), "fftn")) y = fft(y, a, norm);
        return y.isComplex() ? y : y.toComplex();
    }

    /** Inverse complex FFT over the given axes. */
    public static Tensor ifftn(Tensor x, int[] axes, Norm norm) {
        Tensor y = x;
        for (int a : Shapes.axes(axes, x.rank(), "ifftn")) y = ifft(y, a, norm);
        return y.isComplex() ? y : y.toComplex();
    }

    /** Real FFT over the given axes: the real transform along the last of them, complex along the rest. */
    public static Tensor rfftn(Tensor x, int[] axes, Norm norm) {
        int[] ax = nonEmpty(Shapes.axes(axes, x.rank(), "rfftn"), "rfftn");
        Tensor y = rfft(x, ax[ax.length - 1], norm);
        for (int k = ax.length - 2; k >= 0; k--) y = fft(y, ax[k], norm);
        return y;
    }

    /**
     * Inverse of {@link #rfftn}, with output sizes {@code sizes} (one per axis), as numpy's
     * {@code irfftn(x, s, axes)}: along full axes the input is cropped or zero-padded at the end to
     * the size given; along the last axis the output has {@code sizes[last]} samples.
     */
    public static Tensor irfftn(Tensor x, int[] axes, int[] sizes, Norm norm) {
        int[] ax = nonEmpty(Shapes.axes(axes, x.rank(), "irfftn"), "irfftn");
        requireSizes(ax, sizes, "irfftn");
        Tensor y = x;
        for (int k = 0; k < ax.length - 1; k++) {
            y = complexAlong(y, ax[k], sizes[k], true, norm, 0, 0);
        }
        return irfft(y, sizes[ax.length - 1], ax[ax.length - 1], norm);
    }

    // ---------------------------------------------------------------- mode-truncated

    /**
     * The low modes of {@code rfftn(x, axes)}: along the last listed axis the first
     * {@code modes[last]} bins (at most n/2+1), along every other listed axis frequencies
     * {@code 0..m−1} followed by {@code −m..−1} (m = modes[k], 2m ≤ n). Equal to the full transform
     * sliced, but the full axes are transformed only on the lines that are kept.
     */
    public static Tensor rfftnTruncated(Tensor x, int[] axes, int[] modes, Norm norm) {
        int[] ax = nonEmpty(Shapes.axes(axes, x.rank(), "rfftnTruncated"), "rfftnTruncated");
        requireSizes(ax, modes, "rfftnTruncated");
        int last = ax.length - 1;
        int nLast = x.dim(ax[last]);
        if (modes[last] < 1 || modes[last] > nLast / 2 + 1) {
            throw new IllegalArgumentException("rfftnTruncated: " + modes[last] + " modes on the half axis " + ax[last]
                    + " of shape " + Shapes.str(x.shape()) + "; at most " + (nLast / 2 + 1));
        }
        Tensor y = realForward(x, ax[last], modes[last], norm);
        for (int k = last - 1; k >= 0; k--) {
            int n = x.dim(ax[k]);
            if (modes[k] < 1 || 2 * modes[k] > n) {
                throw new IllegalArgumentException("rfftnTruncated: " + modes[k] + " modes on axis " + ax[k]
                        + " of shape " + Shapes.str(x.shape()) + "; need 1 ≤ 2·modes ≤ " + n);
            }
            y = complexAlong(y, ax[k], n, false, norm, 0, modes[k]);
        }
        return y;
    }

    /**
     * The inverse of {@link #rfftnTruncated} onto a grid of any size: the kept modes are placed in
     * a zero spectrum of sizes {@code sizes} (full axes: the first half of the block at the start,
     * the second half at the end; the half axis: the first bins), then inverted. Equal to
     * zero-padding the spectrum and calling {@link #irfftn}, but the full axes are transformed only
     * on the lines that hold non-zero modes. Normalization uses the output sizes.
     */
    public static Tensor irfftnTruncated(Tensor x, int[] axes, int[] sizes, Norm norm) {
        int[] ax = nonEmpty(Shapes.axes(axes, x.rank(), "irfftnTruncated"), "irfftnTruncated");
        requireSizes(ax, sizes, "irfftnTruncated");
        int last = ax.length - 1;
        Tensor y = x;
        for (int k = 0; k < last; k++) {
            int block = x.dim(ax[k]);
            if (block % 2 != 0 || block > sizes[k]) {
                throw new IllegalArgumentException("irfftnTruncated: axis " + ax[k] + " of shape " + Shapes.str(x.shape())
                        + " must hold an even number of modes, at most the output size " + sizes[k]);
            }
            y = complexAlong(y, ax[k], sizes[k], true, norm, block / 2, 0);
        }
        int bins = x.dim(ax[last]);
        if (bins > sizes[last] / 2 + 1) {
            throw new IllegalArgumentException("irfftnTruncated: " + bins + " bins on the half axis " + ax[last]
                    + " exceed " + (sizes[last] / 2 + 1) + " for output size " + sizes[last]);
        }
        return irfft(y, sizes[last], ax[last], norm);
    }

    // ---------------------------------------------------------------- kernels

    /**
     * A complex transform of length n along an axis. Input placement: if {@code inSplit} is 0 the
     * input line fills positions from 0 (cropped or zero-padded to n); otherwise the input holds
     * 2·inSplit values, the first half placed at the start and the second at the end. Output: all n
     * values if {@code outSplit} is 0, else the first and last {@code outSplit}.
     */
    private static Tensor complexAlong(Tensor x, int axis, int n, boolean inverse, Norm norm, int inSplit, int outSplit) {
        if (n < 1) throw new IllegalArgumentException("fft: transform length must be at least 1, got " + n);
        Plan plan = Plan.of(n);
        int have = x.dim(axis);
        int nOut = outSplit == 0 ? n : 2 * outSplit;
        double f = norm.factor(n, inverse);
        return Lines.map(x, axis, nOut, false, Flops.fftLine(n), plan::newWork, (re, im, work) -> {
            if (inSplit == 0) {
                if (have < n) { // numpy's n > length: zero-pad at the end
                    Arrays.fill(re, have, n, 0.0);
                    Arrays.fill(im, have, n, 0.0);
                }
            } else { // 2m values: the last m move to the end, zeros between
                spread(re, inSplit, n);
                spread(im, inSplit, n);
            }
            plan.transform(re, im, inverse, (double[][]) work);
            if (outSplit > 0) { // keep the first and the last m
                System.arraycopy(re, n - outSplit, re, outSplit, outSplit);
                System.arraycopy(im, n - outSplit, im, outSplit, outSplit);
            }
            scale(re, nOut, f);
            scale(im, nOut, f);
        });
    }

    /** The real transform along an axis, keeping the first {@code keep} bins. */
    private static Tensor realForward(Tensor x, int axis, int keep, Norm norm) {
        if (x.isComplex()) throw new IllegalArgumentException("rfft: needs a real tensor, got complex " + Shapes.str(x.shape()));
        int n = x.dim(axis);
        RealPlan plan = RealPlan.of(n);
        double f = norm.factor(n, false);
        return Lines.map(x, axis, keep, false, Flops.realFftLine(n), plan::newWork, (re, im, work) -> {
            plan.forward(re, re, im, (RealPlan.Work) work);
            scale(re, keep, f);
            scale(im, keep, f);
        });
    }

    /** a[0..2m) holds the block 0..m−1, −m..−1: move its second half to a[n−m..n) and zero between. */
    private static void spread(double[] a, int m, int n) {
        System.arraycopy(a, m, a, n - m, m);
        Arrays.fill(a, m, n - m, 0.0);
    }

    private static void scale(double[] a, int n, double f) {
        if (f == 1.0) return;
        for (int i = 0; i < n; i++) a[i] *= f;
    }

    private static int[] nonEmpty(int[] axes, String op) {
        if (axes.length == 0) throw new IllegalArgumentException(op + ": needs at least one axis");
        return axes;
    }

    private static void requireSizes(int[] axes, int[] sizes, String op) {
        if (sizes.length != axes.length) {
            throw new IllegalArgumentException(op + ": " + sizes.length + " sizes for " + axes.length + " axes");
        }
    }
}
