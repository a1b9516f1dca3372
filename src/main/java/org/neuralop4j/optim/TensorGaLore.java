package org.neuralop4j.optim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.neuralop4j.autograd.Var;
import org.neuralop4j.linalg.Modes;
import org.neuralop4j.linalg.Svd;
import org.neuralop4j.linalg.Tucker;
import org.neuralop4j.tensor.Tensor;

/**
 * Tensor-GaLore (George et al., "Tensor-GaLore: Memory-Efficient Training via Gradient Tensor
 * Decomposition", arXiv 2501.02379 v1, Algorithm 1) with AdamW semantics, and matrix GaLore (Zhao
 * et al., "GaLore", ICML 2024) as its baseline.
 *
 * <p>For each complex parameter of order ≥ 3 (the FNO's spectral weights, in × out × modes…):
 * <pre>
 *   every T steps:  U_k ← orthonormal Tucker factors of the current gradient G
 *                   (HOOI warm-started from the previous U_k; the first time from the HOSVD)
 *   every step:     R ← G ×₁ U₁ᴴ ×₂ U₂ᴴ ⋯              (the gradient in core space, ranks R_k)
 *                   m ← β₁m + (1 − β₁)R;   v ← β₂v + (1 − β₂)|R|²      (v real)
 *                   N ← (lr/(1 − β₁ᵗ)) · m / (√v/√(1 − β₂ᵗ) + ε)
 *                   p ← p·(1 − lr·λ) − α · N ×₁ U₁ ×₂ U₂ ⋯
 * </pre>
 * The factors really are recomputed every T steps (counted by {@link #decompositions()}); the
 * moments stay in core space across a refresh, as in the paper. Matrix GaLore reshapes the weight
 * to a matrix (in, out·modes…) and projects its shorter side on the leading singular vectors of the
 * gradient. Every other parameter takes plain AdamW steps. With identity factors the steps are
 * exactly AdamW's (tested).
 *
 * <p>State: per projected parameter m (complex, ΠR_k), v (real, ΠR_k) and the factors (complex,
 * ΣN_k·R_k); per other parameter AdamW's m and v; plus the step count. All of it is allocated at
 * construction, so {@link #stateBytes()} is exact and constant.
 */
public final class TensorGaLore extends Optimizer {
    /** How a spectral weight's gradient is projected. */
    public enum Projection { TUCKER, MATRIX }

    /**
     * @param rank      ratio for the ranks: Tucker ranks whose core and factors hold at most this
     *                  fraction of the weight (see {@link #ranks}); matrix rank ⌈rank·min(m, n)⌉
     * @param updateGap T, steps between recomputations of the projection
     * @param scale     α, the factor on the projected-back update
     * @param sweeps    HOOI sweeps per recomputation
     * @param modeRanks Tucker ranks given per mode instead of the ratio (null: use the ratio); a
     *                  weight of another order, or a rank above a dimension, is clipped to it
     */
    public record Config(Adam.Config adam, Projection projection, double rank, int updateGap, double scale, int sweeps, int[] modeRanks) {
        public Config {
            modeRanks = modeRanks == null ? null : modeRanks.clone();
            if (!(rank > 0 && rank <= 1) || updateGap < 1 || !(scale > 0) || sweeps < 1) {
                throw new IllegalArgumentException("Tensor-GaLore: needs 0 < rank ≤ 1, update gap ≥ 1, scale > 0, sweeps ≥ 1; got " + rank + ", " + updateGap
                        + ", " + scale + ", " + sweeps);
            }
            if (modeRanks != null) for (int r : modeRanks) if (r < 1) throw new IllegalArgumentException("Tensor-GaLore: ranks must be ≥ 1, got " + Arrays.toString(modeRanks));
        }

        /** Ranks from a ratio. */
        public Config(Adam.Config adam, Projection projection, double rank, int updateGap, double scale, int sweeps) {
            this(adam, projection, rank, updateGap, scale, sweeps, null);
        }

        @Override
        public int[] modeRanks() {
            return modeRanks == null ? null : modeRanks.clone();
        }
    }

    /** The projection of one parameter: which modes of which view, their factors, the step of the last refresh. */
    private static final class Projected {
        final int[] view;     // the shape projected: the weight's, or (in, rest) for the matrix version
        final int[] modes;    // the modes of the view that are projected
        final int[] ranks;
        final Tensor[] factors;
        long refreshed = Long.MIN_VALUE;

