package org.neuralop4j.nn;

import java.util.Arrays;
import org.neuralop4j.autograd.Ops;
import org.neuralop4j.autograd.Pointwise;
import org.neuralop4j.autograd.Var;
import org.neuralop4j.tensor.Tensor;

/**
 * The Fourier Neural Operator (Li et al., "Fourier Neural Operator for Parametric Partial
 * Differential Equations", ICLR 2021), read as its diagram:
 * <pre>
 *   a(x) ─ embedding ─ lifting P ─ [ block ]×L ─ projection Q ─ u(x)
 *   block:  v ← σ( SpectralConv(v) + skip(v) )
 *           v ← σ( ChannelMLP(v) + softgate(v_in) )     (if channelMlp; σ omitted after the last block)
 * </pre>
 * Input (batch, in, n_1…n_d) on a regular grid of any resolution; output (batch, out, n_1…n_d).
 * The blocks follow neuraloperator's FNOBlocks (post-activation); names follow its state dict:
 * {@code lifting.fcs.0.weight}, {@code fno_blocks.convs.0.weight}, {@code fno_blocks.fno_skips.0.weight},
 * {@code fno_blocks.channel_mlp.0.fcs.0.weight}, {@code fno_blocks.channel_mlp_skips.0.weight},
 * {@code projection.fcs.0.weight}. With {@link FnoConfig#withTucker} it is the TFNO: the spectral
 * weights are stored as Tucker factorizations ({@code fno_blocks.convs.0.weight.core},
 * {@code fno_blocks.convs.0.weight.factors.0}, …).
 */
public final class FNO extends Module {
    private final FnoConfig config;
    private final ChannelMLP lifting, projection;
    private final SpectralConv[] convs;
    private final Skip[] skips, mlpSkips;
    private final ChannelMLP[] mlps;

    public FNO(FnoConfig c) {
        config = c;
        int d = c.nModes().length, h = c.hiddenChannels();
        int liftIn = c.inChannels() + (c.positionalEmbedding() ? d : 0);
        lifting = addModule("lifting", c.liftingChannels() > 0
                ? new ChannelMLP(liftIn, h, c.liftingChannels(), 2, c.seed())
                : new ChannelMLP(liftIn, h, h, 1, c.seed()));
        convs = new SpectralConv[c.nLayers()];
        skips = new Skip[c.nLayers()];
        mlps = new ChannelMLP[c.channelMlp() ? c.nLayers() : 0];
        mlpSkips = new Skip[mlps.length];
        Module blocks = addModule("fno_blocks", new Module() {});
        for (int i = 0; i < c.nLayers(); i++) {
            long s = c.seed() + 1000L * (i + 1);
            convs[i] = blocks.addModule("convs." + i, new SpectralConv(h, h, c.nModes(), c.tuckerRank(), s));
            skips[i] = blocks.addModule("fno_skips." + i, new Skip(c.skip(), h, d, s + 100));
        }
        for (int i = 0; i < mlps.length; i++) {
            long s = c.seed() + 1000L * (i + 1) + 500;
            mlps[i] = blocks.addModule("channel_mlp." + i,
                    new ChannelMLP(h, h, Math.max(1, (int) Math.round(h * c.channelMlpExpansion())), 2, s));
            mlpSkips[i] = blocks.addModule("channel_mlp_skips." + i, new Skip(Skip.Kind.SOFT_GATING, h, d, s + 100));
        }
        projection = addModule("projection", c.projectionChannels() > 0
                ? new ChannelMLP(h, c.outChannels(), c.projectionChannels(), 2, c.seed() + 99)
                : new ChannelMLP(h, c.outChannels(), h, 1, c.seed() + 99));
    }

    public FnoConfig config() {
        return config;
    }

    /** The spectral layers (for inspection: their weights are the learned Fourier multipliers). */
    public SpectralConv[] convs() {
        return convs.clone();
    }

    /** The modes every spectral layer uses (IFNO: at most {@code config().nModes()}). */
    public int[] activeModes() {
        return convs[0].activeModes();
    }

    /** Makes every spectral layer use only the lowest k modes per axis (see {@link SpectralConv#setActiveModes}). */
    public void setActiveModes(int[] k) {
        for (SpectralConv c : convs) c.setActiveModes(k);
    }

    /** x (batch, in, n_1…n_d) → (batch, out, n_1…n_d). */
    public Var forward(Var x) {
        int[] s = x.shape();
        int d = config.nModes().length;
        if (s.length != d + 2 || s[1] != config.inChannels()) {
            throw new IllegalArgumentException("FNO: input " + Arrays.toString(s) + " is not (batch, " + config.inChannels()
                    + ", " + d + " spatial axes)");
        }
        Var v = x;
        if (config.positionalEmbedding()) v = Ops.concat(1, v, Var.constant(grid(s)));
        v = lifting.forward(v);
        int[] pad = new int[d];
        for (int k = 0; k < d; k++) {
            pad[k] = (int) Math.round(config.domainPadding() * s[k + 2]);
            if (pad[k] > 0) v = Ops.pad(v, k + 2, 0, pad[k]);
        }
        for (int i = 0; i < convs.length; i++) v = block(i, v);
        for (int k = 0; k < d; k++) if (pad[k] > 0) v = Ops.slice(v, k + 2, 0, s[k + 2]);
        return projection.forward(v);
    }

    /** One FNO block (post-activation, as neuraloperator's FNOBlocks). */
    private Var block(int i, Var v) {
        boolean last = i == convs.length - 1;
        Var mlpSkip = mlps.length > 0 ? mlpSkips[i].forward(v) : null;
        Var y = Ops.add(spectral(i, v), skips[i].forward(v));
        if (!last) y = Pointwise.gelu(y);
        if (mlps.length > 0) {
            y = Ops.add(mlps[i].forward(y), mlpSkip);
            if (!last) y = Pointwise.gelu(y);
        }
        return y;
    }

    private Var spectral(int i, Var v) {
        return convs[i].forward(v);
    }

    /** Grid coordinates k/n in [0, 1) per spatial axis, as channels: (batch, d, n_1…n_d). */
    static Tensor grid(int[] s) {
        int d = s.length - 2;
        int[] shape = s.clone();
        shape[1] = d;
        Tensor g = Tensor.zeros(shape);
        double[] out = g.re();
        int spatial = 1;
        for (int k = 2; k < s.length; k++) spatial *= s[k];
        for (int b = 0; b < s[0]; b++) {
            for (int c = 0; c < d; c++) {
                int inner = 1;
                for (int k = c + 3; k < s.length; k++) inner *= s[k];
                int n = s[c + 2];
                for (int p = 0; p < spatial; p++) out[(b * d + c) * spatial + p] = (double) ((p / inner) % n) / n;
            }
        }
        return g;
    }
}
