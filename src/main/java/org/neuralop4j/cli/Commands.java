package org.neuralop4j.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.neuralop4j.autograd.Var;
import org.neuralop4j.data.Npz;
import org.neuralop4j.tensor.Tensor;
import org.neuralop4j.train.Loss;

/** The small commands: eval, predict, generate. */
final class Commands {
    private Commands() {}

    static final String EVAL = """
            usage: neuralop4j eval --model FILE.safetensors --test FILE.npz [--test FILE2.npz …] [--batch B]

            Prints the relative L2 error of the model on each test set (arrays x and y, as for train).
            """;

    static final String PREDICT = """
            usage: neuralop4j predict --model FILE.safetensors --input FILE.npz --output FILE.npz [--batch B]

            Applies the model to the array x of the input (or its only array) and writes the result as
            array y, in the input's layout.
            """;

    static final String GENERATE = """
            usage: neuralop4j generate --problem darcy|burgers|heat|navier-stokes|flow|boussinesq --samples N
                                       --resolution R --out FILE.npz [--seed S] [--quiet]

            Solves N problems with the library's solvers and writes arrays x (inputs) and y (solutions),
            shaped (N, R) for 1-D problems, (N, R, R) for 2-D ones and (N, V, R, R) for the multi-variable
            flow (V = 3: u, v, ω) and boussinesq (V = 4: u, v, ω, θ). Sample i depends only on (seed, i).
            """;

    static int eval(String[] argv, PrintStream out) throws IOException {
        Args a = new Args("eval", argv, 1, Set.of("model", "test", "batch"), Set.of());
        Path model = Path.of(a.required("model"));
        if (a.all("test").isEmpty()) throw new Args.UsageError("eval: --test is required");
        int batch = a.integer("batch", 16, 1, 1_000_000);
        Trained m = Trained.load(model);
        int dims = m.model().config().nModes().length;
        for (String f : a.all("test")) {
            Tensor[] t = Layouts.pair(Path.of(f), dims);
            Tensor pred = m.predict(t[0], batch);
            double err;
            try (Var.NoGrad ignored = Var.noGrad()) {
                err = Loss.relativeL2().apply(Var.constant(pred), Var.constant(t[1])).value().item();
            }
            out.printf(Locale.ROOT, "%s: relative L2 %.6f (%d samples, grid %s)%n", f, err, t[0].dim(0), Layouts.grid(t[0]));
        }
        return 0;
    }

    static int predict(String[] argv, PrintStream out) throws IOException {
        Args a = new Args("predict", argv, 1, Set.of("model", "input", "output", "batch"), Set.of());
        Path model = Path.of(a.required("model")), in = Path.of(a.required("input")), outFile = Path.of(a.required("output"));
        int batch = a.integer("batch", 16, 1, 1_000_000);
        Trained m = Trained.load(model);
        Map<String, Tensor> arrays = Npz.read(in);
        Tensor x = arrays.containsKey("x") ? arrays.get("x") : arrays.size() == 1 ? arrays.values().iterator().next() : null;
        if (x == null) throw new IllegalArgumentException(in + ": needs an array 'x' (or a single array), has " + arrays.keySet());
        int dims = m.model().config().nModes().length;
        Tensor xc = Layouts.toChannels(x, dims, in + ": x");
        Tensor y = m.predict(xc, batch);
        boolean squeezed = x.rank() == dims + 1;
        Npz.write(outFile, Map.of("y", squeezed ? Layouts.fromChannels(y) : y), false);
        out.printf(Locale.ROOT, "wrote %s: y %s%n", outFile, java.util.Arrays.toString((squeezed ? Layouts.fromChannels(y) : y).shape()));
        return 0;
    }

    static int generate(String[] argv, PrintStream out, PrintStream err, boolean terminal) throws IOException {
        Args a = new Args("generate", argv, 1, Set.of("problem", "samples", "resolution", "out", "seed"), Set.of("quiet"));
        a.required("problem");
        Problem p = Problem.of(a.choice("problem", null, Problem.ids()));
        int n = a.integer("samples", p.trainSamples, 1, 10_000_000);
        int r = a.integer("resolution", p.resolution, 8, 4096);
        Path file = Path.of(a.required("out"));
        long seed = a.integer("seed", 0, 0, Integer.MAX_VALUE);
        Progress progress = new Progress(err, terminal, a.has("quiet"), 0, 0);
        Tensor[] xy = p.generate(n, r, seed, progress.task("generating " + p.id + " " + r, n));
        Map<String, Tensor> arrays = new LinkedHashMap<>();
        arrays.put("x", Layouts.fromChannels(xy[0]));
        arrays.put("y", Layouts.fromChannels(xy[1]));
        Npz.write(file, arrays, false);
        out.printf(Locale.ROOT, "wrote %s: x and y %s%n", file, java.util.Arrays.toString(arrays.get("x").shape()));
        return 0;
    }
}
