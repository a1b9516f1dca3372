package org.neuralop4j.data;

import java.util.SplittableRandom;
import org.neuralop4j.tensor.Tensor;

/**
 * Masks for self-supervised pretraining by masked reconstruction (CoDA-NO, Rahman et al., NeurIPS
 * 2024, §4): the model sees the masked input and is trained to reconstruct the whole. For input
 * (batch, V, grid…), each sample independently, from a seed:
 * <ul>
 * <li>{@link Kind#POINTS}: round(0.6·V) of the variables (at least one) each lose round(0.5·N) of
 *     their N points;
 * <li>{@link Kind#VARIABLES}: round(0.3·V) of the variables (at least one) are masked entirely.
 * </ul>
 * Masked values are set to 0.
 */
public final class Masking {
    private Masking() {}

    public enum Kind { POINTS, VARIABLES }

    /** {masked input, mask} with mask 1 where a value is kept and 0 where it is masked; sample b uses seed (seed, b). */
    public static Tensor[] mask(Tensor x, Kind kind, long seed) {
        int[] s = x.shape();
        if (s.length < 3 || x.isComplex()) throw new IllegalArgumentException("mask: needs a real (batch, variables, grid…) tensor, got " + java.util.Arrays.toString(s));
        int batch = s[0], vars = s[1], points = x.size() / (batch * vars);
        Tensor mask = Tensor.ones(s);
        double[] m = mask.re();
        for (int b = 0; b < batch; b++) {
            SplittableRandom r = new SplittableRandom(seed * 1_000_003L + b);
            int chosenVars = Math.max(1, (int) Math.round((kind == Kind.POINTS ? 0.6 : 0.3) * vars));
            int[] vs = firstOfShuffle(r, vars, chosenVars);
            for (int v : vs) {
                int base = (b * vars + v) * points;
                if (kind == Kind.VARIABLES) {
                    java.util.Arrays.fill(m, base, base + points, 0.0);
                } else {
                    for (int p : firstOfShuffle(r, points, (int) Math.round(0.5 * points))) m[base + p] = 0;
                }
            }
        }
        return new Tensor[] {x.mul(mask), mask};
    }

    /** The first k of a seeded Fisher–Yates shuffle of 0…n−1. */
    private static int[] firstOfShuffle(SplittableRandom r, int n, int k) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        for (int i = 0; i < k; i++) {
            int j = i + r.nextInt(n - i), t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return java.util.Arrays.copyOf(a, k);
    }
}
