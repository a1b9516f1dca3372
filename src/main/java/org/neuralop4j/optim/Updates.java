package org.neuralop4j.optim;

import org.neuralop4j.tensor.Tensor;

/** In-place parameter arithmetic shared by the optimizers. */
final class Updates {
    private Updates() {}

    /** p ← p + a·d, in place (d may be real for a complex p; a complex d for a real p is not allowed). */
    static void addScaled(Tensor p, double a, Tensor d) {
        double[] pr = p.re(), dr = d.re();
        for (int k = 0; k < pr.length; k++) pr[k] += a * dr[k];
        if (d.im() != null) {
            if (p.im() == null) throw new IllegalArgumentException("optimizer: complex update for a real parameter");
            double[] pi = p.im(), di = d.im();
            for (int k = 0; k < pi.length; k++) pi[k] += a * di[k];
        }
    }

    /** p ← (1 − f)·p, in place. */
    static void shrink(Tensor p, double f) {
        double s = 1 - f;
        double[] pr = p.re();
        for (int k = 0; k < pr.length; k++) pr[k] *= s;
        if (p.im() != null) {
            double[] pi = p.im();
            for (int k = 0; k < pi.length; k++) pi[k] *= s;
        }
    }

    /**
     * Adam's moments and step in PyTorch's arithmetic order: m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)|g|²
     * (in place), and the returned step {@code stepSize·m/(√v/sqrtBc2 + ε)}, complex when m is
     * (stepSize = lr/(1 − β₁ᵗ), sqrtBc2 = √(1 − β₂ᵗ)).
     */
    static Tensor adamStep(Tensor g, Tensor m, Tensor v, double b1, double b2, double eps, double stepSize, double sqrtBc2) {
        double[] gr = g.re(), gi = g.im(), mr = m.re(), mim = m.im(), vv = v.re();
        double[] nr = new double[gr.length], ni = mim == null ? null : new double[gr.length];
        for (int k = 0; k < gr.length; k++) {
            double re = gr[k], im = gi == null ? 0 : gi[k];
            mr[k] = b1 * mr[k] + (1 - b1) * re;
            vv[k] = b2 * vv[k] + (1 - b2) * (re * re + im * im);
            double denom = Math.sqrt(vv[k]) / sqrtBc2 + eps;
            nr[k] = stepSize * mr[k] / denom;
            if (ni != null) {
                mim[k] = b1 * mim[k] + (1 - b1) * im;
                ni[k] = stepSize * mim[k] / denom;
            }
        }
        return ni == null ? Tensor.wrap(nr, g.shape()) : Tensor.ofComplex(nr, ni, g.shape());
    }
}
