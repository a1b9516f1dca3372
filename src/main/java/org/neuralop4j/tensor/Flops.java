package org.neuralop4j.tensor;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A floating-point operation counter. Every arithmetic kernel adds its count when it runs, so the
 * forward and backward passes are both counted (the backward pass runs the same kernels) and
 * compute can be compared without wall-clock noise. One counter for the process; read it before
 * and after the work of interest ({@link #count()}), or {@link #reset()} it.
 *
 * <p>The formula per kernel (a multiply and an add each count 1; a complex multiply-add counts 8):
 * <ul>
 * <li>elementwise {@code add, sub, mul, div}, {@code scale}, {@code addInPlace}: 1 per output
 *     element when real; when complex, 2 for add/sub/scale, 6 for mul, 11 for div (Smith's algorithm);
 * <li>pointwise functions ({@code map}, {@code abs}, GELU, …): 1 per element for the evaluation;
 *     GELU's backward 1 more (one multiply);
 * <li>{@code sum}/{@code mean}/{@code sumTo}: one add per input element not already an output
 *     (in − out, doubled when complex), plus 1 per output for a mean's scaling;
 * <li>{@code matmul} (batch, m, k)·(k, n): 2·batch·m·n·k real, 8·batch·m·n·k complex;
 * <li>{@code channelMix} and its weight gradient: 2·b·s·out·in (s the grid size);
 * <li>{@code contractModes}: 8·b·out·in·K (K the kept modes) when both are complex, 4·… when one is;
 * <li>FFT, per line of length n transformed: 5·n·⌈log₂ n⌉ complex, 2.5·n·⌈log₂ n⌉ real (rfft,
 *     irfft) — the textbook radix-2 count, used for every length; normalization is included.
 *     Truncated transforms count only the lines they transform.
 * </ul>
 * Data movement (reshape, permute, slice, pad, concat, conj) counts nothing; optimizer steps are
 * not counted.
 */
public final class Flops {
    private Flops() {}

    private static final AtomicLong COUNT = new AtomicLong();

    /** Operations counted since the start of the process or the last {@link #reset()}. */
    public static long count() {
        return COUNT.get();
    }

    public static void reset() {
        COUNT.set(0);
    }

    /** Adds n operations (kernels outside this package call it too). */
    public static void add(long n) {
        COUNT.addAndGet(n);
    }

    /** ⌈log₂ n⌉ (0 for n ≤ 1). */
    public static int log2Ceil(int n) {
        return n <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(n - 1);
    }

    /** The count of one complex FFT line of length n. */
    public static long fftLine(int n) {
        return 5L * n * log2Ceil(n);
    }

    /** The count of one real FFT line (rfft or irfft) of length n: half the complex count. */
    public static long realFftLine(int n) {
        return 5L * n * log2Ceil(n) / 2;
    }
}
