package org.neuralop4j.linalg;

import org.neuralop4j.tensor.Tensor;

/**
 * A dense m × n matrix stored column by column (element (i, j) at {@code j·m + i}), real or
 * complex with split parts. The decompositions work on columns — Householder vectors, Jacobi
 * rotations — so columns are kept contiguous; tensors (row-major) are converted on the way in and
 * out.
 */
final class ColMatrix {
    final int m, n;
    final double[] re;
    final double[] im; // null for a real matrix

    ColMatrix(int m, int n, boolean complex) {
        this.m = m;
        this.n = n;
        re = new double[m * n];
        im = complex ? new double[m * n] : null;
    }

    boolean complex() {
        return im != null;
    }

    /** The matrix of a 2-d tensor, or of its conjugate transpose. */
    static ColMatrix of(Tensor a, boolean conjugateTranspose) {
        if (a.rank() != 2) throw new IllegalArgumentException("expected a matrix, got shape " + java.util.Arrays.toString(a.shape()));
        int rows = a.dim(0), cols = a.dim(1);
        double[] ar = a.re(), ai = a.im();
        if (!conjugateTranspose) {
            ColMatrix c = new ColMatrix(rows, cols, ai != null);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    c.re[j * rows + i] = ar[i * cols + j];
                    if (ai != null) c.im[j * rows + i] = ai[i * cols + j];
                }
            }
            return c;
        }
        ColMatrix c = new ColMatrix(cols, rows, ai != null);
        System.arraycopy(ar, 0, c.re, 0, ar.length); // row i of a is column i of aᴴ
        if (ai != null) for (int k = 0; k < ai.length; k++) c.im[k] = -ai[k];
        return c;
    }

    /** This matrix as a row-major tensor, or its conjugate transpose. */
    Tensor toTensor(boolean conjugateTranspose) {
        if (conjugateTranspose) {
            double[] r = re.clone(), i = im == null ? null : im.clone();
            if (i != null) for (int k = 0; k < i.length; k++) i[k] = -i[k];
            return i == null ? Tensor.of(r, n, m) : Tensor.ofComplex(r, i, n, m);
        }
        double[] r = new double[m * n], i = im == null ? null : new double[m * n];
        for (int row = 0; row < m; row++) {
            for (int col = 0; col < n; col++) {
                r[row * n + col] = re[col * m + row];
                if (i != null) i[row * n + col] = im[col * m + row];
            }
        }
        return i == null ? Tensor.of(r, m, n) : Tensor.ofComplex(r, i, m, n);
    }

    /** The identity's first n columns (m × n), complex if asked. */
    static ColMatrix eye(int m, int n, boolean complex) {
        ColMatrix e = new ColMatrix(m, n, complex);
        for (int j = 0; j < Math.min(m, n); j++) e.re[j * m + j] = 1;
        return e;
    }
}
