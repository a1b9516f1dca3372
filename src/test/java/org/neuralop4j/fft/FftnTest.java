package org.neuralop4j.fft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuralop4j.fft.FftTest.relErr;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.neuralop4j.props.Gen;
import org.neuralop4j.props.Props;
import org.neuralop4j.tensor.Tensor;

/** Multi-dimensional and mode-truncated transforms. */
class FftnTest {
    static final double TOL = 1e-12;

    /** A tensor of rank 1..4 with small dimensions, and a random non-empty subset of its axes. */
    record Case(Tensor x, int[] axes) {}

    static Gen<Case> cases(boolean complex, int maxDim) {
        return (r, size) -> {
            Tensor x = Gen.tensors(Gen.shapes(1, 4, maxDim), complex).next(r, size);
            return new Case(x, randomAxes(r, x.rank()));
        };
    }

    static int[] randomAxes(SplittableRandom r, int rank) {
        int mask;
        do {
            mask = r.nextInt(1 << rank);
        } while (mask == 0);
        int[] a = new int[Integer.bitCount(mask)];
        for (int d = 0, k = 0; d < rank; d++) if ((mask & (1 << d)) != 0) a[k++] = d;
        if (r.nextBoolean()) { // any order, and negative axes, are allowed
            for (int i = 0; i < a.length; i++) a[i] -= rank;
        }
        return a;
    }

    @Test
    void fftnMatchesTheNaiveMultiDimensionalDft() {
        Props.forAll("fftn over all axes = naive n-d DFT", 40, Gen.tensors(Gen.shapes(1, 3, 9), true), x -> {
            int[] all = new int[x.rank()];
            for (int i = 0; i < all.length; i++) all[i] = i;
            assertTrue(relErr(Fft.fftn(x, all, Norm.BACKWARD), Naive.dftAll(x, false)) <= TOL);
            assertTrue(relErr(Fft.rfftn(x.real(), all, Norm.BACKWARD),
                    Naive.dftAll(x.real(), false).slice(-1, 0, x.dim(-1) / 2 + 1)) <= TOL);
        });
    }

    @Test
    void fftAlongAnAxisTransformsEachLineOfThatAxis() {
        Props.forAll("fft along axis a = 1-d fft of every line along a", cases(true, 12), c -> {
            Tensor x = c.x();
            int a = Math.floorMod(c.axes()[0], x.rank());
            Tensor y = Fft.fft(x, a, Norm.BACKWARD);
            // move the axis last, transform contiguous lines with the raw transform, move it back
            Tensor moved = x.transpose(a, -1);
            int n = x.dim(a);
            double[] re = moved.re().clone(), im = moved.im().clone();
            for (int off = 0; off < re.length; off += n) {
                double[] lr = java.util.Arrays.copyOfRange(re, off, off + n), li = java.util.Arrays.copyOfRange(im, off, off + n);
                double[][] f = Naive.dft(lr, li, false);
                System.arraycopy(f[0], 0, re, off, n);
                System.arraycopy(f[1], 0, im, off, n);
            }
            Tensor expected = Tensor.ofComplex(re, im, moved.shape()).transpose(a, -1);
            assertTrue(relErr(y, expected) <= TOL);
        });
    }

    @Test
    void inverseTransformsRoundTrip() {
        Props.forAll("ifftn(fftn(x)) = x and irfftn(rfftn(x)) = x", cases(false, 10), c -> {
            Tensor x = c.x();
            int[] ax = c.axes();
            assertTrue(relErr(Fft.ifftn(Fft.fftn(x, ax, Norm.ORTHO), ax, Norm.ORTHO), x) <= TOL);
            int[] sizes = new int[ax.length];
            for (int k = 0; k < ax.length; k++) sizes[k] = x.dim(ax[k]);
            Tensor back = Fft.irfftn(Fft.rfftn(x, ax, Norm.BACKWARD), ax, sizes, Norm.BACKWARD);
            assertTrue(relErr(back, x) <= TOL);
        });
    }

    @Test
    void rfftnIsTheHalfSpectrumOfFftn() {
        Props.forAll("rfftn(x) = fftn(x) sliced on the last axis", cases(false, 10), c -> {
            Tensor x = c.x();
            int[] ax = c.axes();
            int last = ax[ax.length - 1];
            Tensor full = Fft.fftn(x, ax, Norm.BACKWARD).slice(last, 0, x.dim(last) / 2 + 1);
            assertTrue(relErr(Fft.rfftn(x, ax, Norm.BACKWARD), full) <= TOL);
        });
    }

    /** A case for the truncated pair: the tensor, axes, modes per axis, and output sizes. */
    record Truncated(Tensor x, int[] axes, int[] modes, int[] sizes) {}

