package org.neuralop4j.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.neuralop4j.autograd.Var;
import org.neuralop4j.data.Dataset;
import org.neuralop4j.nn.Module;
import org.neuralop4j.optim.Optimizer;
import org.neuralop4j.optim.Scheduler;
import org.neuralop4j.tensor.Flops;
import org.neuralop4j.tensor.Tensor;

/**
 * Trains a model by minibatch gradient descent: each epoch visits the training set in batches
 * drawn from a shuffle seeded by (seed, epoch), steps the optimizer once per batch, evaluates every
 * test set, steps the scheduler, and records the epoch.
 *
 * <p>Progress goes to a {@link Listener}; nothing is printed here. If a batch loss is NaN or
 * infinite, training stops with {@link Diverged}, after restoring the parameters and optimizer
 * state of the end of the last good epoch. {@link #state()} and {@link #resume(State)} carry a run
 * across processes: because batches depend only on (seed, epoch), a resumed run computes exactly
 * the numbers an uninterrupted one would.
 */
public final class Trainer {
    /** How to train. {@code clip} ≤ 0 means no gradient clipping. */
    public record Settings(int epochs, int batchSize, long seed, double clip) {
        public Settings {
            if (epochs < 0 || batchSize < 1) throw new IllegalArgumentException("Trainer: epochs ≥ 0 and batch size ≥ 1, got " + epochs + ", " + batchSize);
        }
    }

