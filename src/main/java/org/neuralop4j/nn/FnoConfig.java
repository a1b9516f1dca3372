package org.neuralop4j.nn;

import java.util.Arrays;

/**
 * The settings of an {@link FNO}, with neuraloperator's names. Start from
 * {@link #of(int[], int, int, int)} and change what differs with the {@code with…} methods.
 *
 * @param nModes            modes per spatial axis (even; see {@link SpectralConv})
 * @param inChannels        input channels (before the positional embedding is appended)
 * @param outChannels       output channels
 * @param hiddenChannels    width of the FNO blocks
 * @param nLayers           number of FNO blocks
 * @param liftingChannels   hidden width of the lifting ChannelMLP (0: a single linear map)
 * @param projectionChannels hidden width of the projection ChannelMLP (0: a single linear map)
 * @param positionalEmbedding append the grid coordinates in [0, 1) as channels
 * @param skip              the skip beside each spectral convolution
 * @param channelMlp        a ChannelMLP (with a soft-gating skip) after each spectral convolution
 * @param channelMlpExpansion its hidden width as a fraction of hiddenChannels
 * @param domainPadding     zero padding appended to each spatial axis, as a fraction of its size
 *                          (for non-periodic problems); removed before the projection
 * @param seed              seed of every initialization
 * @param tuckerRank        0 for dense spectral weights; otherwise the weights are stored as Tucker
 *                          factorizations holding about this fraction of the dense entries (TFNO)
 */
public record FnoConfig(int[] nModes, int inChannels, int outChannels, int hiddenChannels, int nLayers,
                        int liftingChannels, int projectionChannels, boolean positionalEmbedding, Skip.Kind skip,
                        boolean channelMlp, double channelMlpExpansion, double domainPadding, long seed, double tuckerRank) {
    public FnoConfig {
        nModes = nModes.clone();
        if (nModes.length < 1 || inChannels < 1 || outChannels < 1 || hiddenChannels < 1 || nLayers < 1
                || liftingChannels < 0 || projectionChannels < 0 || channelMlpExpansion <= 0 || domainPadding < 0 || tuckerRank < 0) {
            throw new IllegalArgumentException("FnoConfig: invalid settings " + Arrays.toString(nModes) + ", in " + inChannels
                    + ", out " + outChannels + ", hidden " + hiddenChannels + ", layers " + nLayers);
        }
    }

    /**
     * neuraloperator 1.0's defaults: 4 layers, lifting and projection 2·hidden wide, linear skips,
     * channel MLPs (expansion 0.5), positional embedding, no padding, dense weights.
     */
    public static FnoConfig of(int[] nModes, int inChannels, int outChannels, int hiddenChannels) {
        return new FnoConfig(nModes, inChannels, outChannels, hiddenChannels, 4, 2 * hiddenChannels, 2 * hiddenChannels, true,
                Skip.Kind.LINEAR, true, 0.5, 0.0, 0, 0.0);
    }

    public FnoConfig withLayers(int n) {
        return new FnoConfig(nModes, inChannels, outChannels, hiddenChannels, n, liftingChannels, projectionChannels,
                positionalEmbedding, skip, channelMlp, channelMlpExpansion, domainPadding, seed, tuckerRank);
    }

    public FnoConfig withLiftingProjection(int lifting, int projection) {
        return new FnoConfig(nModes, inChannels, outChannels, hiddenChannels, nLayers, lifting, projection,
                positionalEmbedding, skip, channelMlp, channelMlpExpansion, domainPadding, seed, tuckerRank);
    }

    public FnoConfig withBlocks(Skip.Kind skipKind, boolean mlp) {
        return new FnoConfig(nModes, inChannels, outChannels, hiddenChannels, nLayers, liftingChannels, projectionChannels,
                positionalEmbedding, skipKind, mlp, channelMlpExpansion, domainPadding, seed, tuckerRank);
    }

    public FnoConfig withEmbeddingAndPadding(boolean embedding, double padding) {
        return new FnoConfig(nModes, inChannels, outChannels, hiddenChannels, nLayers, liftingChannels, projectionChannels,
                embedding, skip, channelMlp, channelMlpExpansion, padding, seed, tuckerRank);
    }

    public FnoConfig withSeed(long s) {
        return new FnoConfig(nModes, inChannels, outChannels, hiddenChannels, nLayers, liftingChannels, projectionChannels,
                positionalEmbedding, skip, channelMlp, channelMlpExpansion, domainPadding, s, tuckerRank);
    }

    /** The TFNO variant: spectral weights as Tucker factorizations at rank ratio r (0 &lt; r). */
    public FnoConfig withTucker(double r) {
        if (!(r > 0)) throw new IllegalArgumentException("FnoConfig: Tucker rank ratio must be positive, got " + r);
        return new FnoConfig(nModes, inChannels, outChannels, hiddenChannels, nLayers, liftingChannels, projectionChannels,
                positionalEmbedding, skip, channelMlp, channelMlpExpansion, domainPadding, seed, r);
    }

    @Override
    public int[] nModes() {
        return nModes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FnoConfig c && Arrays.equals(nModes, c.nModes) && inChannels == c.inChannels && outChannels == c.outChannels
                && hiddenChannels == c.hiddenChannels && nLayers == c.nLayers && liftingChannels == c.liftingChannels
                && projectionChannels == c.projectionChannels && positionalEmbedding == c.positionalEmbedding && skip == c.skip
                && channelMlp == c.channelMlp && channelMlpExpansion == c.channelMlpExpansion && domainPadding == c.domainPadding
                && seed == c.seed && tuckerRank == c.tuckerRank;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(nModes) * 31 + Long.hashCode(seed) + 17 * hiddenChannels + nLayers;
    }

    @Override
    public String toString() {
        return "FnoConfig(nModes " + Arrays.toString(nModes) + ", in " + inChannels + ", out " + outChannels + ", hidden "
                + hiddenChannels + ", layers " + nLayers + ", lifting " + liftingChannels + ", projection " + projectionChannels
                + ", embedding " + positionalEmbedding + ", skip " + skip + ", channelMlp " + channelMlp + " ×" + channelMlpExpansion
                + ", padding " + domainPadding + ", seed " + seed + (tuckerRank > 0 ? ", Tucker rank " + tuckerRank : "") + ")";
    }
}
