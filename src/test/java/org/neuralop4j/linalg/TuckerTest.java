package org.neuralop4j.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuralop4j.linalg.Mats.assertOrthonormalColumns;
import static org.neuralop4j.linalg.Mats.frobenius;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.neuralop4j.props.Gen;
import org.neuralop4j.props.Props;
import org.neuralop4j.tensor.Tensor;

class TuckerTest {
    static final int TRIES = 40;

    /** Tensors of rank 2..4 with dimensions 1..6, real or complex. */
    static Gen<Tensor> tensors() {
        return (r, size) -> Gen.anyTensor(r, Gen.shapes(2, 4, 6).next(r, size));
    }

    /** A random matrix with orthonormal columns (n × k), from QR. */
    static Tensor orthonormal(SplittableRandom r, int n, int k, boolean complex) {
        Tensor a = complex ? Tensor.randnComplex(r.nextLong(), n, k) : Tensor.randn(r.nextLong(), n, k);
        return Qr.decompose(a).q();
    }

    @Test
    void unfoldOrdersColumnsAsDocumentedAndFoldInvertsIt() {
        Props.forAll("unfold(X, k)[i_k, col] = X[i], col row-major over the other axes; fold ∘ unfold = id", TRIES, tensors(), x -> {
            int k = x.size() % x.rank();
            Tensor u = Modes.unfold(x, k);
            int[] shape = x.shape();
            int[] idx = new int[shape.length];
            for (int off = 0; off < x.size(); off++) {
                idx = org.neuralop4j.tensor.Shapes.unravel(off, shape);
                int col = 0;
                for (int d = 0; d < shape.length; d++) if (d != k) col = col * shape[d] + idx[d];
                assertEquals(x.get(idx), u.get(idx[k], col));
                assertEquals(x.getIm(idx), u.getIm(idx[k], col));
            }
            assertEquals(0.0, Modes.fold(u, k, shape).maxAbsDiff(x));
        });
    }

    @Test
    void modeProductMatchesItsDefinition() {
        Props.forAll("(X ×_k M)[…j…] = Σ_i M[j, i] X[…i…]", TRIES, tensors(), x -> {
            SplittableRandom r = new SplittableRandom(x.size());
            int k = x.size() % x.rank(), j = 1 + r.nextInt(4);
            Tensor m = Gen.anyTensor(r, j, x.dim(k));
            Tensor y = Modes.product(x, m, k, false);
            Tensor yT = Modes.product(x, Mats.adjoint(m), k, true); // Mᴴ given, (Mᴴ)ᴴ = M used
            assertTrue(y.allClose(yT, 1e-14, 1e-14));
            int[] shape = y.shape();
            int[] idx = new int[shape.length];
            for (int off = 0; off < y.size(); off++) {
                idx = org.neuralop4j.tensor.Shapes.unravel(off, shape);
                double re = 0, im = 0;
                int[] src = idx.clone();
                for (int i = 0; i < x.dim(k); i++) {
                    src[k] = i;
                    double ar = m.get(idx[k], i), ai = m.getIm(idx[k], i), br = x.get(src), bi = x.getIm(src);
                    re += ar * br - ai * bi;
                    im += ar * bi + ai * br;
                }
                assertEquals(re, y.get(idx), 1e-12);
                assertEquals(im, y.getIm(idx), 1e-12);
            }
        });
    }

    @Test
    void modeProductIdentities() {
        Props.forAll("X ×_k A ×_k B = X ×_k BA; X ×_k U ×_k Uᴴ = X for unitary U; products on different modes commute",
                TRIES, tensors(), x -> {
                    SplittableRandom r = new SplittableRandom(x.size() + 1);
                    int k = x.size() % x.rank(), l = (k + 1) % x.rank(), n = x.dim(k);
                    Tensor a = Gen.anyTensor(r, 3, n), b = Gen.anyTensor(r, 2, 3);
                    Tensor lhs = Modes.product(Modes.product(x, a, k, false), b, k, false);
                    assertTrue(lhs.allClose(Modes.product(x, b.matmul(a), k, false), 1e-12, 1e-12));
                    Tensor u = orthonormal(r, n, n, true);
                    Tensor back = Modes.product(Modes.product(x, u, k, false), u, k, true);
                    assertTrue(back.allClose(x, 1e-12, 1e-12));
                    Tensor c = Gen.anyTensor(r, 2, x.dim(l));
                    Tensor kl = Modes.product(Modes.product(x, a, k, false), c, l, false);
                    Tensor lk = Modes.product(Modes.product(x, c, l, false), a, k, false);
                    assertTrue(kl.allClose(lk, 1e-12, 1e-12));
                });
    }

    /** A tensor of exactly known Tucker ranks: a random core times random orthonormal factors. */
    record Known(Tensor x, int[] ranks) {}

