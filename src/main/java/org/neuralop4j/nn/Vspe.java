package org.neuralop4j.nn;

import java.util.Arrays;
import org.neuralop4j.autograd.SpectralOps;
import org.neuralop4j.autograd.Var;
import org.neuralop4j.fft.Norm;
import org.neuralop4j.tensor.Tensor;

/**
 * A variable-specific positional encoding (CoDA-NO, Rahman et al., NeurIPS 2024, §3): a learnable
 * function of position with a few channels, stored as complex Fourier coefficients (channels,
 * modes…) so that it can be sampled on any grid. Each physical variable has its own; a new
 * variable needs only a new one.
 */
public final class Vspe extends Module {
    private final int channels;
    private final int[] nModes;
    private final Var weight;

    /** {@code nModes} counted as {@link SpectralConv} counts them (even, per axis). */
    public Vspe(int channels, int[] nModes, long seed) {
        for (int m : nModes) if (m < 2 || m % 2 != 0) throw new IllegalArgumentException("Vspe: modes must be even and ≥ 2, got " + Arrays.toString(nModes));
        this.channels = channels;
        this.nModes = nModes.clone();
        int[] shape = new int[nModes.length + 2];
        shape[0] = 1;
        shape[1] = channels;
        int[] w = SpectralConv.weightModes(nModes);
        System.arraycopy(w, 0, shape, 2, w.length);
        weight = addParameter("weight", Tensor.randnComplex(seed, shape).scale(0.5));
    }

    public int channels() {
        return channels;
    }

    /** The encoding sampled on a grid: (1, channels, grid…). */
    public Var sample(int[] grid) {
        if (grid.length != nModes.length) throw new IllegalArgumentException("Vspe: a " + grid.length + "-D grid for a " + nModes.length + "-D encoding");
        int[] axes = new int[grid.length];
        for (int k = 0; k < grid.length; k++) {
            axes[k] = k + 2;
            if (grid[k] < nModes[k]) throw new IllegalArgumentException("Vspe: grid " + Arrays.toString(grid) + " is too coarse for modes " + Arrays.toString(nModes));
        }
        return SpectralOps.irfftnTruncated(weight, axes, grid, Norm.FORWARD);
    }
}
