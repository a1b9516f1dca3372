package org.neuralop4j.train;

/**
 * Stability and plasticity of a model trained on tasks 0…T−1 in turn, from its score matrix:
 * {@code a[t][j]} is the score on task j after training through task t (higher is better, e.g.
 * 100·(1 − relative L2)), and {@code a0[j]} the score before any training. The measures follow the
 * ones LeanAgent reports (Kumarappan et al., ICLR 2025, §4), written out here for operator learning;
 * the gain of learning task t is {@code g_t = a[t][t] − p_t} with {@code p_t = a[t−1][t]}
 * ({@code a0[t]} for t = 0).
 * <ul>
 * <li>{@link #forgetting forgetting measure} (Chaudhry et al., ECCV 2018):
 *     {@code FM = mean_{j<T−1} (max_{j≤t<T−1} a[t][j] − a[T−1][j])}; 0 for T &lt; 2;
 * <li>{@link #windowedForgetting windowed forgetting} over w steps (w = 5):
 *     {@code WF_w = max_{t} mean_{j<t} (max_{max(j, t−w+1)≤s≤t} a[s][j] − a[t][j])} — the worst average drop
 *     within any window of w steps (windows are cut at step 0 when fewer than w tasks came before);
 * <li>{@link #resilience catastrophic-forgetting resilience}:
 *     {@code CFR = min_{j<T−1, peak_j>0} a[T−1][j] / peak_j} with {@code peak_j = max_{t≥j} a[t][j]}:
 *     1 when nothing is lost, 0 when a task is wiped out; tasks never learned (peak ≤ 0) are left out;
 * <li>{@link #expandedBackwardTransfer expanded backward transfer}:
 *     {@code EBWT = mean_{j<t} (a[t][j] − a[j][j])} over every later step, not only the last;
 * <li>{@link #incrementalPlasticity incremental plasticity}: {@code IP = mean_t g_t};
 * <li>{@link #windowedPlasticity windowed plasticity} over the last w tasks: {@code WP_w = mean_{t≥T−w} g_t}.
 * </ul>
 */
public final class LifelongMetrics {
    private LifelongMetrics() {}

    public static double forgetting(double[][] a) {
        int n = check(a);
        if (n < 2) return 0;
        double sum = 0;
        for (int j = 0; j < n - 1; j++) {
            double peak = Double.NEGATIVE_INFINITY;
            for (int t = j; t < n - 1; t++) peak = Math.max(peak, a[t][j]);
            sum += peak - a[n - 1][j];
        }
        return sum / (n - 1);
    }

    public static double windowedForgetting(double[][] a, int w) {
        int n = check(a);
        if (w < 1) throw new IllegalArgumentException("windowed forgetting: window must be ≥ 1, got " + w);
        double worst = 0;
        for (int t = 1; t < n; t++) {
            double sum = 0;
            for (int j = 0; j < t; j++) {
                double peak = Double.NEGATIVE_INFINITY;
                for (int s = Math.max(j, t - w + 1); s <= t; s++) peak = Math.max(peak, a[s][j]);
                sum += peak - a[t][j];
            }
            worst = Math.max(worst, sum / t);
        }
        return worst;
    }

    public static double resilience(double[][] a) {
        int n = check(a);
        double min = 1;
        for (int j = 0; j < n - 1; j++) {
            double peak = Double.NEGATIVE_INFINITY;
            for (int t = j; t < n; t++) peak = Math.max(peak, a[t][j]);
            if (peak > 0) min = Math.min(min, Math.max(0, a[n - 1][j]) / peak);
        }
        return min;
    }

    public static double expandedBackwardTransfer(double[][] a) {
        int n = check(a), pairs = 0;
        double sum = 0;
        for (int t = 1; t < n; t++) {
            for (int j = 0; j < t; j++) {
                sum += a[t][j] - a[j][j];
                pairs++;
            }
        }
        return pairs == 0 ? 0 : sum / pairs;
    }

    public static double incrementalPlasticity(double[][] a, double[] a0) {
        return windowedPlasticity(a, a0, check(a));
    }

    public static double windowedPlasticity(double[][] a, double[] a0, int w) {
        int n = check(a);
        if (a0.length != n) throw new IllegalArgumentException("plasticity: " + a0.length + " initial scores for " + n + " tasks");
        if (w < 1) throw new IllegalArgumentException("windowed plasticity: window must be ≥ 1, got " + w);
        if (n == 0) return 0;
        double sum = 0;
        int from = Math.max(0, n - w);
        for (int t = from; t < n; t++) sum += a[t][t] - (t == 0 ? a0[0] : a[t - 1][t]);
        return sum / (n - from);
    }

    private static int check(double[][] a) {
        for (double[] row : a) if (row.length != a.length) throw new IllegalArgumentException("lifelong metrics: the score matrix must be square, T × T");
        return a.length;
    }
}
