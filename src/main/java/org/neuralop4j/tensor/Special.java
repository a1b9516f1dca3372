package org.neuralop4j.tensor;

/** Special functions that {@link Math} lacks, to full double precision. */
public final class Special {
    private Special() {}

    private static final double TWO_OVER_SQRT_PI = 2.0 / Math.sqrt(Math.PI);

    /**
     * The error function {@code erf(x) = (2/√π)∫₀ˣ e^{−t²} dt}, accurate to a few ulps.
     *
     * <p>For |x| &lt; 2.5 the series {@code erf x = (2/√π) e^{−x²} Σ_n 2ⁿ x^{2n+1} / (1·3·…·(2n+1))}
     * (Abramowitz and Stegun 7.1.6), whose terms are all positive, so nothing cancels; beyond, the
     * continued fraction of erfc (A&amp;S 7.1.14), evaluated bottom-up, which converges fast there.
     */
    public static double erf(double x) {
        if (Double.isNaN(x)) return x;
        double a = Math.abs(x);
        double r = a < 2.5 ? erfSeries(a) : 1.0 - erfcFraction(a);
        return x < 0 ? -r : r;
    }

    /** The complementary error function {@code erfc(x) = 1 − erf(x)}, without cancellation for large x. */
    public static double erfc(double x) {
        if (Double.isNaN(x)) return x;
        if (x >= 2.5) return erfcFraction(x);
        return 1.0 - erf(x);
    }

    private static double erfSeries(double a) {
        double x2 = a * a, term = a, sum = a;
        for (int n = 1; n < 200 && term > 1e-17 * sum; n++) {
            term *= 2 * x2 / (2 * n + 1);
            sum += term;
        }
        return TWO_OVER_SQRT_PI * Math.exp(-x2) * sum;
    }

    /** erfc(a) = e^{−a²}/√π · 1/(a + (1/2)/(a + 1/(a + (3/2)/(a + 2/(a + …))))), for a ≥ 2.5. */
    private static double erfcFraction(double a) {
        if (a > 27) return 0.0; // below the smallest double
        double f = a;
        for (int k = 80; k >= 1; k--) f = a + (k / 2.0) / f;
        return Math.exp(-a * a) / Math.sqrt(Math.PI) / f;
    }
}
