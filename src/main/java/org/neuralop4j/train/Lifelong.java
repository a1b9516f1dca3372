package org.neuralop4j.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.neuralop4j.autograd.ComplexOps;
import org.neuralop4j.autograd.Ops;
import org.neuralop4j.autograd.Var;
import org.neuralop4j.data.Dataset;
import org.neuralop4j.io.AtomicFile;
import org.neuralop4j.io.Checkpoint;
import org.neuralop4j.io.Json;
import org.neuralop4j.nn.FNO;
import org.neuralop4j.optim.Adam;
import org.neuralop4j.optim.AdamW;
import org.neuralop4j.optim.Scheduler;
import org.neuralop4j.tensor.Tensor;

/**
 * Lifelong operator learning (after LeanAgent, Kumarappan et al., ICLR 2025): one FNO learns a
 * sequence of {@link LifelongTask}s. The order is a curriculum (tasks with more easy samples first;
 * easy, medium and hard from the pooled 33rd and 67th percentiles of the per-sample difficulty), a
 * seeded random order, or the order given. Each task starts from the previous parameters and trains
 * for a fixed small budget (one warm-up epoch, then cosine), keeping the epoch with the best
 * validation score; on the new task alone ({@link Mode#SINGLE}) or on all tasks so far
 * ({@link Mode#MERGE}); optionally with EWC (Kirkpatrick et al., PNAS 2017): a penalty
 * {@code (λ/2)·Σ F·|θ − θ*|²} with F the diagonal Fisher (mean squared gradients, |g|² for complex
 * weights) summed over the finished tasks and θ* the parameters after the last one. After each task
 * every task is scored, {@code 100·(1 − relative L2)} on its test split, filling the matrix that
 * {@link LifelongMetrics} reads.
 *
 * <p>The registry — a JSON file — records each task (family, parameter, seed, split sizes,
 * difficulty statistics), the order, the scores before training and after every step; with the
 * checkpoint beside it ({@code model.safetensors}: parameters, and the EWC state as extra tensors)
 * a run continues where it stopped.
 */
public final class Lifelong {
    public enum Order { CURRICULUM, RANDOM, GIVEN }

    public enum Mode { SINGLE, MERGE }

    public record Settings(int samples, int testSamples, int grid, int epochs, int batch, double lr, double ewc, Order order, Mode mode, long seed) {}

    /**
     * The outcome: the order trained, scores before training, the score matrix (row t: after task t;
     * rows not yet trained are null) and the six measures over the tasks finished so far.
     */
    public record Result(List<LifelongTask> order, double[] initial, double[][] scores, Map<String, Double> metrics) {}

    private Lifelong() {}

    /** The curriculum: tasks by their count of easy samples, most first (ties keep the given order). */
    public static List<LifelongTask> curriculum(List<LifelongTask> tasks, List<double[]> difficulty) {
        int[] easy = easyCounts(difficulty);
        Integer[] idx = new Integer[tasks.size()];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        Arrays.sort(idx, (a, b) -> Integer.compare(easy[b], easy[a]));
        List<LifelongTask> out = new ArrayList<>();
        for (int i : idx) out.add(tasks.get(i));
        return out;
    }

    /** Per task: samples at or below the pooled 33rd percentile ("easy"). */
    static int[] easyCounts(List<double[]> difficulty) {
        double[] cut = percentiles(difficulty);
        int[] out = new int[difficulty.size()];
        for (int t = 0; t < out.length; t++) for (double d : difficulty.get(t)) if (d <= cut[0]) out[t]++;
        return out;
    }

    /** The pooled 33rd and 67th percentiles (nearest rank). */
    static double[] percentiles(List<double[]> difficulty) {
        double[] all = difficulty.stream().flatMapToDouble(Arrays::stream).sorted().toArray();
        if (all.length == 0) return new double[] {0, 0};
        return new double[] {all[(int) Math.ceil(0.33 * all.length) - 1], all[(int) Math.ceil(0.67 * all.length) - 1]};
    }

    /** Trains {@code model} on the tasks (resuming from {@code dir}/registry.json if it holds finished steps). */
    public static Result run(FNO model, List<LifelongTask> tasks, Settings s, Path dir, Trainer.Listener listener) throws IOException {
        return run(model, tasks, s, dir, listener, tasks.size());
    }

