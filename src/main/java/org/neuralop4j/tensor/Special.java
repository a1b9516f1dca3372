package org.neuralop4j.tensor;

/** Special functions that {@link Math} lacks, to full double precision. */
public final class Special {
    private Special() {}

    private static final double TWO_OVER_SQRT_PI = 2.0 / Math.sqrt(Math.PI);

    /** 1/(2n+1), so the series multiplies instead of dividing. */
    private static final double[] INV_ODD = new double[64];

    static {
        for (int n = 0; n < INV_ODD.length; n++) INV_ODD[n] = 1.0 / (2 * n + 1);
    }

    /**
     * The error function {@code erf(x) = (2/√π)∫₀ˣ e^{−t²} dt}, within 2 ulps of a 40-digit decimal
     * reference (tested). GELU evaluates it millions of times per training step, so the common range
     * avoids exponentials: below 1/4 the Maclaurin series; up to 6 a Taylor polynomial about the
     * centre of each interval of width 1/64 (see {@link #TAYLOR}); beyond, 1 − erfc by its continued
     * fraction.
     */
    public static double erf(double x) {
        if (Double.isNaN(x)) return x;
        double a = Math.abs(x);
        double r;
        if (a < 0.25) {
            r = maclaurin(a); // relative accuracy near 0
        } else if (a >= END) {
            r = a < 27 ? 1.0 - erfcFraction(a) : 1.0; // rounds to 1 from about 5.9 on
        } else {
            int k = (int) (a * PER_UNIT);
            double h = a - (k + 0.5) / PER_UNIT, h2 = h * h;
            double[] d = TAYLOR[k];
            // odd and even coefficients by two independent Horner chains in h² (half the latency)
            double e = d[TERMS - 2], o = d[TERMS - 1];
            for (int n = TERMS - 4; n >= 2; n -= 2) {
                e = e * h2 + d[n];
                o = o * h2 + d[n + 1];
            }
            o = o * h2 + d[1];
            r = d[0] + (h2 * e + h * o);
        }
        return x < 0 ? -r : r;
    }

    /**
     * erf in double arithmetic from the definition, for erfc below 2.5: the series
     * {@code (2/√π) e^{−x²} Σ_n 2ⁿ x^{2n+1} / (1·3·…·(2n+1))} (Abramowitz and Stegun 7.1.6), whose terms
     * are all positive, below 2.5; the continued fraction of erfc (A&amp;S 7.1.14) above.
     */
    static double erfReference(double x) {
        double a = Math.abs(x);
        double r = a < 2.5 ? erfSeries(a) : 1.0 - erfcFraction(a);
        return x < 0 ? -r : r;
    }

    /**
     * The fast path: on each interval of width 1/64 below 6, the Taylor polynomial about its centre
     * c, {@code erf(c + h) = Σ_n d_n hⁿ}, with {@code d_0 = erf(c)} correctly rounded and, for
     * n ≥ 1, {@code d_n = erf⁽ⁿ⁾(c)/n! = (2/√π)(−1)^{n−1} H_{n−1}(c) e^{−c²}/n!} (H the Hermite
     * polynomials, by their recurrence). With |h| ≤ 1/128, 10 terms reach rounding error, and the
     * evaluation needs no exponential.
     */
    private static final double END = 6.0;
    private static final int PER_UNIT = 64, TERMS = 10; // TERMS even: the two chains split evenly
    private static final double[][] TAYLOR = new double[(int) (END * PER_UNIT)][];

    static {
        for (int k = 0; k < TAYLOR.length; k++) {
            double c = (k + 0.5) / PER_UNIT;
            double[] d = new double[TERMS];
            d[0] = erfExact(c);
            double scale = TWO_OVER_SQRT_PI * Math.exp(-c * c);
            double hPrev = 0, hCur = 1; // H_{-1} (unused), H_0
            double fact = 1;
            for (int n = 1; n < TERMS; n++) {
                fact *= n;
                int m = n - 1; // d_n uses H_{n−1}
                if (m >= 1) {
                    double hNext = 2 * c * hCur - 2 * (m - 1) * hPrev; // H_m from H_{m−1}, H_{m−2}
                    hPrev = hCur;
                    hCur = hNext;
                }
                d[n] = ((m % 2 == 0) ? 1 : -1) * hCur * scale / fact;
            }
            TAYLOR[k] = d;
        }
    }

    /** erf(a) = (2/√π) Σ (−1)ⁿ a^{2n+1}/(n!(2n+1)) for |a| &lt; 1/4, where 9 terms reach rounding error. */
    private static double maclaurin(double a) {
        double x2 = a * a, term = a, sum = a;
        for (int n = 1; n < 10; n++) {
            term *= -x2 / n;
            sum += term / (2 * n + 1);
        }
        return TWO_OVER_SQRT_PI * sum;
    }

    /**
     * erf(x) to 40 significant digits by the Maclaurin series in decimal arithmetic, rounded to a
     * double: the centre values of the fast path, and the reference the tests check against.
     */
    static double erfExact(double x) {
        java.math.MathContext mc = new java.math.MathContext(60);
        java.math.BigDecimal bx = new java.math.BigDecimal(x), x2 = bx.multiply(bx, mc).negate();
        java.math.BigDecimal term = bx, sum = bx, eps = new java.math.BigDecimal("1e-45");
        for (int n = 1; n < 2000; n++) {
            term = term.multiply(x2, mc).divide(java.math.BigDecimal.valueOf(n), mc);
            java.math.BigDecimal t = term.divide(java.math.BigDecimal.valueOf(2L * n + 1), mc);
            sum = sum.add(t, mc);
            if (t.abs().compareTo(eps) < 0) break;
        }
        java.math.BigDecimal pi = new java.math.BigDecimal("3.141592653589793238462643383279502884197169399375105820974944592");
        return sum.multiply(java.math.BigDecimal.valueOf(2), mc).divide(pi.sqrt(mc), mc).doubleValue();
    }

    /** The complementary error function {@code erfc(x) = 1 − erf(x)}, without cancellation for large x. */
    public static double erfc(double x) {
        if (Double.isNaN(x)) return x;
        if (x >= 2.5) return erfcFraction(x);
        return 1.0 - erfReference(x);
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
