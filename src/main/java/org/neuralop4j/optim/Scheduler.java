package org.neuralop4j.optim;

/**
 * A learning-rate schedule, stepped once per epoch: {@link #step} sets the optimizer's learning
 * rate for the next epoch from the epoch just finished (and, for the plateau rule, its validation
 * metric).
 */
public sealed interface Scheduler permits Scheduler.Constant, Scheduler.StepDecay, Scheduler.Cosine, Scheduler.WarmupCosine, Scheduler.ReduceOnPlateau {
    /** Called after epoch {@code epoch} (0-based) with that epoch's metric. */
    void step(Optimizer opt, int epoch, double metric);

    /** No change. */
    record Constant() implements Scheduler {
        @Override
        public void step(Optimizer opt, int epoch, double metric) {}
    }

    /** lr = base·γ^⌊(epoch+1)/stepSize⌋ (PyTorch's StepLR). */
    record StepDecay(double base, int stepSize, double gamma) implements Scheduler {
        public StepDecay {
            if (stepSize < 1 || !(gamma > 0)) throw new IllegalArgumentException("StepDecay: step size ≥ 1 and γ > 0, got " + stepSize + ", " + gamma);
        }

        @Override
        public void step(Optimizer opt, int epoch, double metric) {
            opt.setLr(base * Math.pow(gamma, (epoch + 1) / stepSize));
        }
    }

    /** lr = min + (base − min)·(1 + cos(π·(epoch+1)/T))/2, held at min after T (PyTorch's CosineAnnealingLR). */
    record Cosine(double base, double min, int periods) implements Scheduler {
        public Cosine {
            if (periods < 1) throw new IllegalArgumentException("Cosine: T must be ≥ 1, got " + periods);
        }

        @Override
        public void step(Optimizer opt, int epoch, double metric) {
            int e = Math.min(epoch + 1, periods);
            opt.setLr(min + (base - min) * (1 + Math.cos(Math.PI * e / periods)) / 2);
        }
    }

    /**
     * Linear warm-up over the first {@code warmup} epochs (lr = base·(e + 1)/(warmup + 1) in epoch e), then
     * cosine decay to 0 by epoch {@code total}. Construct the optimizer with {@link #first()} as its lr.
     */
    record WarmupCosine(double base, int warmup, int total) implements Scheduler {
        public WarmupCosine {
            if (warmup < 0 || total < 1) throw new IllegalArgumentException("WarmupCosine: warm-up ≥ 0 and total ≥ 1 epochs, got " + warmup + ", " + total);
        }

        public double first() {
            return lrAt(0);
        }

        double lrAt(int e) {
            if (e < warmup) return base * (e + 1) / (warmup + 1);
            int span = Math.max(1, total - warmup);
            return base * (1 + Math.cos(Math.PI * Math.min(e - warmup, span) / span)) / 2;
        }

        @Override
        public void step(Optimizer opt, int epoch, double metric) {
            opt.setLr(lrAt(epoch + 1));
        }
    }

    /**
     * Multiplies lr by {@code factor} when the metric has not improved (by a relative threshold)
     * for more than {@code patience} epochs (PyTorch's ReduceLROnPlateau, mode "min", "rel").
     */
    final class ReduceOnPlateau implements Scheduler {
        private final double factor, threshold, minLr;
        private final int patience;
        private double best = Double.POSITIVE_INFINITY;
        private int bad;

        public ReduceOnPlateau(double factor, int patience, double threshold, double minLr) {
            if (!(factor > 0 && factor < 1) || patience < 0) throw new IllegalArgumentException("ReduceOnPlateau: factor in (0, 1), patience ≥ 0");
            this.factor = factor;
            this.patience = patience;
            this.threshold = threshold;
            this.minLr = minLr;
        }

        @Override
        public void step(Optimizer opt, int epoch, double metric) {
            if (metric < best * (1 - threshold)) {
                best = metric;
                bad = 0;
            } else if (++bad > patience) {
                opt.setLr(Math.max(minLr, opt.lr() * factor));
                bad = 0;
            }
        }

        /** (best, bad epochs), for resume. */
        public double[] state() {
            return new double[] {best, bad};
        }

        public void loadState(double[] s) {
            best = s[0];
            bad = (int) s[1];
        }
    }
}
