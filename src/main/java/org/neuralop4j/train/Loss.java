package org.neuralop4j.train;

import org.neuralop4j.autograd.ComplexOps;
import org.neuralop4j.autograd.Ops;
import org.neuralop4j.autograd.Pointwise;
import org.neuralop4j.autograd.SpectralOps;
import org.neuralop4j.autograd.Var;
import org.neuralop4j.fft.Norm;
import org.neuralop4j.tensor.Tensor;

/**
 * Losses between a prediction and the truth, both (batch, channels, n_1…n_d) on the unit domain,
 * averaged over the batch. Norms are quadrature approximations of function norms (each grid cell
 * weighs Π 1/n_k), so their values do not depend on the resolution.
 */
public sealed interface Loss permits Loss.Lp, Loss.H1, Loss.Mse {
    Var apply(Var prediction, Var truth);

    /** The relative L2 loss, the usual training objective of neural operators. */
    static Loss relativeL2() {
        return new Lp(2, true);
    }

    /**
     * Lp: {@code ‖f‖_p = (Σ |f|^p · Π 1/n_k)^{1/p}} over channels and grid; relative:
     * {@code ‖pred − truth‖_p / ‖truth‖_p} per sample (the cell weight cancels).
     */
    record Lp(double p, boolean relative) implements Loss {
        public Lp {
            if (!(p >= 1)) throw new IllegalArgumentException("Lp loss: p must be ≥ 1, got " + p);
        }

        @Override
        public Var apply(Var prediction, Var truth) {
            Var num = norm(Ops.sub(prediction, truth));
            Var per = relative ? Ops.div(num, norm(truth)) : num;
            return Ops.mean(per);
        }

        /** Per-sample norm, shape (batch). */
        private Var norm(Var f) {
            int[] s = f.shape();
            double cell = 1;
            for (int k = 2; k < s.length; k++) cell /= s[k];
            Var powed = p == 2 ? Pointwise.square(f) : Pointwise.pow(Pointwise.abs(f), p);
            Var sum = Ops.scale(Ops.sum(powed, rest(s.length)), cell);
            return p == 2 ? Pointwise.sqrt(sum) : Pointwise.pow(sum, 1 / p);
        }
    }

    /**
     * H1 by spectral derivatives on the periodic unit domain:
     * {@code ‖f‖²_H1 = Σ_k (1 + Σ_j (2πk_j)²)·|f̂_k|²}, f̂ the Fourier coefficients (norm "forward", so
     * Σ|f̂|² = ∫|f|² by Parseval); relative: {@code ‖pred − truth‖_H1 / ‖truth‖_H1}.
     */
    record H1(boolean relative) implements Loss {
        @Override
        public Var apply(Var prediction, Var truth) {
            Var num = norm(Ops.sub(prediction, truth));
            Var per = relative ? Ops.div(num, norm(truth)) : num;
            return Ops.mean(per);
        }

        private static Var norm(Var f) {
            int[] s = f.shape();
            int d = s.length - 2;
            int[] axes = new int[d];
            for (int k = 0; k < d; k++) axes[k] = k + 2;
            Var hat = SpectralOps.fftn(f, axes, Norm.FORWARD);
            Var power = ComplexOps.real(Ops.mul(hat, ComplexOps.conj(hat)));
            Var weighted = Ops.mul(power, Var.constant(weights(s)));
            return Pointwise.sqrt(Ops.sum(weighted, rest(s.length)));
        }

        /** 1 + Σ_j (2π k_j)² on the grid of frequencies (numpy's fftfreq order), shape (1, 1, n…). */
        static Tensor weights(int[] s) {
            int d = s.length - 2;
            int[] shape = s.clone();
            shape[0] = 1;
            shape[1] = 1;
            Tensor w = Tensor.zeros(shape);
            double[] out = w.re();
            for (int off = 0; off < out.length; off++) {
                int[] idx = org.neuralop4j.tensor.Shapes.unravel(off, shape);
                double sum = 1;
                for (int j = 0; j < d; j++) {
                    int n = shape[j + 2], k = idx[j + 2];
                    int freq = k <= (n - 1) / 2 ? k : k - n;
                    sum += 4 * Math.PI * Math.PI * freq * freq;
                }
                out[off] = sum;
            }
            return w;
        }
    }

    /** The mean squared error over every element (masked-reconstruction pretraining). */
    record Mse() implements Loss {
        @Override
        public Var apply(Var prediction, Var truth) {
            return Ops.mean(Pointwise.square(Ops.sub(prediction, truth)));
        }
    }

    /** The axes 1..rank−1. */
    private static int[] rest(int rank) {
        int[] a = new int[rank - 1];
        for (int i = 0; i < a.length; i++) a[i] = i + 1;
        return a;
    }
}
