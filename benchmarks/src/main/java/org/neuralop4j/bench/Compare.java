package org.neuralop4j.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the benchmarks side by side in one JMH run (same JVM settings, same machine state) and prints,
 * per size, our time, each anchor's, and the ratio ours / anchor (below 1 means we are faster).
 * Everything runs single-threaded: {@code -Dneuralop4j.threads=1} for us, one thread for JTransforms.
 *
 * <p>Usage: {@code java -jar benchmarks/target/benchmarks.jar [quick|full] [fft|linalg|fno]};
 * "quick" shortens the runs, the second word picks one group ("fno", the FNO training benchmark,
 * runs only when asked: it takes several minutes).
 */
public final class Compare {
    public static void main(String[] args) throws RunnerException {
        boolean quick = args.length > 0 && args[0].equals("quick");
        String only = args.length > 1 ? args[1] : "";
        List<RunResult> results = new ArrayList<>();
        if (only.isEmpty() || only.equals("fft")) {
            results.addAll(run(quick, Fft1d.class.getSimpleName() + "\\.(neuralop4j|jtransforms)$", "n", null));
            results.addAll(run(quick, Fft1d.class.getSimpleName() + "\\.commonsMath$", "n",
                    new String[] {"64", "128", "256", "512", "1024", "2048", "4096", "8192", "16384"}));
            results.addAll(run(quick, Rfft2d.class.getSimpleName() + "\\.", "n", null));
        }
        if (only.equals("fno")) { // long: run on its own (annotations give the run lengths)
            new Runner(new OptionsBuilder().include(FnoBench.class.getSimpleName() + "\\.").build()).run();
            return;
        }
        if (only.isEmpty() || only.equals("linalg")) {
            results.addAll(run(quick, SvdBench.class.getSimpleName() + "\\.", "size", null));
            results.addAll(run(quick, TuckerBench.class.getSimpleName() + "\\.", "shape", null));
        }

        // (benchmark class, parameter) -> (method -> µs)
        Map<String, Map<String, Double>> table = new LinkedHashMap<>();
        for (RunResult r : results) {
            String label = r.getParams().getBenchmark();
            String cls = label.substring(0, label.lastIndexOf('.'));
            cls = cls.substring(cls.lastIndexOf('.') + 1);
            String method = label.substring(label.lastIndexOf('.') + 1);
            String param = r.getParams().getParamsKeys().iterator().next();
            String key = cls + " " + r.getParams().getParam(param);
            table.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(method, r.getPrimaryResult().getScore());
        }
        System.out.println();
        System.out.println("| benchmark | neuralop4j (µs) | anchor | anchor (µs) | ratio |");
        System.out.println("|---|---:|---|---:|---:|");
        for (Map.Entry<String, Map<String, Double>> e : table.entrySet()) {
            Map<String, Double> v = e.getValue();
            Double ours = v.get("neuralop4j");
            for (Map.Entry<String, Double> anchor : v.entrySet()) {
                if (anchor.getKey().equals("neuralop4j")) continue;
                if (ours == null) { // no anchor: our own methods, side by side
                    System.out.println(String.format(Locale.ROOT, "| %s %s | %s | – | – | – |", e.getKey(), anchor.getKey(), fmt(anchor.getValue())));
                } else {
                    System.out.println(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |", e.getKey(), fmt(ours),
                            anchor.getKey(), fmt(anchor.getValue()), ratio(ours, anchor.getValue())));
                }
            }
        }
    }

    private static Collection<RunResult> run(boolean quick, String include, String param, String[] values) throws RunnerException {
        ChainedOptionsBuilder o = new OptionsBuilder()
                .include(include)
                .forks(1)
                .threads(1)
                .warmupIterations(quick ? 2 : 5)
                .warmupTime(TimeValue.milliseconds(quick ? 200 : 500))
                .measurementIterations(quick ? 3 : 8)
                .measurementTime(TimeValue.milliseconds(quick ? 200 : 500))
                .jvmArgsAppend("-Dneuralop4j.threads=1", "-Xmx2g");
        if (values != null) o = o.param(param, values);
        return new Runner(o.build()).run();
    }

    private static String fmt(Double v) {
        return v == null ? "–" : String.format(Locale.ROOT, v < 10 ? "%.3f" : v < 100 ? "%.2f" : "%.1f", v);
    }

    private static String ratio(Double a, Double b) {
        return a == null || b == null ? "–" : String.format(Locale.ROOT, "%.2f", a / b);
    }
}
