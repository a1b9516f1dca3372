package org.neuralop4j.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.neuralop4j.io.AtomicFile;
import org.neuralop4j.io.Json;
import org.neuralop4j.io.Plot;
import org.neuralop4j.io.Png;
import org.neuralop4j.nn.FNO;
import org.neuralop4j.nn.FnoConfig;
import org.neuralop4j.tensor.Parallel;
import org.neuralop4j.tensor.Tensor;
import org.neuralop4j.train.Lifelong;
import org.neuralop4j.train.LifelongTask;

/** {@code neuralop4j lifelong}: one FNO learns a sequence of PDE tasks; see {@link Lifelong}. */
final class LifelongCommand {
    private LifelongCommand() {}

    static final String USAGE = """
            usage: neuralop4j lifelong [options]

            Trains one 1-D FNO on a sequence of PDE tasks and writes DIR/registry.json (tasks, order,
            difficulty, every step's scores; rerunning with the same DIR resumes), DIR/model.safetensors,
            DIR/scores.json and DIR/scores.png (the task-by-task score matrix, 100·(1 − relative L2)) and
            DIR/metrics.json (forgetting, windowed forgetting, resilience, expanded backward transfer,
            windowed and incremental plasticity).
              --tasks all | FAMILY,… | FAMILY:VALUE,…   families heat, advection, helmholtz, burgers (default all: 11 tasks)
              --order curriculum|random|given (default curriculum)   --mode single|merge (default single)
              --ewc LAMBDA (default 0: off)
              --epochs E per task (default 4)  --samples N per task (default 64)  --test-samples N (default 32)
              --resolution R (default 64)  --width W (default 24)  --modes M (default 16)  --batch B (default 16)
              --lr LR (default 5e-3)  --seed S  --threads N  --out DIR (default out/lifelong)  --quiet
            """;

    static int run(String[] argv, PrintStream out, PrintStream err, boolean terminal) throws IOException {
        Args a = new Args("lifelong", argv, 1, Set.of("tasks", "order", "mode", "ewc", "epochs", "samples", "test-samples", "resolution", "width",
                "modes", "batch", "lr", "seed", "threads", "out"), Set.of("quiet"));
        long seed = a.integer("seed", 0, 0, Integer.MAX_VALUE);
        List<LifelongTask> tasks = tasks(a.string("tasks", "all"), seed);
        Lifelong.Order order = Lifelong.Order.valueOf(a.choice("order", "curriculum", "curriculum", "random", "given").toUpperCase(Locale.ROOT));
        Lifelong.Mode mode = Lifelong.Mode.valueOf(a.choice("mode", "single", "single", "merge").toUpperCase(Locale.ROOT));
        double ewc = a.number("ewc", 0, 0, 1e12);
        int epochs = a.integer("epochs", 4, 1, 100_000), samples = a.integer("samples", 64, 1, 1_000_000);
        int test = a.integer("test-samples", 32, 1, 1_000_000), grid = a.integer("resolution", 64, 8, 8192);
        int width = a.integer("width", 24, 1, 1024), modes = a.integer("modes", 16, 2, 4096), batch = a.integer("batch", 16, 1, 1_000_000);
        if (modes % 2 != 0) throw new Args.UsageError("lifelong: --modes must be even, got " + modes);
        double lr = a.number("lr", 5e-3, 0, 10);
        Path dir = Path.of(a.string("out", "out/lifelong"));
        if (a.has("threads")) Parallel.setThreads(a.integer("threads", 1, 1, 1024));
        Progress progress = new Progress(err, terminal, a.has("quiet"), epochs, batch);

        long start = System.nanoTime();
        FNO model = new FNO(FnoConfig.of(new int[] {modes}, 1, 1, width).withSeed(seed));
        Lifelong.Settings s = new Lifelong.Settings(samples, test, grid, epochs, batch, lr, ewc, order, mode, seed);
        progress.say("lifelong: " + tasks.size() + " tasks, order " + order.name().toLowerCase(Locale.ROOT) + ", mode " + mode.name().toLowerCase(Locale.ROOT)
                + (ewc > 0 ? ", EWC λ " + ewc : "") + ", " + model.parameterCount() + " parameters");
        Lifelong.Result r = Lifelong.run(model, tasks, s, dir, progress);
        double seconds = (System.nanoTime() - start) / 1e9;

        int n = r.order().size();
        List<Object> names = new ArrayList<>(), rows = new ArrayList<>(), initial = new ArrayList<>();
        Tensor matrix = Tensor.zeros(n, n);
        for (int t = 0; t < n; t++) {
            names.add(r.order().get(t).name());
            initial.add(r.initial()[t]);
            List<Object> row = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                row.add(r.scores()[t][j]);
                matrix.re()[t * n + j] = r.scores()[t][j];
            }
            rows.add(row);
        }
        Map<String, Object> scores = new LinkedHashMap<>();
        scores.put("order", names);
        scores.put("initial", initial);
        scores.put("scores", rows);
        AtomicFile.write(dir.resolve("scores.json"), Json.pretty(scores).getBytes(StandardCharsets.UTF_8));
        Png.write(dir.resolve("scores.png"), Plot.heatmaps(List.of(new Plot.Field("scores: row t after task t, column j", matrix, false))));
        Map<String, Object> m = new LinkedHashMap<>(r.metrics());
        m.put("tasks", names);
        m.put("order", order.name().toLowerCase(Locale.ROOT));
        m.put("mode", mode.name().toLowerCase(Locale.ROOT));
        m.put("ewc", ewc);
        m.put("epochs_per_task", epochs);
        m.put("final_mean_score", java.util.Arrays.stream(r.scores()[n - 1]).average().orElse(0));
        m.put("seconds", seconds);
        AtomicFile.write(dir.resolve("metrics.json"), Json.pretty(m).getBytes(StandardCharsets.UTF_8));
        out.printf(Locale.ROOT, "learned %d tasks in %s; final mean score %.1f%n", n, Progress.time(seconds), m.get("final_mean_score"));
        r.metrics().forEach((k, v) -> out.printf(Locale.ROOT, "  %-28s %.3f%n", k, v));
        out.println("wrote " + dir.resolve("registry.json") + ", " + dir.resolve("scores.json") + ", " + dir.resolve("scores.png") + ", "
                + dir.resolve("metrics.json"));
        return 0;
    }

    /** "all", families ("heat,burgers": every task of those families) or explicit tasks ("heat:0.01,advection:0.3"). */
    static List<LifelongTask> tasks(String spec, long seed) {
        List<LifelongTask> all = LifelongTask.all(seed);
        if (spec.equals("all")) return all;
        List<LifelongTask> out = new ArrayList<>();
        int i = 0;
        for (String part : spec.split(",")) {
            String p = part.strip();
            int colon = p.indexOf(':');
            try {
                if (colon < 0) {
                    List<LifelongTask> fam = all.stream().filter(t -> t.family().equals(p)).toList();
                    if (fam.isEmpty()) throw new IllegalArgumentException();
                    out.addAll(fam);
                } else {
                    out.add(new LifelongTask(p.substring(0, colon), Double.parseDouble(p.substring(colon + 1)), seed + 100L * i));
                }
            } catch (IllegalArgumentException e) {
                throw new Args.UsageError("lifelong: --tasks takes all, families (heat, advection, helmholtz, burgers) or FAMILY:VALUE, got '" + p + "'");
            }
            i++;
        }
        return out;
    }
}