        Projected(int[] view, int[] modes, int[] ranks) {
            this.view = view;
            this.modes = modes;
            this.ranks = ranks;
            factors = new Tensor[modes.length];
            for (int j = 0; j < modes.length; j++) factors[j] = Tensor.zerosComplex(view[modes[j]], ranks[j]);
        }

        int[] coreShape() {
            int[] s = view.clone();
            for (int j = 0; j < modes.length; j++) s[modes[j]] = ranks[j];
            return s;
        }
    }

    private final Config c;
    private final List<Projected> projected = new ArrayList<>();
    private final List<Tensor> m = new ArrayList<>(), v = new ArrayList<>();
    private long t, decompositions;

    public TensorGaLore(List<Var> params, Config c) {
        super(params, c.adam().lr());
        this.c = c;
        for (Var p : params) {
            Tensor x = p.value();
            Projected pr = null;
            if (x.isComplex() && x.rank() >= 3) {
                int[] shape = x.shape();
                if (c.projection() == Projection.TUCKER) {
                    int[] modes = new int[shape.length];
                    for (int k = 0; k < modes.length; k++) modes[k] = k;
                    pr = new Projected(shape, modes, c.modeRanks() == null ? ranks(shape, c.rank()) : clip(c.modeRanks(), shape));
                } else {
                    int rows = shape[0], cols = x.size() / rows, side = rows <= cols ? 0 : 1;
                    int r = (int) Math.max(1, Math.ceil(c.rank() * Math.min(rows, cols)));
                    pr = new Projected(new int[] {rows, cols}, new int[] {side}, new int[] {r});
                }
            }
            projected.add(pr);
            int[] s = pr == null ? x.shape() : pr.coreShape();
            m.add(x.isComplex() ? Tensor.zerosComplex(s) : Tensor.zeros(s));
            v.add(Tensor.zeros(s));
        }
    }

    /**
     * Tucker ranks for ratio r: {@link Tucker#ranksFromRatio}, then lowered one at a time (the
     * largest relative rank first) until core and factors hold at most r of the weight's entries,
     * so that the state is at most r of Adam's (16 + 8 bytes per core entry against Adam's 16 + 8
     * per weight entry, 16 per factor entry).
     */
    static int[] ranks(int[] shape, double r) {
        int[] ranks = Tucker.ranksFromRatio(shape, r);
        double full = 1;
        for (int n : shape) full *= n;
        while (true) {
            double core = 1, factors = 0;
            for (int k = 0; k < shape.length; k++) {
                core *= ranks[k];
                factors += (double) shape[k] * ranks[k];
            }
            if (core + factors <= r * full || r >= 1) return ranks;
            int worst = -1;
            for (int k = 0; k < shape.length; k++) {
                if (ranks[k] > 1 && (worst < 0 || (double) ranks[k] / shape[k] > (double) ranks[worst] / shape[worst])) worst = k;
            }
            if (worst < 0) return ranks;
            ranks[worst]--;
        }
    }

    /** Given ranks fitted to a weight: clipped to its dimensions; missing trailing modes keep their full dimension. */
    private static int[] clip(int[] given, int[] shape) {
        int[] r = shape.clone();
        for (int k = 0; k < Math.min(given.length, shape.length); k++) r[k] = Math.min(given[k], shape[k]);
        return r;
    }

    /** Decompositions computed so far (one per projected parameter per refresh). */
    public long decompositions() {
        return decompositions;
    }

    /** The current factors of parameter i (null if it is not projected). */
    public Tensor[] factors(int i) {
        Projected pr = projected.get(i);
        return pr == null ? null : pr.factors.clone();
    }

    /** Replaces the factors of parameter i, to be used from the next step on until the next refresh is due (tests). */
    void setFactors(int i, Tensor[] u) {
        Projected pr = projected.get(i);
        for (int j = 0; j < u.length; j++) {
            if (!Arrays.equals(u[j].shape(), pr.factors[j].shape())) throw new IllegalArgumentException("factor " + j + " has the wrong shape");
            pr.factors[j] = u[j].isComplex() ? u[j] : u[j].toComplex();
        }
        pr.refreshed = t + 1;
    }

    /** G ×_k U_kᴴ over the given modes. */
    public static Tensor down(Tensor g, Tensor[] u, int[] modes) {
        return Modes.product(g, u, modes, true);
    }

