package org.neuralop4j.fft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.neuralop4j.props.Gen;
import org.neuralop4j.props.Props;
import org.neuralop4j.tensor.Tensor;

/** The 1-d transforms against a naive DFT and the identities every DFT satisfies. */
class FftTest {
    static final double TOL = 1e-12;

    /** A random complex vector of a generated FFT length (1..300). */
    static Gen<Tensor> vectors(boolean complex) {
        return (r, size) -> {
            int n = Gen.fftLengths(300).next(r, size);
            return complex ? Tensor.randnComplex(r.nextLong(), n) : Tensor.randn(r.nextLong(), n);
        };
    }

    /** ‖a − b‖₂ / ‖b‖₂ (or the absolute norm when b is zero). */
    static double relErr(Tensor a, Tensor b) {
        double num = 0, den = 0;
        double[] ai = a.im() == null ? new double[a.size()] : a.im(), bi = b.im() == null ? new double[b.size()] : b.im();
        assertArrayEquals(b.shape(), a.shape(), "shapes");
        for (int i = 0; i < a.size(); i++) {
            double dr = a.re()[i] - b.re()[i], di = ai[i] - bi[i];
            num += dr * dr + di * di;
            den += b.re()[i] * b.re()[i] + bi[i] * bi[i];
        }
        return den == 0 ? Math.sqrt(num) : Math.sqrt(num / den);
    }

    static Tensor naive(Tensor x, boolean inverse) {
        double[] im = x.im() == null ? new double[x.size()] : x.im();
        double[][] y = Naive.dft(x.re(), im, inverse);
        return Tensor.ofComplex(y[0], y[1], x.size());
    }

    @Test
    void fftMatchesTheNaiveDftAtEveryLength() {
        Props.forAll("fft = naive DFT, lengths 1..300", vectors(true), x -> {
            double e = relErr(Fft.fft(x), naive(x, false));
            assertTrue(e <= TOL, "relative error " + e);
            double ei = relErr(Fft.ifft(x), naive(x, true).scale(1.0 / x.size()));
            assertTrue(ei <= TOL, "inverse: relative error " + ei);
        });
    }

    @Test
    void fftMatchesTheNaiveDftAtPowersOfTwoUpTo4096() {
        SplittableRandom r = new SplittableRandom(Props.seed());
        for (int n = 1; n <= 4096; n *= 2) {
            Tensor x = Tensor.randnComplex(r.nextLong(), n);
            double e = relErr(Fft.fft(x), naive(x, false));
            assertTrue(e <= TOL, "n = " + n + ": relative error " + e);
        }
    }

    @Test
    void ifftInvertsFft() {
        Props.forAll("ifft(fft(x)) = x", vectors(true), x -> {
            double e = relErr(Fft.ifft(Fft.fft(x)), x);
            assertTrue(e <= TOL, "relative error " + e);
        });
    }

    @Test
    void parsevalHolds() {
        Props.forAll("Σ|x|² = Σ|X|²/n", vectors(true), x -> {
            Tensor f = Fft.fft(x);
            double ex = sq(x), ef = sq(f) / x.size();
            assertEquals(ex, ef, TOL * ex);
        });
    }

    @Test
    void fftIsLinear() {
        Gen<Tensor[]> pairs = (r, size) -> {
            int n = Gen.fftLengths(300).next(r, size);
            return new Tensor[] {Tensor.randnComplex(r.nextLong(), n), Tensor.randnComplex(r.nextLong(), n)};
        };
        Props.forAll("fft(2x − 3y) = 2 fft(x) − 3 fft(y)", pairs, p -> {
            Tensor lhs = Fft.fft(p[0].scale(2).sub(p[1].scale(3)));
            Tensor rhs = Fft.fft(p[0]).scale(2).sub(Fft.fft(p[1]).scale(3));
            assertTrue(relErr(lhs, rhs) <= TOL);
        });
    }

    @Test
    void shiftTheorem() {
        Props.forAll("fft(x shifted by s)[k] = e^{−2πiks/n} X[k]", vectors(true), x -> {
            int n = x.size(), s = (n * 7 + 3) / 5 % n;
            Tensor shifted = Tensor.concat(0, x.slice(0, n - s, n), x.slice(0, 0, n - s)); // y[j] = x[j − s]
            Tensor fx = Fft.fft(x), fy = Fft.fft(shifted);
            double[] pr = new double[n], pi = new double[n];
            for (int k = 0; k < n; k++) {
                double a = -2 * Math.PI * (((long) k * s) % n) / n;
                pr[k] = Math.cos(a);
                pi[k] = Math.sin(a);
            }
            assertTrue(relErr(fy, fx.mul(Tensor.ofComplex(pr, pi, n))) <= TOL);
        });
    }

