package org.neuralop4j.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpecialTest {
    @Test
    void erfMatchesKnownValues() {
        // reference values of erf and erfc (Abramowitz and Stegun, table 7.1, and higher-precision tables)
        assertEquals(0.5204998778130465, Special.erf(0.5), 5e-16);
        assertEquals(0.8427007929497149, Special.erf(1.0), 5e-16);
        assertEquals(0.9953222650189527, Special.erf(2.0), 5e-16);
        assertEquals(-0.8427007929497149, Special.erf(-1.0), 5e-16);
        assertEquals(2.209049699858544e-05, Special.erfc(3.0), 1e-19);
        assertEquals(1.5374597944280349e-12, Special.erfc(5.0), 1e-25);
        assertEquals(0.0, Special.erf(0.0));
        // continuity where the pieces meet
        assertEquals(Special.erf(2.5 - 1e-12), Special.erf(2.5), 1e-14);
        assertEquals(Special.erf(6 - 1e-12), Special.erf(6), 1e-15);
        assertEquals(1.0, Special.erf(30));
        assertTrue(Double.isNaN(Special.erf(Double.NaN)));
    }

    @Test
    void erfIsWithinTwoUlpsOfADecimalReference() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        for (int i = 0; i < 3000; i++) {
            double x = i % 3 == 0 ? (r.nextDouble() - 0.5) * 1e-3 : (r.nextDouble() - 0.5) * 14;
            double exact = Special.erfExact(x);
            assertEquals(exact, Special.erf(x), 2 * Math.ulp(exact), "x = " + x);
        }
        assertEquals(1e-300 * 2 / Math.sqrt(Math.PI), Special.erf(1e-300), 1e-315, "relative accuracy near 0");
    }

    @Test
    void theGeluKernelMatchesItsClosedForms() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(2);
        int n = 20000;
        double[] x = new double[n], y = new double[n], dy = new double[n];
        for (int i = 0; i < n; i++) x[i] = i < 10 ? new double[] {0, -0.0, 1e-300, -1e-12, 8.48, 8.49, -8.49, 12, -40, 1e3}[i] : r.nextGaussian() * (i % 2 == 0 ? 1 : 4);
        Special.gelu(x, y, dy, 0, n);
        for (int i = 0; i < n; i++) {
            double t = x[i], cdf = 0.5 * (1 + Special.erf(t / Math.sqrt(2)));
            double pdf = Math.exp(-0.5 * t * t) / Math.sqrt(2 * Math.PI);
            assertEquals(t * cdf, y[i], 1e-15 * Math.abs(t), "y at " + t); // Φ = (1 + erf)/2 cancels for negative x
            double d = cdf + t * pdf;
            assertEquals(d, dy[i], 4e-14 * (cdf + Math.abs(t) * pdf) + 1e-300, "dy at " + t); // relative to the terms: Φ + xφ cancels near −0.75
        }
    }
}
