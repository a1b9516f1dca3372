package org.neuralop4j.nn;

import java.util.Arrays;
import org.neuralop4j.autograd.Ops;
import org.neuralop4j.autograd.SpectralOps;
import org.neuralop4j.autograd.Var;
import org.neuralop4j.fft.Norm;
import org.neuralop4j.linalg.Tucker;
import org.neuralop4j.tensor.Tensor;

/**
 * The spectral convolution of the Fourier Neural Operator (Li et al., ICLR 2021, eq. 4–5):
 * {@code (K x)(t) = F⁻¹(R · F x)(t) + b}, where R mixes channels separately at each kept Fourier
 * mode. For input (batch, in, n_1, …, n_d):
 * <ol>
 * <li>{@code rfftnTruncated} over the d spatial axes keeps, per axis, the lowest modes;
 * <li>{@code contractModes} multiplies by the complex weights (in, out, modes…):
 *     {@code y[b,o,k] = Σ_i x̂[b,i,k]·R[i,o,k]};
 * <li>{@code irfftnTruncated} returns to a grid of any size (the input's by default, a finer one
 *     for super-resolution), and a real bias (out, 1, …, 1) is added.
 * </ol>
 * {@code nModes} counts modes as neuraloperator does: on each full axis nModes/2 non-negative and
 * nModes/2 negative frequencies (weight dimension nModes), on the last axis nModes/2 + 1 bins. On a
 * grid too coarse for them, the modes it cannot hold are left out (the weights are sliced). The
 * transforms use norm "forward" (1/N on the forward transform), so a weight means the same at any
 * resolution.
 */
public final class SpectralConv extends Module {
    private final int in, out;
    private final int[] nModes;
    private int[] active; // the modes in use (IFNO), at most nModes
    private final Var weight, bias; // weight: null when factorized
    private final Var core;
    private final Var[] factors;
    private static final Norm NORM = Norm.FORWARD;

    /** Dense weights. */
    public SpectralConv(int in, int out, int[] nModes, long seed) {
        this(in, out, nModes, 0, seed);
    }

    /**
     * Dense weights ({@code tuckerRank} = 0), or weights stored as a Tucker factorization
     * {@code W = G ×₁ U₁ ×₂ U₂ ⋯} (Kolda and Bader 2009; the TFNO of Kossaifi et al., "Multi-Grid
     * Tensorized Fourier Neural Operator", TMLR 2024) with ranks from {@link Tucker#ranksFromRatio}:
     * parameters {@code weight.core} and {@code weight.factors.k}, initialized as the HOSVD of the
     * dense initialization. The forward pass rebuilds W and runs as the dense layer.
     */
    public SpectralConv(int in, int out, int[] nModes, double tuckerRank, long seed) {
        if (in < 1 || out < 1 || nModes.length < 1) throw new IllegalArgumentException("SpectralConv: bad sizes " + in + ", " + out + ", " + Arrays.toString(nModes));
        for (int m : nModes) {
            if (m < 2 || m % 2 != 0) throw new IllegalArgumentException("SpectralConv: modes must be even and at least 2, got " + Arrays.toString(nModes));
        }
        this.in = in;
        this.out = out;
        this.nModes = nModes.clone();
        this.active = nModes.clone();
        Tensor dense = Init.spectral(seed, in, out, weightModes(nModes));
        if (tuckerRank > 0) {
            Tucker t = Tucker.hosvd(dense, Tucker.ranksFromRatio(dense.shape(), tuckerRank));
            weight = null;
            core = addParameter("weight.core", t.core());
            Tensor[] u = t.factors();
            factors = new Var[u.length];
            for (int k = 0; k < u.length; k++) factors[k] = addParameter("weight.factors." + k, u[k]);
        } else {
            weight = addParameter("weight", dense);
            core = null;
            factors = null;
        }
        int[] b = new int[nModes.length + 1];
        Arrays.fill(b, 1);
        b[0] = out;
        bias = addParameter("bias", Init.linear(seed + 7, in, b));
    }

    /** The weight's mode dimensions: nModes on full axes, nModes/2 + 1 on the last. */
    static int[] weightModes(int[] nModes) {
        int[] w = nModes.clone();
        w[w.length - 1] = nModes[nModes.length - 1] / 2 + 1;
        return w;
    }

    public int[] nModes() {
        return nModes.clone();
    }

    /** The modes in use: nModes unless {@link #setActiveModes} lowered them. */
    public int[] activeModes() {
        return active.clone();
    }

    /**
     * Uses only the lowest {@code k} modes per axis (counted as nModes is; even, 2 ≤ k ≤ nModes):
     * the weights are sliced, not reallocated, so the modes left out keep their values (the IFNO of
     * Zhao et al., arXiv 2211.15188).
     */
    public void setActiveModes(int[] k) {
        if (k.length != nModes.length) throw new IllegalArgumentException("SpectralConv: " + k.length + " active modes for " + nModes.length + " axes");
        for (int j = 0; j < k.length; j++) {
            if (k[j] < 2 || k[j] % 2 != 0 || k[j] > nModes[j]) {
                throw new IllegalArgumentException("SpectralConv: active modes " + Arrays.toString(k) + " must be even, ≥ 2 and ≤ " + Arrays.toString(nModes));
            }
        }
        active = k.clone();
    }

