package org.neuralop4j.props;

import java.util.SplittableRandom;

/**
 * The property-test runner: checks a property on {@code props.tries} generated inputs (default
 * 100), smallest first, from a fixed seed ({@code props.seed}) so that every run and every CI run
 * sees the same cases. A failure reports the property, the try, the seed to replay it with and the
 * input. Used from ordinary JUnit tests:
 *
 * <pre>{@code
 * Props.forAll("ifft inverts fft", Gen.tensors(Gen.shapes(1, 1, 300), true),
 *         x -> assertTrue(Fft.ifft(Fft.fft(x)).allClose(x, 1e-12, 1e-12)));
 * }</pre>
 */
public final class Props {
    private Props() {}

    /** The number of tries per property: {@code -Dprops.tries=N}, default 100. */
    public static int tries() {
        return Integer.getInteger("props.tries", 100);
    }

    /** The base seed: {@code -Dprops.seed=N} replays a reported failure. */
    public static long seed() {
        return Long.getLong("props.seed", 20261204L);
    }

    /** A check that throws (an AssertionError, usually) when the property fails. */
    @FunctionalInterface
    public interface Check<T> {
        void check(T input) throws Throwable;
    }

    public static <T> void forAll(String property, Gen<T> gen, Check<T> check) {
        forAll(property, tries(), gen, check);
    }

    /** As {@link #forAll(String, Gen, Check)} with an explicit number of tries (for costly properties). */
    public static <T> void forAll(String property, int tries, Gen<T> gen, Check<T> check) {
        long seed = seed();
        // each property draws its own stream, so adding a property does not change another's cases
        SplittableRandom stream = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * property.hashCode()));
        for (int t = 0; t < tries; t++) {
            double size = tries == 1 ? 1.0 : (double) (t + 1) / tries;
            T input = gen.next(stream.split(), size);
            try {
                check.check(input);
            } catch (Throwable e) {
                throw new AssertionError("property '" + property + "' failed on try " + (t + 1) + " of " + tries
                        + " (seed " + seed + "; replay with -Dprops.seed=" + seed + ")\n  input: " + describe(input)
                        + "\n  " + e, e);
            }
        }
    }

    static String describe(Object o) {
        if (o instanceof int[] a) return java.util.Arrays.toString(a);
        if (o instanceof Object[] a) return java.util.Arrays.deepToString(a);
        return String.valueOf(o);
    }
}