    /** R ×_k U_k over the given modes. */
    public static Tensor up(Tensor r, Tensor[] u, int[] modes) {
        return Modes.product(r, u, modes, false);
    }

    @Override
    public void step() {
        t++;
        Adam.Config a = c.adam();
        double bc1 = 1 - Math.pow(a.beta1(), t), bc2 = 1 - Math.pow(a.beta2(), t);
        double stepSize = lr() / bc1, sqrtBc2 = Math.sqrt(bc2);
        for (int i = 0; i < params.size(); i++) {
            Var p = params.get(i);
            Tensor g = p.grad();
            if (g == null) continue;
            Tensor x = p.value();
            if (a.weightDecay() > 0) Updates.shrink(x, lr() * a.weightDecay());
            Projected pr = projected.get(i);
            if (pr == null) {
                Tensor n = normalized(g, m.get(i), v.get(i), stepSize, sqrtBc2);
                Updates.addScaled(x, -1, n);
                continue;
            }
            Tensor gv = g.isComplex() ? g.reshape(pr.view) : g.toComplex().reshape(pr.view);
            if (t - pr.refreshed >= c.updateGap() || pr.refreshed == Long.MIN_VALUE) refresh(pr, gv);
            Tensor n = normalized(down(gv, pr.factors, pr.modes), m.get(i), v.get(i), stepSize, sqrtBc2);
            Updates.addScaled(x, -c.scale(), up(n, pr.factors, pr.modes).reshape(x.shape()));
        }
    }

    private void refresh(Projected pr, Tensor g) {
        if (pr.modes.length == pr.view.length) { // Tucker: HOOI, warm-started once factors exist
            boolean first = pr.refreshed == Long.MIN_VALUE;
            Tensor[] u = Tucker.hooi(g, pr.ranks, first ? null : pr.factors, c.sweeps(), 0).factors();
            System.arraycopy(u, 0, pr.factors, 0, u.length);
        } else { // matrix: leading singular vectors of the gradient along the projected side
            pr.factors[0] = Svd.leading(Modes.unfold(g, pr.modes[0]), pr.ranks[0]).u().toComplex();
        }
        pr.refreshed = t;
        decompositions++;
    }

    /** Updates the moments with gradient r and returns the Adam step (see {@link Updates#adamStep}). */
    private Tensor normalized(Tensor r, Tensor mi, Tensor vi, double stepSize, double sqrtBc2) {
        Adam.Config a = c.adam();
        return Updates.adamStep(r, mi, vi, a.beta1(), a.beta2(), a.eps(), stepSize, sqrtBc2);
    }

    /** Bytes of state per parameter: moments (16 per complex, 8 per real entry) and, for projected ones, the factors. */
    public long[] parameterStateBytes() {
        long[] out = new long[params.size()];
        for (int i = 0; i < out.length; i++) {
            long b = 8L * m.get(i).size() * (m.get(i).isComplex() ? 2 : 1) + 8L * v.get(i).size();
            Projected pr = projected.get(i);
            if (pr != null) for (Tensor u : pr.factors) b += 16L * u.size();
            out[i] = b;
        }
        return out;
    }

    @Override
    public long stateBytes() {
        long n = 8; // the step count
        for (long b : parameterStateBytes()) n += b;
        return n;
    }

    @Override
    public Map<String, Tensor> state() {
        Map<String, Tensor> s = adamState(t, m, v);
        for (int i = 0; i < projected.size(); i++) {
            Projected pr = projected.get(i);
            if (pr == null) continue;
            s.put(i + ".refreshed", Tensor.scalar(pr.refreshed));
            for (int j = 0; j < pr.factors.length; j++) s.put(i + ".factor." + j, pr.factors[j]);
        }
        return s;
    }

    @Override
    public void loadState(Map<String, Tensor> state) {
        long step = loadAdamState(state, m, v);
        for (int i = 0; i < projected.size(); i++) {
            Projected pr = projected.get(i);
            if (pr == null) continue;
            Tensor r = state.get(i + ".refreshed");
            if (r == null) throw new IllegalArgumentException("optimizer state: " + i + ".refreshed is missing");
            pr.refreshed = (long) r.item();
            for (int j = 0; j < pr.factors.length; j++) restore(state, i + ".factor." + j, pr.factors[j]);
        }
        t = step;
    }
}
