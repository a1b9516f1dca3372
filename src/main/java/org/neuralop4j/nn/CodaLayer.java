package org.neuralop4j.nn;

import java.util.Arrays;
import org.neuralop4j.autograd.Norms;
import org.neuralop4j.autograd.Ops;
import org.neuralop4j.autograd.Pointwise;
import org.neuralop4j.autograd.Var;

/**
 * One CoDA-NO layer (Rahman et al., "Pretraining Codomain Attention Neural Operators", NeurIPS 2024,
 * §3.2), acting on T token functions of h channels each, held as (batch·T, h, grid…) so that every
 * operator is shared across tokens:
 * <pre>
 *   n ← norm(t)                              function-space norm: per token and channel, over the domain
 *   q, k, v ← Q(n), K(n), V(n)               spectral operators, heads × d channels
 *   score[v, w] ← ⟨q_v, k_w⟩_{L²} / τ          per head; the L² product by quadrature (grid mean × |domain|)
 *   t ← t + O(Σ_w softmax_w(score)[v, w] · v_w)
 *   t ← t + σ(Mix(norm(t)) + W·norm(t))      the per-token FNO mixer
 * </pre>
 * The quadrature makes scores the same for the same functions on any grid; a raw dot product over
 * the grid would grow with the number of points.
 */
public final class CodaLayer extends Module {
    private final int hidden, heads, headChannels;
    private final double temperature;
    private final SpectralConv query, key, value, output, mix;
    private final Skip mixSkip;

    public CodaLayer(int hidden, int heads, int headChannels, int[] nModes, long seed) {
        if (hidden < 1 || heads < 1 || headChannels < 1) throw new IllegalArgumentException("CodaLayer: sizes must be positive");
        this.hidden = hidden;
        this.heads = heads;
        this.headChannels = headChannels;
        this.temperature = Math.sqrt(headChannels);
        int d = heads * headChannels;
        query = addModule("query", new SpectralConv(hidden, d, nModes, seed + 1));
        key = addModule("key", new SpectralConv(hidden, d, nModes, seed + 2));
        value = addModule("value", new SpectralConv(hidden, d, nModes, seed + 3));
        output = addModule("output", new SpectralConv(d, hidden, nModes, seed + 4));
        mix = addModule("mixer", new SpectralConv(hidden, hidden, nModes, seed + 5));
        mixSkip = addModule("mixer_skip", new Skip(Skip.Kind.LINEAR, hidden, nModes.length, seed + 6));
    }

    /** Tokens (batch·tokens, hidden, grid…) → the same shape. */
    public Var forward(Var t, int tokens) {
        int[] s = t.shape();
        if (s.length < 3 || s[1] != hidden || s[0] % tokens != 0) {
            throw new IllegalArgumentException("CodaLayer: input " + Arrays.toString(s) + " is not (batch·" + tokens + ", " + hidden + ", grid…)");
        }
        Var n = Norms.instanceNorm(t, 1e-5);
        Var attended = attend(query.forward(n), key.forward(n), value.forward(n), tokens, s);
        t = Ops.add(t, output.forward(attended));
        Var m = Norms.instanceNorm(t, 1e-5);
        return Ops.add(t, Pointwise.gelu(Ops.add(mix.forward(m), mixSkip.forward(m))));
    }

    /** Attention weights (batch, heads, tokens, tokens) of the normalized tokens (for inspection and tests). */
    public Var attention(Var t, int tokens) {
        Var n = Norms.instanceNorm(t, 1e-5);
        return Pointwise.softmax(scores(query.forward(n), key.forward(n), tokens, t.shape()), 3);
    }

    /**
     * ⟨q_v, k_w⟩_{L²(D)}/τ per head: Σ over the head's channels of the grid mean of q·k (quadrature
     * on the unit domain, |D| = 1), divided by τ = √d.
     */
    public Var scores(Var q, Var k, int tokens, int[] s) {
        int batch = s[0] / tokens, points = 1;
        for (int j = 2; j < s.length; j++) points *= s[j];
        Var qh = heads(q, batch, tokens, points), kh = heads(k, batch, tokens, points);
        return Ops.scale(Ops.matmul(qh, Ops.transpose(kh, 2, 3)), 1.0 / (points * temperature));
    }

    private Var attend(Var q, Var k, Var v, int tokens, int[] s) {
        int batch = s[0] / tokens, points = 1;
        for (int j = 2; j < s.length; j++) points *= s[j];
        Var a = Pointwise.softmax(scores(q, k, tokens, s), 3);
        Var o = Ops.matmul(a, heads(v, batch, tokens, points)); // (batch, heads, tokens, d·points)
        int[] out = s.clone();
        out[1] = heads * headChannels;
        return Ops.reshape(Ops.permute(o, 0, 2, 1, 3), out);
    }

    /** (batch·tokens, heads·d, grid…) → (batch, heads, tokens, d·points). */
    private Var heads(Var x, int batch, int tokens, int points) {
        return Ops.permute(Ops.reshape(x, batch, tokens, heads, headChannels * points), 0, 2, 1, 3);
    }
}