    static Gen<Truncated> truncatedCases() {
        return (r, size) -> {
            Case c = cases(false, 12).next(r, size);
            int[] ax = c.axes();
            int[] modes = new int[ax.length], sizes = new int[ax.length];
            for (int k = 0; k < ax.length; k++) {
                int n = c.x().dim(ax[k]);
                boolean half = k == ax.length - 1;
                int maxModes = half ? n / 2 + 1 : n / 2;
                if (maxModes < 1) return truncatedCases().next(r, size); // an axis of length 1 cannot keep ± modes
                modes[k] = 1 + r.nextInt(maxModes);
                // output at least big enough to hold the modes, up to twice the input
                int least = half ? Math.max(1, 2 * modes[k] - 2) : 2 * modes[k];
                sizes[k] = least + r.nextInt(2 * n);
            }
            return new Truncated(c.x(), ax, modes, sizes);
        };
    }

    /** The full spectrum restricted to the kept modes, written as slices. */
    static Tensor keepModes(Tensor full, int[] axes, int[] modes) {
        Tensor y = full;
        for (int k = 0; k < axes.length; k++) {
            int n = y.dim(axes[k]), m = modes[k];
            if (k == axes.length - 1) {
                y = y.slice(axes[k], 0, m);
            } else {
                y = Tensor.concat(axes[k], y.slice(axes[k], 0, m), y.slice(axes[k], n - m, n));
            }
        }
        return y;
    }

    @Test
    void truncatedForwardEqualsFullTransformThenSlicing() {
        Props.forAll("rfftnTruncated = rfftn then keep the low modes", truncatedCases(), c -> {
            Tensor full = Fft.rfftn(c.x(), c.axes(), Norm.BACKWARD);
            Tensor expected = keepModes(full, c.axes(), c.modes());
            assertTrue(relErr(Fft.rfftnTruncated(c.x(), c.axes(), c.modes(), Norm.BACKWARD), expected) <= TOL);
        });
    }

    @Test
    void truncatedInverseEqualsZeroPaddingThenFullInverse() {
        Props.forAll("irfftnTruncated = zero-pad the spectrum then irfftn", truncatedCases(), c -> {
            Tensor modes = Fft.rfftnTruncated(c.x(), c.axes(), c.modes(), Norm.ORTHO);
            int[] ax = c.axes();
            // pad: full axes get zeros in the middle, the half axis zeros at the end
            Tensor padded = modes;
            for (int k = 0; k < ax.length; k++) {
                int m = c.modes()[k];
                if (k == ax.length - 1) {
                    padded = padded.pad(ax[k], 0, c.sizes()[k] / 2 + 1 - m);
                } else {
                    int gap = c.sizes()[k] - 2 * m;
                    padded = Tensor.concat(ax[k], padded.slice(ax[k], 0, m).pad(ax[k], 0, gap), padded.slice(ax[k], m, 2 * m));
                }
            }
            Tensor expected = Fft.irfftn(padded, ax, c.sizes(), Norm.ORTHO);
            Tensor got = Fft.irfftnTruncated(modes, ax, c.sizes(), Norm.ORTHO);
            assertArrayEquals(expected.shape(), got.shape());
            assertTrue(relErr(got, expected) <= TOL, "relative error " + relErr(got, expected));
        });
    }

    @Test
    void truncationAtTheSameSizeRecoversABandLimitedSignal() {
        // a signal whose frequencies all lie among the kept modes survives the round trip exactly.
        // (Built with one mode fewer on the full axis: the kept block 0..m−1, −m..−1 is not symmetric,
        // and on the zero column of the half axis a real signal's −m mode brings its +m partner.)
        Tensor x = Tensor.randn(3, 16, 12);
        int[] ax = {0, 1}, modes = {3, 4};
        Tensor band = Fft.irfftnTruncated(Fft.rfftnTruncated(x, ax, new int[] {2, 4}, Norm.BACKWARD), ax, new int[] {16, 12}, Norm.BACKWARD);
        Tensor again = Fft.irfftnTruncated(Fft.rfftnTruncated(band, ax, modes, Norm.BACKWARD), ax, new int[] {16, 12}, Norm.BACKWARD);
        assertTrue(relErr(again, band) <= TOL);
        assertTrue(relErr(band, x) > 0.1, "the truncation removed something");
    }

    @Test
    void truncatedTransformsRefuseModesThatDoNotFit() {
        Tensor x = Tensor.zeros(8, 8);
        assertThrows(IllegalArgumentException.class, () -> Fft.rfftnTruncated(x, new int[] {0, 1}, new int[] {5, 2}, Norm.BACKWARD));
        assertThrows(IllegalArgumentException.class, () -> Fft.rfftnTruncated(x, new int[] {0, 1}, new int[] {2, 6}, Norm.BACKWARD));
        assertThrows(IllegalArgumentException.class, () -> Fft.rfftnTruncated(x, new int[] {0, 1}, new int[] {2}, Norm.BACKWARD));
        Tensor m = Tensor.zerosComplex(6, 3);
        assertThrows(IllegalArgumentException.class, () -> Fft.irfftnTruncated(m, new int[] {0, 1}, new int[] {4, 8}, Norm.BACKWARD));
        assertThrows(IllegalArgumentException.class, () -> Fft.irfftnTruncated(m, new int[] {0, 1}, new int[] {8, 3}, Norm.BACKWARD));
    }
}