    /** As {@link #run(FNO, List, Settings, Path, Trainer.Listener)}, stopping once {@code stopAfter} tasks are done (resume later). */
    public static Result run(FNO model, List<LifelongTask> tasks, Settings s, Path dir, Trainer.Listener listener, int stopAfter) throws IOException {
        int n = tasks.size();
        List<Tensor[]> train = new ArrayList<>(), val = new ArrayList<>(), test = new ArrayList<>();
        List<double[]> difficulty = new ArrayList<>();
        for (LifelongTask t : tasks) {
            train.add(t.generate(s.samples(), s.grid(), 0));
            val.add(t.generate(s.testSamples(), s.grid(), 1));
            test.add(t.generate(s.testSamples(), s.grid(), 2));
            difficulty.add(LifelongTask.difficulty(train.get(train.size() - 1)[1]));
        }
        List<Integer> order = new ArrayList<>();
        switch (s.order()) {
            case GIVEN -> { for (int i = 0; i < n; i++) order.add(i); }
            case CURRICULUM -> { for (LifelongTask t : curriculum(tasks, difficulty)) order.add(tasks.indexOf(t)); }
            case RANDOM -> {
                for (int i = 0; i < n; i++) order.add(i);
                java.util.Collections.shuffle(order, new java.util.Random(s.seed()));
            }
        }
        Path registryFile = dir.resolve("registry.json"), checkpoint = dir.resolve("model.safetensors");
        double[][] scores = new double[n][];
        double[] initial;
        Map<String, Tensor> fisher = new LinkedHashMap<>(), anchor = new LinkedHashMap<>();
        int done = 0;
        Map<String, Object> registry;
        if (Files.exists(registryFile) && Files.exists(checkpoint)) { // resume
            registry = Json.parseObject(Files.readString(registryFile));
            List<?> steps = (List<?>) registry.get("steps");
            initial = scoreRow((Map<?, ?>) registry.get("initial"), tasks, order);
            for (Object o : steps) scores[done++] = scoreRow((Map<?, ?>) ((Map<?, ?>) o).get("scores"), tasks, order);
            Checkpoint.Loaded c = Checkpoint.load(checkpoint);
            model.loadStateDict(c.model().stateDict());
            c.extra().forEach((k, v) -> (k.startsWith("fisher.") ? fisher : anchor).put(k.substring(k.indexOf('.') + 1), v));
        } else {
            registry = new LinkedHashMap<>();
            registry.put("settings", settingsJson(s));
            List<Object> taskList = new ArrayList<>();
            double[] cut = percentiles(difficulty);
            for (int i = 0; i < n; i++) taskList.add(taskJson(tasks.get(i), difficulty.get(i), cut, s));
            registry.put("tasks", taskList);
            registry.put("order", order.stream().map(i -> tasks.get(i).name()).toList());
            initial = evaluate(model, test, order);
            registry.put("initial", row(initial, tasks, order));
            registry.put("steps", new ArrayList<>());
            AtomicFile.write(registryFile, Json.pretty(registry).getBytes(StandardCharsets.UTF_8));
        }
        for (int step = done; step < Math.min(n, stopAfter); step++) {
            int task = order.get(step);
            Dataset data = s.mode() == Mode.SINGLE ? new Dataset(train.get(task)[0], train.get(task)[1]) : merged(train, order.subList(0, step + 1));
            Scheduler.WarmupCosine schedule = new Scheduler.WarmupCosine(s.lr(), Math.min(1, s.epochs() - 1), Math.max(1, s.epochs()));
            AdamW opt = new AdamW(model.parameters(), Adam.Config.defaults(schedule.first()).withWeightDecay(1e-4));
            Trainer trainer = new Trainer(model, model::forward, opt, schedule, Loss.relativeL2(), Loss.relativeL2(),
                    new Trainer.Settings(s.epochs(), s.batch(), s.seed() + step, 0));
            if (s.ewc() > 0 && !fisher.isEmpty()) trainer.setPenalty(ewcPenalty(model, fisher, anchor, s.ewc()));
            List<Map<String, Tensor>> best = new ArrayList<>(List.of(copy(model.stateDict()))); // the best epoch's parameters
            double[] bestVal = {Double.POSITIVE_INFINITY};
            int[] bestEpoch = {-1};
            Trainer.Listener keepBest = new Trainer.Listener() {
                @Override
                public void batch(int epoch, int b, int batches, double loss) {
                    if (listener != null) listener.batch(epoch, b, batches, loss);
                }

                @Override
                public void epoch(Trainer.Epoch e) {
                    double v = e.testLoss().get("val");
                    if (v < bestVal[0]) {
                        bestVal[0] = v;
                        bestEpoch[0] = e.epoch();
                        best.set(0, copy(model.stateDict()));
                    }
                    if (listener != null) listener.epoch(e);
                }
            };
            trainer.fit(data, Map.of("val", new Dataset(val.get(task)[0], val.get(task)[1])), keepBest);
            model.loadStateDict(best.get(0));
            if (s.ewc() > 0) accumulateFisher(model, new Dataset(train.get(task)[0], train.get(task)[1]), s.batch(), fisher, anchor);
            scores[step] = evaluate(model, test, order);
            Map<String, Tensor> extra = new LinkedHashMap<>();
            fisher.forEach((k, v) -> extra.put("fisher." + k, v));
            anchor.forEach((k, v) -> extra.put("anchor." + k, v));
            Checkpoint.save(checkpoint, model, Map.of("lifelong_steps", String.valueOf(step + 1)), extra);
            Map<String, Object> rec = new LinkedHashMap<>();
            rec.put("step", step);
            rec.put("task", tasks.get(task).name());
            rec.put("best_epoch", bestEpoch[0] + 1);
            rec.put("scores", row(scores[step], tasks, order));
            @SuppressWarnings("unchecked")
            List<Object> steps = (List<Object>) registry.get("steps");
            steps.add(rec);
            AtomicFile.write(registryFile, Json.pretty(registry).getBytes(StandardCharsets.UTF_8));
        }
        List<LifelongTask> trained = order.stream().map(tasks::get).toList();
        int finished = Math.min(n, Math.max(done, stopAfter));
        double[][] a = new double[finished][];
        for (int t = 0; t < finished; t++) a[t] = Arrays.copyOf(scores[t], finished); // the tasks seen so far
        return new Result(trained, initial, scores, metrics(a, Arrays.copyOf(initial, finished)));
    }