    /**
     * The floating-point operations of {@link #forward(Var)} with dense weights on input
     * (batch, in, grid…), by the formulas of {@link org.neuralop4j.tensor.Flops}: the forward
     * truncated transform (the last axis on every line, then each other axis, last to first, on the
     * lines that hold kept modes), the mode contraction (8·batch·in·out per kept mode), the inverse
     * truncated transform (first axis to the last but one on the lines that hold modes, then the
     * last axis on every line), and the bias (1 per output element).
     */
    public long flops(int batch, int[] grid) {
        int d = nModes.length, last = d - 1;
        int[] kept = keptModes(grid, grid);
        long count = 0, lines = (long) batch * in;
        for (int j = 0; j < last; j++) lines *= grid[j];
        count += lines * org.neuralop4j.tensor.Flops.realFftLine(grid[last]);
        for (int k = last - 1; k >= 0; k--) {
            long l = (long) batch * in;
            for (int j = 0; j < d; j++) if (j != k) l *= j < k ? grid[j] : kept[j];
            count += l * org.neuralop4j.tensor.Flops.fftLine(grid[k]);
        }
        long modes = 1;
        for (int m : kept) modes *= m;
        count += 8L * batch * in * out * modes;
        for (int k = 0; k < last; k++) {
            long l = (long) batch * out;
            for (int j = 0; j < d; j++) if (j != k) l *= j < k ? grid[j] : kept[j];
            count += l * org.neuralop4j.tensor.Flops.fftLine(grid[k]);
        }
        long outLines = (long) batch * out, points = 1;
        for (int j = 0; j < last; j++) outLines *= grid[j];
        for (int g : grid) points *= g;
        count += outLines * org.neuralop4j.tensor.Flops.realFftLine(grid[last]);
        return count + (long) batch * out * points;
    }

    /** Entries kept per axis on this input and output grid: 2·m on full axes, m bins on the last. */
    private int[] keptModes(int[] inGrid, int[] outGrid) {
        int d = nModes.length;
        int[] kept = new int[d];
        for (int k = 0; k < d; k++) {
            int n = Math.min(inGrid[k], outGrid[k]);
            kept[k] = k < d - 1 ? 2 * Math.min(active[k] / 2, n / 2) : Math.min(active[k] / 2 + 1, n / 2 + 1);
        }
        return kept;
    }

    /** The dense weight (in, out, modes…): the parameter itself, or the factorization rebuilt (differentiably). */
    public Var weight() {
        if (weight != null) return weight;
        Var w = core;
        for (int k = 0; k < factors.length; k++) w = Ops.modeProduct(w, factors[k], k);
        return w;
    }

    /** x (batch, in, n…) → (batch, out, n…) on the same grid. */
    public Var forward(Var x) {
        int[] s = x.shape();
        return forward(x, Arrays.copyOfRange(s, 2, s.length));
    }

    /** x (batch, in, n…) → (batch, out, outSizes…). */
    public Var forward(Var x, int[] outSizes) {
        Var w = weight();
        int[] s = x.shape();
        int d = nModes.length;
        if (s.length != d + 2 || s[1] != in || outSizes.length != d) {
            throw new IllegalArgumentException("SpectralConv: input " + Arrays.toString(s) + " and output grid " + Arrays.toString(outSizes)
                    + " do not fit (batch, " + in + ", " + d + " spatial axes)");
        }
        int[] axes = new int[d], modes = keptModes(Arrays.copyOfRange(s, 2, s.length), outSizes);
        Var wk = w;
        for (int k = 0; k < d; k++) {
            axes[k] = k + 2;
            if (k < d - 1) {
                modes[k] /= 2; // frequencies of each sign
                if (modes[k] < nModes[k] / 2) wk = keepLow(wk, k + 2, modes[k]);
            } else if (modes[k] < nModes[k] / 2 + 1) {
                wk = Ops.slice(wk, k + 2, 0, modes[k]);
            }
            if (modes[k] < 1) throw new IllegalArgumentException("SpectralConv: grid " + Arrays.toString(s) + " holds no modes on axis " + (k + 2));
        }
        Var spec = SpectralOps.rfftnTruncated(x, axes, modes, NORM);
        Var mixed = Ops.contractModes(spec, wk);
        return Ops.add(SpectralOps.irfftnTruncated(mixed, axes, outSizes, NORM), bias);
    }

    /** The first m and the last m entries of a block of 2M along an axis (frequencies 0..m−1 and −m..−1). */
    private static Var keepLow(Var w, int axis, int m) {
        int n = w.value().dim(axis);
        return Ops.concat(axis, Ops.slice(w, axis, 0, m), Ops.slice(w, axis, n - m, n));
    }
}