    @Test
    void realInputHasAHermitianSpectrum() {
        Props.forAll("x real ⇒ X[n−k] = conj X[k]", vectors(false), x -> {
            Tensor f = Fft.fft(x);
            int n = x.size();
            for (int k = 1; k < n; k++) {
                assertEquals(f.re()[k], f.re()[n - k], 1e-10 * (1 + Math.abs(f.re()[k])));
                assertEquals(f.im()[k], -f.im()[n - k], 1e-10 * (1 + Math.abs(f.im()[k])));
            }
        });
    }

    @Test
    void rfftIsTheFirstHalfOfFft() {
        Props.forAll("rfft(x) = fft(x)[0..n/2]", vectors(false), x -> {
            int n = x.size();
            Tensor full = Fft.fft(x).slice(0, 0, n / 2 + 1);
            Tensor half = Fft.rfft(x);
            assertEquals(n / 2 + 1, half.size());
            assertTrue(relErr(half, full) <= TOL, "relative error " + relErr(half, full));
        });
    }

    @Test
    void irfftInvertsRfftForOddAndEvenLengths() {
        Props.forAll("irfft(rfft(x), n) = x", vectors(false), x -> {
            Tensor back = Fft.irfft(Fft.rfft(x), x.size());
            assertTrue(!back.isComplex());
            assertTrue(relErr(back, x) <= TOL);
        });
    }

    @Test
    void irfftMatchesNumpysDefinitionOnAnyBins() {
        // arbitrary bins: imaginary DC and Nyquist parts, too few or too many bins for n
        Gen<Object[]> cases = (r, size) -> {
            int n = Gen.fftLengths(200).next(r, size);
            int bins = 1 + r.nextInt(n / 2 + 3);
            return new Object[] {n, Tensor.randnComplex(r.nextLong(), bins)};
        };
        Props.forAll("irfft(X, n) = Re(inverse DFT of the Hermitian extension)", cases, c -> {
            int n = (Integer) c[0];
            Tensor b = (Tensor) c[1];
            Tensor expected = Tensor.of(Naive.irfft(b.re(), b.im(), n), n);
            assertTrue(relErr(Fft.irfft(b, n), expected) <= TOL);
        });
    }

    @Test
    void normsScaleAsNumpyDoes() {
        Props.forAll("ortho is unitary; forward = backward / n", vectors(true), x -> {
            int n = x.size();
            Tensor o = Fft.fft(x, 0, Norm.ORTHO);
            assertEquals(sq(x), sq(o), TOL * sq(x));
            assertTrue(relErr(Fft.fft(x, 0, Norm.FORWARD), Fft.fft(x).scale(1.0 / n)) <= TOL);
            assertTrue(relErr(Fft.ifft(o, 0, Norm.ORTHO), x) <= TOL);
            assertTrue(relErr(Fft.ifft(Fft.fft(x, 0, Norm.FORWARD), 0, Norm.FORWARD), x) <= TOL);
            assertTrue(relErr(Fft.irfft(Fft.rfft(x.real(), 0, Norm.ORTHO), n, 0, Norm.ORTHO), x.real()) <= TOL);
        });
    }

    @Test
    void rawTransformIsUnnormalizedAndInPlace() {
        Tensor x = Tensor.randnComplex(5, 12);
        double[] re = x.re().clone(), im = x.im().clone();
        Fft.transform(re, im, false);
        assertTrue(relErr(Tensor.ofComplex(re, im, 12), naive(x, false)) <= TOL);
        Fft.transform(re, im, true);
        assertTrue(relErr(Tensor.ofComplex(re, im, 12), x.scale(12)) <= TOL);
    }

    @Test
    void badLengthsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Fft.fft(Tensor.zeros(0)));
        assertThrows(IllegalArgumentException.class, () -> Fft.irfft(Tensor.zerosComplex(3), 0));
        assertThrows(IllegalArgumentException.class, () -> Fft.rfft(Tensor.zerosComplex(4)));
        assertThrows(IllegalArgumentException.class, () -> Fft.transform(new double[4], new double[3], false));
    }

    static double sq(Tensor t) {
        double s = 0;
        for (int i = 0; i < t.size(); i++) {
            s += t.re()[i] * t.re()[i];
            if (t.im() != null) s += t.im()[i] * t.im()[i];
        }
        return s;
    }
}
