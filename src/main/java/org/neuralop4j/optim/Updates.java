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
}