    /**
     * One finished epoch: mean training loss, each test set's mean loss, the learning rate used, wall
     * time, the floating-point operations of its training steps (forward and backward passes, see
     * {@link Flops}; evaluation not included), and what a {@link Schedule} recorded (IFNO: modes and
     * resolution; empty otherwise).
     */
    public record Epoch(int epoch, double trainLoss, Map<String, Double> testLoss, double lr, double seconds, long flops,
                        Map<String, Integer> info) {
        public Epoch {
            info = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(info)); // keeps the schedule's order (Map.copyOf would not)
        }
    }

    /** Changes training as the epochs go (the incremental FNO): each epoch's data, and a look at each finished one. */
    public interface Schedule {
        /** The training data of epoch e (for example the full data subsampled). */
        Dataset data(int epoch, Dataset train);

        /** Recorded with epoch e's result. */
        Map<String, Integer> info(int epoch);

        /** Called once epoch e is recorded (history ends with it); may change the model before the next. */
        void after(List<Epoch> history);
    }

    private static final Schedule FIXED = new Schedule() {
        @Override
        public Dataset data(int epoch, Dataset train) {
            return train;
        }

        @Override
        public Map<String, Integer> info(int epoch) {
            return Map.of();
        }

        @Override
        public void after(List<Epoch> history) {}
    };

    /** Hears about progress (the command draws a progress bar from it). */
    public interface Listener {
        default void batch(int epoch, int batch, int batches, double loss) {}

        default void epoch(Epoch e) {}
    }

    /** Thrown when the loss stops being finite; the model holds the last good epoch's parameters. */
    public static final class Diverged extends IllegalStateException {
        Diverged(String message) {
            super(message);
        }
    }

    /** Everything needed to continue a run: epochs done, parameters, optimizer state, learning rate, history. */
    public record State(int epochsDone, Map<String, Tensor> parameters, Map<String, Tensor> optimizer, double lr, List<Epoch> history) {}

    private final Module model;
    private final UnaryOperator<Var> forward;
    private final Optimizer optimizer;
    private final Scheduler scheduler;
    private final Loss trainLoss, testLoss;
    private final Settings settings;
    private final List<Epoch> history = new ArrayList<>();
    private int epochsDone;
    private Schedule schedule = FIXED;
    private java.util.function.Supplier<Var> penalty;

    /**
     * @param forward the model's forward map (for an FNO: {@code model::forward}); predictions and
     *                targets are compared with {@code trainLoss} in training and {@code testLoss} in evaluation
     */
    public Trainer(Module model, UnaryOperator<Var> forward, Optimizer optimizer, Scheduler scheduler, Loss trainLoss, Loss testLoss,
                   Settings settings) {
        this.model = model;
        this.forward = forward;
        this.optimizer = optimizer;
        this.scheduler = scheduler;
        this.trainLoss = trainLoss;
        this.testLoss = testLoss;
        this.settings = settings;
    }

    /** A term added to every training loss (for example EWC's); null for none. */
    public void setPenalty(java.util.function.Supplier<Var> p) {
        penalty = p;
    }

    /** Sets the schedule that picks each epoch's data and may change the model between epochs. */
    public void setSchedule(Schedule s) {
        schedule = s;
    }

    /** Trains until {@code settings.epochs()} epochs are done (counting resumed ones); returns the whole history. */
    public List<Epoch> fit(Dataset train, Map<String, Dataset> tests, Listener listener) {
        Listener l = listener == null ? new Listener() {} : listener;
        Map<String, Tensor> goodParams = copy(model.stateDict());
        Map<String, Tensor> goodOptimizer = copy(optimizer.state());
        double goodLr = optimizer.lr();
        for (int e = epochsDone; e < settings.epochs(); e++) {
            long start = System.nanoTime();
            model.train(true);
            Dataset data = schedule.data(e, train);
            List<int[]> batches = data.batches(settings.batchSize(), settings.seed() * 1_000_003L + e);
            double sum = 0;
            double lr = optimizer.lr();
            long flops0 = Flops.count();
            for (int b = 0; b < batches.size(); b++) {
                Dataset batch = data.take(batches.get(b));
                optimizer.zeroGrad();
                Var loss = trainLoss.apply(forward.apply(Var.constant(batch.x())), Var.constant(batch.y()));
                if (penalty != null) loss = org.neuralop4j.autograd.Ops.add(loss, penalty.get());
                double value = loss.value().item();
                if (!Double.isFinite(value)) {
                    model.loadStateDict(goodParams);
                    optimizer.loadState(goodOptimizer);
                    optimizer.setLr(goodLr);
                    throw new Diverged("training loss became " + value + " at epoch " + (e + 1) + ", batch " + (b + 1) + " of "
                            + batches.size() + "; the model keeps the parameters of the end of epoch " + e
                            + " (try a smaller learning rate or gradient clipping)");
                }
                loss.backward();
                if (settings.clip() > 0) Optimizer.clipGradNorm(model.parameters(), settings.clip());
                optimizer.step();
                sum += value * batches.get(b).length;
                l.batch(e, b, batches.size(), value);
            }
            long flops = Flops.count() - flops0;
            Map<String, Double> test = evaluate(tests);
            double metric = test.isEmpty() ? sum / data.size() : test.values().iterator().next();
            scheduler.step(optimizer, e, metric);
            Epoch rec = new Epoch(e, sum / data.size(), test, lr, (System.nanoTime() - start) / 1e9, flops, schedule.info(e));
            history.add(rec);
            schedule.after(List.copyOf(history));
            epochsDone = e + 1;
            goodParams = copy(model.stateDict());
            goodOptimizer = copy(optimizer.state());
            goodLr = optimizer.lr();
            l.epoch(rec);
        }
        return List.copyOf(history);
    }

    /** The mean test loss of each data set, without recording a graph (batches of the training batch size). */
    public Map<String, Double> evaluate(Map<String, Dataset> tests) {
        Map<String, Double> out = new LinkedHashMap<>();
        model.train(false);
        try (Var.NoGrad ignored = Var.noGrad()) {
            for (Map.Entry<String, Dataset> t : tests.entrySet()) {
                Dataset d = t.getValue();
                double sum = 0;
                for (int s = 0; s < d.size(); s += settings.batchSize()) {
                    int[] idx = new int[Math.min(settings.batchSize(), d.size() - s)];
                    for (int i = 0; i < idx.length; i++) idx[i] = s + i;
                    Dataset b = d.take(idx);
                    sum += testLoss.apply(forward.apply(Var.constant(b.x())), Var.constant(b.y())).value().item() * idx.length;
                }
                out.put(t.getKey(), sum / d.size());
            }
        }
        model.train(true);
        return out;
    }

    /** A snapshot to resume from (copies). The plateau scheduler's own state is not included. */
    public State state() {
        return new State(epochsDone, copy(model.stateDict()), copy(optimizer.state()), optimizer.lr(), List.copyOf(history));
    }

    /** Continues from a snapshot: restores parameters, optimizer state, learning rate and history. */
    public void resume(State s) {
        model.loadStateDict(s.parameters());
        optimizer.loadState(s.optimizer());
        optimizer.setLr(s.lr());
        history.clear();
        history.addAll(s.history());
        epochsDone = s.epochsDone();
    }

    private static Map<String, Tensor> copy(Map<String, Tensor> m) {
        Map<String, Tensor> c = new LinkedHashMap<>();
        m.forEach((k, v) -> c.put(k, v.copy()));
        return c;
    }
}