    /** The six measures of {@link LifelongMetrics} (windows of 5). */
    public static Map<String, Double> metrics(double[][] a, double[] a0) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("windowed_forgetting_5", LifelongMetrics.windowedForgetting(a, 5));
        m.put("forgetting", LifelongMetrics.forgetting(a));
        m.put("resilience", LifelongMetrics.resilience(a));
        m.put("expanded_backward_transfer", LifelongMetrics.expandedBackwardTransfer(a));
        m.put("windowed_plasticity_5", LifelongMetrics.windowedPlasticity(a, a0, 5));
        m.put("incremental_plasticity", LifelongMetrics.incrementalPlasticity(a, a0));
        return m;
    }

    /** Scores of every task in training order: 100·(1 − relative L2) on its test split. */
    static double[] evaluate(FNO model, List<Tensor[]> test, List<Integer> order) {
        double[] out = new double[order.size()];
        model.train(false);
        try (Var.NoGrad ignored = Var.noGrad()) {
            for (int j = 0; j < out.length; j++) {
                Tensor[] d = test.get(order.get(j));
                out[j] = 100 * (1 - Loss.relativeL2().apply(model.forward(Var.constant(d[0])), Var.constant(d[1])).value().item());
            }
        }
        model.train(true);
        return out;
    }

    private static Dataset merged(List<Tensor[]> train, List<Integer> tasks) {
        Tensor[] xs = new Tensor[tasks.size()], ys = new Tensor[tasks.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = train.get(tasks.get(i))[0];
            ys[i] = train.get(tasks.get(i))[1];
        }
        return new Dataset(Tensor.concat(0, xs), Tensor.concat(0, ys));
    }

    /** F += mean over batches of |∂L/∂θ|²; θ* ← θ. */
    private static void accumulateFisher(FNO model, Dataset data, int batch, Map<String, Tensor> fisher, Map<String, Tensor> anchor) {
        Map<String, Var> params = model.namedParameters();
        List<int[]> batches = data.batches(batch, 0);
        for (int[] b : batches) {
            model.zeroGrad();
            Dataset d = data.take(b);
            Loss.relativeL2().apply(model.forward(Var.constant(d.x())), Var.constant(d.y())).backward();
            for (Map.Entry<String, Var> e : params.entrySet()) {
                Tensor g = e.getValue().grad();
                if (g == null) continue;
                Tensor sq = g.isComplex() ? g.mul(g.conj()).real() : g.mul(g);
                Tensor f = fisher.get(e.getKey());
                fisher.put(e.getKey(), f == null ? sq.scale(1.0 / batches.size()) : f.add(sq.scale(1.0 / batches.size())));
            }
        }
        model.zeroGrad();
        params.forEach((k, v) -> anchor.put(k, v.value().copy()));
    }

    private static Supplier<Var> ewcPenalty(FNO model, Map<String, Tensor> fisher, Map<String, Tensor> anchor, double lambda) {
        Map<String, Var> params = model.namedParameters();
        Map<String, Tensor> f = new LinkedHashMap<>(fisher), a = new LinkedHashMap<>(anchor);
        return () -> {
            Var sum = null;
            for (Map.Entry<String, Var> e : params.entrySet()) {
                if (!f.containsKey(e.getKey())) continue;
                Var d = Ops.sub(e.getValue(), Var.constant(a.get(e.getKey())));
                Var sq = d.value().isComplex() ? ComplexOps.real(Ops.mul(d, ComplexOps.conj(d))) : Ops.mul(d, d);
                Var term = Ops.sum(Ops.mul(sq, Var.constant(f.get(e.getKey()))));
                sum = sum == null ? term : Ops.add(sum, term);
            }
            return Ops.scale(sum, lambda / 2);
        };
    }

    private static Map<String, Tensor> copy(Map<String, Tensor> m) {
        Map<String, Tensor> c = new LinkedHashMap<>();
        m.forEach((k, v) -> c.put(k, v.copy()));
        return c;
    }

    private static Map<String, Object> row(double[] scores, List<LifelongTask> tasks, List<Integer> order) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int j = 0; j < scores.length; j++) m.put(tasks.get(order.get(j)).name(), scores[j]);
        return m;
    }

    private static double[] scoreRow(Map<?, ?> m, List<LifelongTask> tasks, List<Integer> order) {
        double[] out = new double[order.size()];
        for (int j = 0; j < out.length; j++) {
            Object v = m.get(tasks.get(order.get(j)).name());
            if (v == null) throw new IllegalArgumentException("registry: no score for " + tasks.get(order.get(j)).name());
            out[j] = ((Number) v).doubleValue();
        }
        return out;
    }

    private static Map<String, Object> settingsJson(Settings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("samples", s.samples());
        m.put("test_samples", s.testSamples());
        m.put("grid", s.grid());
        m.put("epochs", s.epochs());
        m.put("batch", s.batch());
        m.put("lr", s.lr());
        m.put("ewc", s.ewc());
        m.put("order", s.order().name().toLowerCase());
        m.put("mode", s.mode().name().toLowerCase());
        m.put("seed", s.seed());
        return m;
    }

    private static Map<String, Object> taskJson(LifelongTask t, double[] d, double[] cut, Settings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", t.name());
        m.put("family", t.family());
        m.put("parameter", t.parameter());
        m.put("seed", t.seed());
        m.put("train", s.samples());
        m.put("validation", s.testSamples());
        m.put("test", s.testSamples());
        Map<String, Object> diff = new LinkedHashMap<>();
        int easy = 0, hard = 0;
        double mean = 0;
        for (double v : d) {
            mean += v / d.length;
            if (v <= cut[0]) easy++;
            else if (v > cut[1]) hard++;
        }
        diff.put("mean_modes_99", mean);
        diff.put("easy", easy);
        diff.put("medium", d.length - easy - hard);
        diff.put("hard", hard);
        m.put("difficulty", diff);
        return m;
    }
}
