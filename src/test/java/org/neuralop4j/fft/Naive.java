package org.neuralop4j.fft;

import org.neuralop4j.tensor.Tensor;

/** Reference transforms straight from the definitions, O(n²): the oracle the fast code is tested against. */
final class Naive {
    private Naive() {}

    /** X[k] = Σ_j x[j]·e^{∓2πi·jk/n}; the angle uses jk mod n in exact integer arithmetic. */
    static double[][] dft(double[] re, double[] im, boolean inverse) {
        int n = re.length;
        double[] xr = new double[n], xi = new double[n];
        double s = inverse ? 1 : -1;
        for (int k = 0; k < n; k++) {
            double ar = 0, ai = 0;
            for (int j = 0; j < n; j++) {
                double a = s * 2 * Math.PI * (((long) j * k) % n) / n;
                double c = Math.cos(a), d = Math.sin(a);
                ar += re[j] * c - im[j] * d;
                ai += re[j] * d + im[j] * c;
            }
            xr[k] = ar;
            xi[k] = ai;
        }
        return new double[][] {xr, xi};
    }

    /** The multi-dimensional DFT over every axis of a complex tensor, summed directly over all indices. */
    static Tensor dftAll(Tensor x, boolean inverse) {
        int[] shape = x.shape();
        int n = x.size();
        double[] xi = x.im() == null ? new double[n] : x.im();
        double[] or = new double[n], oi = new double[n];
        double s = inverse ? 1 : -1;
        int[] k, j;
        for (int ko = 0; ko < n; ko++) {
            k = org.neuralop4j.tensor.Shapes.unravel(ko, shape);
            double ar = 0, ai = 0;
            for (int jo = 0; jo < n; jo++) {
                j = org.neuralop4j.tensor.Shapes.unravel(jo, shape);
                double phase = 0;
                for (int d = 0; d < shape.length; d++) phase += (double) ((long) j[d] * k[d] % shape[d]) / shape[d];
                double a = s * 2 * Math.PI * phase, c = Math.cos(a), sn = Math.sin(a);
                ar += x.re()[jo] * c - xi[jo] * sn;
                ai += x.re()[jo] * sn + xi[jo] * c;
            }
            or[ko] = ar;
            oi[ko] = ai;
        }
        return Tensor.ofComplex(or, oi, shape);
    }

    /**
     * numpy's irfft from its definition: extend the n/2+1 bins to a Hermitian spectrum
     * (X[n−k] = conj X[k]), take the inverse DFT, keep the real part, divide by n.
     */
    static double[] irfft(double[] br, double[] bi, int n) {
        double[] fr = new double[n], fi = new double[n];
        for (int k = 0; k < n; k++) {
            if (k <= n / 2) {
                fr[k] = k < br.length ? br[k] : 0;
                fi[k] = k < br.length ? bi[k] : 0;
            } else {
                fr[k] = n - k < br.length ? br[n - k] : 0;
                fi[k] = n - k < br.length ? -bi[n - k] : 0;
            }
        }
        double[] x = dft(fr, fi, true)[0];
        for (int i = 0; i < n; i++) x[i] /= n;
        return x;
    }
}
