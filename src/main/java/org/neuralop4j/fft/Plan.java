package org.neuralop4j.fft;

import java.util.concurrent.ConcurrentHashMap;

/**
 * An unnormalized complex DFT of one length, in place on split arrays:
 * {@code X[k] = Σ_j x[j]·e^{∓2πi·jk/n}} (minus sign forward, plus sign inverse).
 *
 * <p>Plans are immutable once built and shared between threads; the per-call scratch comes from
 * {@link #newWork()} and belongs to the caller. Plans are cached per length.
 */
abstract sealed class Plan permits Radix2, Bluestein {
    private static final ConcurrentHashMap<Integer, Plan> CACHE = new ConcurrentHashMap<>();

    final int n;

    Plan(int n) {
        this.n = n;
    }

    /** The plan for length n: radix-2 for powers of two, Bluestein otherwise. */
    static Plan of(int n) {
        if (n < 1) throw new IllegalArgumentException("FFT length must be at least 1, got " + n);
        Plan p = CACHE.get(n);
        if (p == null) {
            p = (n & (n - 1)) == 0 ? new Radix2(n) : new Bluestein(n);
            Plan prev = CACHE.putIfAbsent(n, p);
            if (prev != null) p = prev;
        }
        return p;
    }

    /** Scratch for {@link #transform}; {@code null} when the plan needs none. */
    abstract double[][] newWork();

    /** Transforms {@code re[0..n)}, {@code im[0..n)} in place; {@code work} is from {@link #newWork()}. */
    abstract void transform(double[] re, double[] im, boolean inverse, double[][] work);
}
