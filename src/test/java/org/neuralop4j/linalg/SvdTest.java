package org.neuralop4j.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuralop4j.linalg.Mats.adjoint;
import static org.neuralop4j.linalg.Mats.assertOrthonormalColumns;
import static org.neuralop4j.linalg.Mats.frobenius;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.neuralop4j.props.Gen;
import org.neuralop4j.props.Props;
import org.neuralop4j.tensor.Tensor;

class SvdTest {
    /** Matrices of every kind: random, rank-deficient, zero, badly scaled; tall, wide, 1 × n; real or complex. */
    static Gen<Tensor> matrices() {
        return (r, size) -> {
            int m = 1 + r.nextInt(1 + (int) (11 * size)), n = 1 + r.nextInt(1 + (int) (11 * size));
            if (r.nextInt(8) == 0) m = 1;
            boolean cx = r.nextBoolean();
            Tensor a = switch (r.nextInt(5)) {
                case 0 -> { // rank-deficient: a product through rank ρ < min(m, n)
                    int rho = Math.max(1, Math.min(m, n) - 1 - r.nextInt(2));
                    yield random(r, cx, m, rho).matmul(random(r, cx, rho, n));
                }
                case 1 -> cx ? Tensor.zerosComplex(m, n) : Tensor.zeros(m, n);
                case 2 -> random(r, cx, m, n).scale(Math.pow(10, r.nextInt(41) - 20)); // 1e-20 .. 1e20
                default -> random(r, cx, m, n);
            };
            return a;
        };
    }

    static Tensor random(SplittableRandom r, boolean complex, int... shape) {
        return complex ? Tensor.randnComplex(r.nextLong(), shape) : Tensor.randn(r.nextLong(), shape);
    }

    static Tensor reconstruct(Svd.Result r) {
        return r.u().mul(r.s().reshape(1, -1)).matmul(r.vh());
    }

    @Test
    void factorsAreOrthonormalAndReproduceTheMatrix() {
        Props.forAll("A = U diag(s) Vh, UᴴU = I, Vh Vhᴴ = I, s ≥ 0 descending", matrices(), a -> {
            Svd.Result r = Svd.decompose(a);
            int k = Math.min(a.dim(0), a.dim(1));
            assertArrayEquals(new int[] {a.dim(0), k}, r.u().shape());
            assertArrayEquals(new int[] {k, a.dim(1)}, r.vh().shape());
            assertOrthonormalColumns(r.u(), 1e-13, "U");
            assertOrthonormalColumns(adjoint(r.vh()), 1e-13, "V");
            double[] s = r.s().re();
            for (int i = 0; i < k; i++) {
                assertTrue(s[i] >= 0, "s ≥ 0");
                if (i > 0) assertTrue(s[i] <= s[i - 1], "descending");
            }
            double err = frobenius(reconstruct(r).sub(a));
            assertTrue(err <= 1e-12 * frobenius(a), "‖A − UΣVh‖ = " + err + " for ‖A‖ = " + frobenius(a));
        });
    }

    @Test
    void singularValuesMatchTheEigenvaluesOfTheGramMatrix() {
        Props.forAll("s² = eigenvalues of AᴴA (independent Jacobi eigen-solver)", matrices(), a -> {
            double[] s = Svd.decompose(a).s().re();
            double[] ev = Mats.squaredSingularValuesByEigen(a);
            double scale = s.length == 0 ? 0 : s[0] * s[0];
            for (int i = 0; i < s.length; i++) {
                assertEquals(ev[i], s[i] * s[i], 1e-12 * scale * Math.max(1, s.length) + Double.MIN_VALUE, "value " + i);
            }
        });
    }

    @Test
    void aMatrixOfKnownRankIsRecoveredExactly() {
        Props.forAll("rank-ρ matrix: s[ρ..] ≈ 0, leading ρ terms reproduce A", (r, size) -> {
            int m = 2 + r.nextInt(12), n = 2 + r.nextInt(12), rho = 1 + r.nextInt(Math.min(m, n) - 1);
            boolean cx = r.nextBoolean();
            return random(r, cx, m, rho).matmul(random(r, cx, rho, n));
        }, a -> {
            Svd.Result r = Svd.decompose(a);
            double[] s = r.s().re();
            int rho = 0;
            while (rho < s.length && s[rho] > 1e-10 * s[0]) rho++;
            for (int i = rho; i < s.length; i++) assertTrue(s[i] <= 1e-13 * s[0], "tail value " + s[i]);
            Svd.Result t = new Svd.Result(r.u().slice(1, 0, rho), r.s().slice(0, 0, rho), r.vh().slice(0, 0, rho));
            assertTrue(frobenius(reconstruct(t).sub(a)) <= 1e-12 * frobenius(a));
        });
    }

    @Test
    void theLeadingPathAgreesWithTheFullDecomposition() {
        Props.forAll("leading k: same values, same column space", 40, (r, size) -> {
            int m = 1 + r.nextInt(10), n = 1 + r.nextInt(60);
            return random(r, r.nextBoolean(), m, n);
        }, a -> {
            int k = 1 + a.size() % Math.min(a.dim(0), a.dim(1));
            Svd.Result full = Svd.decompose(a), lead = Svd.leading(a, k);
            assertTrue(lead.s().allClose(full.s().slice(0, 0, k), 1e-12, 1e-12 * full.s().re()[0]));
            // same projector U_k U_kᴴ (random matrices have distinct singular values)
            Tensor pf = full.u().slice(1, 0, k), pl = lead.u();
            assertTrue(pf.matmul(adjoint(pf)).allClose(pl.matmul(adjoint(pl)), 1e-9, 1e-9));
        });
    }

    @Test
    void aLargerComplexMatrixAndAFullRankCompletion() {
        Tensor a = Tensor.randnComplex(3, 70, 40);
        Svd.Result r = Svd.decompose(a);
        assertOrthonormalColumns(r.u(), 1e-13, "U");
        assertTrue(frobenius(reconstruct(r).sub(a)) <= 1e-12 * frobenius(a));
        // a tall 6 × 2 matrix has 2 singular vectors; asking for 5 completes an orthonormal basis
        Tensor tall = Tensor.randnComplex(4, 6, 2);
        Svd.Result l = Svd.leading(tall, 5);
        assertOrthonormalColumns(l.u(), 1e-13, "completed U");
        assertEquals(0.0, l.s().re()[4]);
        assertThrows(IllegalArgumentException.class, () -> Svd.leading(tall, 7));
        assertThrows(IllegalArgumentException.class, () -> Svd.decompose(Tensor.zeros(2, 2, 2)));
    }

    @Test
    void qrFactorsAreOrthonormalAndTriangular() {
        Props.forAll("A = QR, QᴴQ = I, R upper triangular", matrices(), a -> {
            Qr.Result f = Qr.decompose(a);
            int k = Math.min(a.dim(0), a.dim(1));
            assertArrayEquals(new int[] {a.dim(0), k}, f.q().shape());
            assertArrayEquals(new int[] {k, a.dim(1)}, f.r().shape());
            assertOrthonormalColumns(f.q(), 1e-13, "Q");
            for (int i = 0; i < k; i++) for (int j = 0; j < Math.min(i, a.dim(1)); j++) {
                assertEquals(0.0, f.r().get(i, j));
                assertEquals(0.0, f.r().getIm(i, j));
            }
            assertTrue(frobenius(f.q().matmul(f.r()).sub(a)) <= 1e-13 * Math.max(frobenius(a), Double.MIN_NORMAL));
        });
    }
}