    static Gen<Known> knownRank() {
        return (r, size) -> {
            int d = 2 + r.nextInt(3);
            int[] shape = new int[d], ranks = new int[d];
            boolean cx = r.nextBoolean();
            for (int k = 0; k < d; k++) {
                shape[k] = 2 + r.nextInt(5);
                ranks[k] = 1 + r.nextInt(shape[k]);
            }
            // a core of full multilinear rank needs each R_k ≤ Π_{j≠k} R_j
            for (int k = 0; k < d; k++) {
                int others = 1;
                for (int j = 0; j < d; j++) if (j != k) others *= ranks[j];
                ranks[k] = Math.min(ranks[k], others);
            }
            Tensor core = cx ? Tensor.randnComplex(r.nextLong(), ranks) : Tensor.randn(r.nextLong(), ranks);
            Tensor[] u = new Tensor[d];
            for (int k = 0; k < d; k++) u[k] = orthonormal(r, shape[k], ranks[k], cx);
            return new Known(new Tucker(core, u).reconstruct(), ranks);
        };
    }

    @Test
    void aTensorOfKnownTuckerRankIsRecoveredExactly() {
        Props.forAll("HOSVD and HOOI at the true ranks reproduce X", TRIES, knownRank(), c -> {
            Tensor x = c.x();
            Tucker h = Tucker.hosvd(x, c.ranks());
            assertArrayEquals(c.ranks(), h.ranks());
            assertTrue(frobenius(h.reconstruct().sub(x)) <= 1e-12 * frobenius(x), "HOSVD");
            Tucker o = Tucker.hooi(x, c.ranks(), null, 5, 1e-14);
            assertTrue(frobenius(o.reconstruct().sub(x)) <= 1e-12 * frobenius(x), "HOOI");
            for (Tensor f : h.factors()) assertOrthonormalColumns(f, 1e-13, "factor");
        });
    }

    /** A random tensor and random ranks. */
    record Truncation(Tensor x, int[] ranks) {}

    static Gen<Truncation> truncations() {
        return (r, size) -> {
            Tensor x = Gen.anyTensor(r, Gen.shapes(2, 4, 6).next(r, size));
            int[] ranks = new int[x.rank()];
            for (int k = 0; k < ranks.length; k++) ranks[k] = 1 + r.nextInt(x.dim(k));
            return new Truncation(x, ranks);
        };
    }

    @Test
    void hosvdMeetsItsErrorBoundAndHooiDoesNoWorse() {
        Props.forAll("‖X − X̂‖² ≤ Σ_k discarded σ²(X_(k)); HOOI error ≤ HOSVD error", TRIES, truncations(), c -> {
            Tensor x = c.x();
            Tucker h = Tucker.hosvd(x, c.ranks());
            double err2 = Tucker.squaredNorm(h.reconstruct().sub(x));
            double bound = 0;
            for (int k = 0; k < x.rank(); k++) {
                double[] s = Svd.decompose(Modes.unfold(x, k)).s().re();
                for (int i = c.ranks()[k]; i < s.length; i++) bound += s[i] * s[i];
            }
            double scale = Tucker.squaredNorm(x);
            assertTrue(err2 <= bound + 1e-12 * scale, "error² " + err2 + " above the bound " + bound);
            for (Tensor f : h.factors()) assertOrthonormalColumns(f, 1e-13, "HOSVD factor");
            Tucker o = Tucker.hooi(x, c.ranks(), h.factors(), 10, 0);
            double errHooi = Tucker.squaredNorm(o.reconstruct().sub(x));
            assertTrue(errHooi <= err2 + 1e-12 * scale, "HOOI " + errHooi + " above HOSVD " + err2);
            for (Tensor f : o.factors()) assertOrthonormalColumns(f, 1e-13, "HOOI factor");
        });
    }

    @Test
    void ranksFromRatioHoldAboutThatFractionAndOneReproducesX() {
        Props.forAll("ranks from r: count ≈ r·ΠN; r = 1 reproduces X", TRIES, tensors(), x -> {
            int[] full = Tucker.ranksFromRatio(x.shape(), 1.0);
            assertArrayEquals(x.shape(), full);
            Tucker t = Tucker.hosvd(x, full);
            assertTrue(frobenius(t.reconstruct().sub(x)) <= 1e-12 * Math.max(frobenius(x), 1e-300));
        });
        int[] shape = {32, 32, 12, 7};
        for (double r : new double[] {0.05, 0.1, 0.25, 0.5}) {
            int[] ranks = Tucker.ranksFromRatio(shape, r);
            long count = 1, prod = 1;
            for (int k = 0; k < 4; k++) {
                count *= ranks[k];
                prod *= shape[k];
            }
            for (int k = 0; k < 4; k++) count += (long) shape[k] * ranks[k];
            assertEquals(r, (double) count / prod, 0.35 * r, "r = " + r + ", ranks " + java.util.Arrays.toString(ranks));
        }
        assertThrows(IllegalArgumentException.class, () -> Tucker.ranksFromRatio(shape, 0));
    }

    @Test
    void badArgumentsAreRefused() {
        Tensor x = Tensor.randn(1, 3, 4, 5);
        assertThrows(IllegalArgumentException.class, () -> Tucker.hosvd(x, 2, 2));
        assertThrows(IllegalArgumentException.class, () -> Tucker.hosvd(x, 2, 5, 2));
        assertThrows(IllegalArgumentException.class, () -> Tucker.hooi(x, new int[] {2, 2, 2}, new Tensor[] {Tensor.zeros(3, 1)}, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> Modes.fold(Tensor.zeros(4, 15), 0, 3, 4, 5));
        assertThrows(IllegalArgumentException.class, () -> Modes.product(x, Tensor.zeros(2, 3), 1, false));
    }
}
