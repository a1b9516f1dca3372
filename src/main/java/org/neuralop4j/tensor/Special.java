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

    /** 1/(2n+1), so the series multiplies instead of dividing. */
    private static final double[] INV_ODD = new double[64];

    static {
        for (int n = 0; n < INV_ODD.length; n++) INV_ODD[n] = 1.0 / (2 * n + 1);
    }

    private static double erfSeries(double a) {
        double x2 = 2 * a * a, term = a, sum = a;
        // for |x| < 2.5 the terms fall below 1e-17 of the sum well before n = 64
        for (int n = 1; n < INV_ODD.length && term > 1e-17 * sum; n++) {
            term *= x2 * INV_ODD[n];
            sum += term;
        }
        return TWO_OVER_SQRT_PI * Math.exp(-a * a) * sum;
    }

    /** erfc(a) = e^{−a²}/√π · 1/(a + (1/2)/(a + 1/(a + (3/2)/(a + 2/(a + …))))), for a ≥ 2.5. */
    private static double erfcFraction(double a) {
        if (a > 27) return 0.0; // below the smallest double
        double f = a;
        for (int k = 80; k >= 1; k--) f = a + (k / 2.0) / f;
        return Math.exp(-a * a) / Math.sqrt(Math.PI) / f;
    }
}
