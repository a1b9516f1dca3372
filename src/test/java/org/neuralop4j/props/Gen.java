package org.neuralop4j.props;

import java.util.SplittableRandom;
import org.neuralop4j.tensor.Tensor;

/**
 * A seeded generator of test inputs. {@code size} runs from near 0 on the first try to 1 on the
 * last, so small cases are tried first; generators scale their ranges by it.
 */
@FunctionalInterface
public interface Gen<T> {
    T next(SplittableRandom r, double size);

    /** An integer in [lo, hi]; the upper end grows with size from lo to hi. */
    static Gen<Integer> ints(int lo, int hi) {
        return (r, size) -> lo + r.nextInt(scaled(hi - lo, size) + 1);
    }

    /**
     * FFT lengths in [1, max], drawn from four families in turn: powers of two, primes,
     * 2^k ± 1, and any length.
     */
    static Gen<Integer> fftLengths(int max) {
        return (r, size) -> {
            int cap = Math.max(1, scaled(max - 1, size) + 1);
            return switch (r.nextInt(4)) {
                case 0 -> Integer.highestOneBit(1 + r.nextInt(cap));
                case 1 -> primeAtMost(1 + r.nextInt(cap));
                case 2 -> {
                    int p = Integer.highestOneBit(Math.max(2, 1 + r.nextInt(cap)));
                    int v = r.nextBoolean() ? p + 1 : p - 1;
                    yield Math.max(1, Math.min(v, cap));
                }
                default -> 1 + r.nextInt(cap);
            };
        };
    }

    /** A shape with rank in [minRank, maxRank] and every dimension in [1, maxDim]. */
    static Gen<int[]> shapes(int minRank, int maxRank, int maxDim) {
        return (r, size) -> {
            int rank = minRank + r.nextInt(maxRank - minRank + 1);
            int[] s = new int[rank];
            for (int i = 0; i < rank; i++) s[i] = 1 + r.nextInt(scaled(maxDim - 1, size) + 1);
            return s;
        };
    }

    /**
     * Two shapes that broadcast against each other under numpy's rules: the second is a suffix of
     * the first with some dimensions set to 1, and the first has 1s where the second does not; the
     * pair comes in either order.
     */
    static Gen<int[][]> broadcastShapes(int maxRank, int maxDim) {
        return (r, size) -> {
            int[] s = shapes(0, maxRank, maxDim).next(r, size);
            int drop = r.nextInt(s.length + 1);
            int[] t = java.util.Arrays.copyOfRange(s, drop, s.length);
            for (int i = 0; i < t.length; i++) if (r.nextInt(3) == 0) t[i] = 1;
            for (int i = drop; i < s.length; i++) if (r.nextInt(4) == 0 && t[i - drop] != 1) s[i] = 1;
            return r.nextBoolean() ? new int[][] {s, t} : new int[][] {t, s};
        };
    }

    /** A standard-normal tensor of the given shape, real or complex at random. */
    static Tensor anyTensor(SplittableRandom r, int... shape) {
        return r.nextBoolean() ? Tensor.randnComplex(r.nextLong(), shape) : Tensor.randn(r.nextLong(), shape);
    }

    /** A standard-normal tensor of a generated shape, real or complex. */
    static Gen<Tensor> tensors(Gen<int[]> shapes, boolean complex) {
        return (r, size) -> {
            int[] s = shapes.next(r, size);
            return complex ? Tensor.randnComplex(r.nextLong(), s) : Tensor.randn(r.nextLong(), s);
        };
    }

    /** The largest prime at most n (1 for n < 2, which is no prime but a valid length). */
    static int primeAtMost(int n) {
        for (int p = n; p >= 2; p--) {
            boolean prime = true;
            for (int d = 2; (long) d * d <= p && prime; d++) prime = p % d != 0;
            if (prime) return p;
        }
        return 1;
    }

    private static int scaled(int span, double size) {
        return (int) Math.ceil(span * Math.min(1.0, Math.max(0.0, size)));
    }
}
