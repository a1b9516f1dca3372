package org.neuralop4j.linalg;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.neuralop4j.tensor.Tensor;

/** Test helpers: norms, orthonormality, and an independent eigenvalue solver. */
final class Mats {
    private Mats() {}

    static double frobenius(Tensor t) {
        return Math.sqrt(Tucker.squaredNorm(t));
    }

    static Tensor adjoint(Tensor a) {
        return a.transpose(0, 1).conj();
    }

    /** Asserts ‖QᴴQ − I‖_max ≤ tol (columns orthonormal). */
    static void assertOrthonormalColumns(Tensor q, double tol, String what) {
        Tensor g = adjoint(q).matmul(q);
        int k = q.dim(1);
        Tensor eye = Tensor.zeros(k, k);
        for (int i = 0; i < k; i++) eye.re()[i * k + i] = 1;
        double d = g.maxAbsDiff(eye);
        assertTrue(d <= tol, what + ": ‖QᴴQ − I‖ = " + d);
    }

    /**
     * The eigenvalues of a real symmetric matrix by the cyclic Jacobi method (Golub and Van Loan,
     * Algorithm 8.5.3), written here independently of the library's SVD. Descending.
     */
    static double[] symmetricEigenvalues(double[][] a) {
        int n = a.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) m[i] = a[i].clone();
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int p = 0; p < n; p++) for (int q = p + 1; q < n; q++) off += m[p][q] * m[p][q];
            if (off == 0) break;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (m[p][q] == 0) continue;
                    double tau = (m[q][q] - m[p][p]) / (2 * m[p][q]);
                    double t = (tau >= 0 ? 1 : -1) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
                    double c = 1 / Math.sqrt(1 + t * t), s = t * c;
                    for (int k = 0; k < n; k++) { // columns p, q
                        double x = m[k][p], y = m[k][q];
                        m[k][p] = c * x - s * y;
                        m[k][q] = s * x + c * y;
                    }
                    for (int k = 0; k < n; k++) { // rows p, q
                        double x = m[p][k], y = m[q][k];
                        m[p][k] = c * x - s * y;
                        m[q][k] = s * x + c * y;
                    }
                }
            }
        }
        double[] ev = new double[n];
        for (int i = 0; i < n; i++) ev[i] = m[i][i];
        Arrays.sort(ev);
        for (int i = 0; i < n / 2; i++) {
            double t = ev[i];
            ev[i] = ev[n - 1 - i];
            ev[n - 1 - i] = t;
        }
        return ev;
    }

    /**
     * Singular values of A from the eigenvalues of the Gram matrix G = AᴴA (or AAᴴ, the smaller),
     * through G's real symmetric embedding [[Re G, −Im G], [Im G, Re G]], in which each eigenvalue
     * of G appears twice. Returns the k = min(m, n) squared singular values, descending.
     */
    static double[] squaredSingularValuesByEigen(Tensor a) {
        Tensor g = a.dim(0) >= a.dim(1) ? adjoint(a).matmul(a) : a.matmul(adjoint(a));
        int n = g.dim(0);
        double[][] e = new double[2 * n][2 * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double re = g.get(i, j), im = g.getIm(i, j);
                e[i][j] = re;
                e[i + n][j + n] = re;
                e[i][j + n] = -im;
                e[i + n][j] = im;
            }
        }
        double[] ev = symmetricEigenvalues(e);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = ev[2 * i]; // each appears twice
        return out;
    }
}
