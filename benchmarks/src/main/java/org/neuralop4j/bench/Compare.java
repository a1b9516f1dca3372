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
 * <p>Usage: {@code java -jar benchmarks/target/benchmarks.jar [quick]}; "quick" shortens the runs.
 */
public final class Compare {
    public static void main(String[] args) throws RunnerException {
        boolean quick = args.length > 0 && args[0].equals("quick");
        List<RunResult> results = new ArrayList<>();
        results.addAll(run(quick, Fft1d.class.getSimpleName() + "\\.(neuralop4j|jtransforms)$", null));
        results.addAll(run(quick, Fft1d.class.getSimpleName() + "\\.commonsMath$",
                new String[] {"64", "128", "256", "512", "1024", "2048", "4096", "8192", "16384"}));
        results.addAll(run(quick, Rfft2d.class.getSimpleName() + "\\.", null));

        // (benchmark class, n) -> (library -> µs)
        Map<String, Map<String, Double>> table = new LinkedHashMap<>();
        for (RunResult r : results) {
            String label = r.getParams().getBenchmark();
            String cls = label.substring(0, label.lastIndexOf('.'));
            cls = cls.substring(cls.lastIndexOf('.') + 1);
            String lib = label.substring(label.lastIndexOf('.') + 1);
            String key = cls + " n=" + r.getParams().getParam("n");
            table.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(lib, r.getPrimaryResult().getScore());
        }
        System.out.println();
        System.out.println("| benchmark | neuralop4j (µs) | JTransforms (µs) | ratio | Commons Math (µs) | ratio |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        for (Map.Entry<String, Map<String, Double>> e : table.entrySet()) {
            Map<String, Double> v = e.getValue();
            Double ours = v.get("neuralop4j"), jt = v.get("jtransforms"), cm = v.get("commonsMath");
            System.out.println(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |", e.getKey(),
                    fmt(ours), fmt(jt), ratio(ours, jt), fmt(cm), ratio(ours, cm)));
        }
    }

    private static Collection<RunResult> run(boolean quick, String include, String[] sizes) throws RunnerException {
        ChainedOptionsBuilder o = new OptionsBuilder()
                .include(include)
                .forks(1)
                .threads(1)
                .warmupIterations(quick ? 2 : 5)
                .warmupTime(TimeValue.milliseconds(quick ? 200 : 500))
                .measurementIterations(quick ? 3 : 8)
                .measurementTime(TimeValue.milliseconds(quick ? 200 : 500))
                .jvmArgsAppend("-Dneuralop4j.threads=1", "-Xmx2g");
        if (sizes != null) o = o.param("n", sizes);
        return new Runner(o.build()).run();
    }

    private static String fmt(Double v) {
        return v == null ? "–" : String.format(Locale.ROOT, v < 10 ? "%.3f" : v < 100 ? "%.2f" : "%.1f", v);
    }

    private static String ratio(Double a, Double b) {
        return a == null || b == null ? "–" : String.format(Locale.ROOT, "%.2f", a / b);
    }
}
