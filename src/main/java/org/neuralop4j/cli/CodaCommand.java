package org.neuralop4j.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.neuralop4j.autograd.Var;
import org.neuralop4j.data.Dataset;
import org.neuralop4j.data.Masking;
import org.neuralop4j.data.UnitGaussianNormalizer;
import org.neuralop4j.io.AtomicFile;
import org.neuralop4j.io.Checkpoint;
import org.neuralop4j.io.Json;
import org.neuralop4j.nn.CodaNO;
import org.neuralop4j.optim.Adam;
import org.neuralop4j.optim.AdamW;
import org.neuralop4j.optim.Scheduler;
import org.neuralop4j.tensor.Parallel;
import org.neuralop4j.tensor.Tensor;
import org.neuralop4j.train.Loss;
import org.neuralop4j.train.Trainer;

/**
 * CoDA-NO from the command line: {@code pretrain} (masked reconstruction on the three-variable
 * flow), {@code finetune --from FILE} (one-step-ahead prediction on the four-variable Boussinesq
 * flow, the encoder and known encodings copied) and {@code train --model codano} (the same from
 * scratch). Data comes from the library's solvers; inputs are standardized per variable.
 */
final class CodaCommand {
    private CodaCommand() {}

    static final Set<String> VALUED = Set.of("problem", "samples", "test-samples", "resolution", "epochs", "batch", "lr", "seed", "threads", "out",
            "width", "heads", "head-channels", "modes", "layers", "predictor-layers", "mask", "from", "model");
    static final Set<String> FLAGS = Set.of("quiet", "freeze");

    static final String PRETRAIN = """
            usage: neuralop4j pretrain --model codano [options]

            Pretrains a CoDA-NO by masked reconstruction (MSE) on generated multiphysics data and writes
            DIR/codano.safetensors and DIR/metrics.json.
              --problem flow|boussinesq (default flow: u, v, ω of a forced Navier–Stokes flow)
              --mask points|variables   50% of the points of 60% of the variables, or 30% of the variables (default points)
              --samples N (default 200)  --test-samples N (default 50)  --resolution R (default 32)
              --width W (default 16)  --heads H (default 2)  --head-channels C (default 8)  --modes M (default 12)
              --layers L encoder layers (default 2)  --predictor-layers L (default 1)
              --epochs E (default 10)  --batch B (default 8)  --lr LR (default 3e-3)  --seed S  --threads N  --out DIR  --quiet
            """;

    static final String FINETUNE = """
            usage: neuralop4j finetune --from DIR/codano.safetensors [options]

            Fine-tunes a pretrained CoDA-NO for one-step-ahead prediction (relative L2) on generated data
            with possibly more variables: the lifting, the encoder and the encodings of known variables are
            copied, new variables get new encodings, the predictor starts fresh.
              --problem boussinesq|flow (default boussinesq: u, v, ω, θ)   --freeze   train only the new parts
              --samples N (default 25)  --test-samples N (default 50)  --resolution R (default 32)
              --epochs E (default 20)  --batch B (default 5)  --lr LR (default 3e-3)  --seed S  --threads N  --out DIR  --quiet
            """;

    static int pretrain(String[] argv, PrintStream out, PrintStream err, boolean terminal) throws IOException {
        Args a = new Args("pretrain", argv, 1, VALUED, FLAGS);
        if (!a.choice("model", "codano", "codano").equals("codano") || a.has("from") || a.has("freeze")) {
            throw new Args.UsageError("pretrain: takes --model codano, not --from or --freeze");
        }
        Masking.Kind kind = a.choice("mask", "points", "points", "variables").equals("points") ? Masking.Kind.POINTS : Masking.Kind.VARIABLES;
        Run r = Run.read(a, "flow", 200, 10, 8, err, terminal);
        CodaNO model = new CodaNO(r.config(a), r.problem.variables());
        UnitGaussianNormalizer n = UnitGaussianNormalizer.fitPerChannel(r.train[0]);
        Tensor x = n.encode(r.train[0]), xt = n.encode(r.test[0]);
        Dataset train = new Dataset(Masking.mask(x, kind, r.seed)[0], x), test = new Dataset(Masking.mask(xt, kind, r.seed + 1)[0], xt);
        List<String> vars = r.problem.variables();
        List<Trainer.Epoch> h = r.fit(model, model.parameters(), v -> model.forward(v, vars), new Loss.Mse(), new Loss.Mse(), train,
                Map.of("masked " + Layouts.grid(x), test));
        Path file = r.out.resolve("codano.safetensors");
        Checkpoint.saveCoda(file, model, Map.of("problem", r.problem.id, "task", "masked reconstruction"));
        r.finish(out, "pretrained", model, h, Map.of("mask", kind.name().toLowerCase(Locale.ROOT)), file);
        return 0;
    }

    static int finetune(String[] argv, PrintStream out, PrintStream err, boolean terminal) throws IOException {
        Args a = new Args("finetune", argv, 1, VALUED, FLAGS);
        Path from = Path.of(a.required("from"));
        for (String o : List.of("width", "heads", "head-channels", "modes", "layers", "predictor-layers", "mask", "model")) {
            if (a.has(o)) throw new Args.UsageError("finetune: --" + o + " comes from the pretrained model");
        }
        Run r = Run.read(a, "boussinesq", 25, 20, 5, err, terminal);
        CodaNO pre = Checkpoint.loadCoda(from).model();
        CodaNO model = CodaNO.finetune(pre, r.problem.variables(), r.seed);
        List<String> added = r.problem.variables().stream().filter(v -> !pre.variables().contains(v)).toList();
        List<Var> trainable = model.trainable(a.has("freeze"), added);
        return predict(r, model, trainable, out, Map.of("pretrained", from.toString(), "frozen_encoder", a.has("freeze"), "new_variables", added));
    }

    /** {@code train --model codano}: one-step-ahead prediction from scratch. */
    static int train(String[] argv, PrintStream out, PrintStream err, boolean terminal) throws IOException {
        Args a = new Args("train", argv, 1, VALUED, FLAGS);
        if (a.has("from") || a.has("freeze") || a.has("mask")) throw new Args.UsageError("train: --from, --freeze and --mask belong to finetune and pretrain");
        Run r = Run.read(a, "boussinesq", 25, 20, 5, err, terminal);
        CodaNO model = new CodaNO(r.config(a), r.problem.variables());
        return predict(r, model, model.parameters(), out, Map.of());
    }

    private static int predict(Run r, CodaNO model, List<Var> trainable, PrintStream out, Map<String, Object> notes) throws IOException {
        UnitGaussianNormalizer nx = UnitGaussianNormalizer.fitPerChannel(r.train[0]), ny = UnitGaussianNormalizer.fitPerChannel(r.train[1]);
        List<String> vars = r.problem.variables();
        Dataset train = new Dataset(nx.encode(r.train[0]), r.train[1]), test = new Dataset(nx.encode(r.test[0]), r.test[1]);
        List<Trainer.Epoch> h = r.fit(model, trainable, v -> ny.decode(model.forward(v, vars)), Loss.relativeL2(), Loss.relativeL2(), train,
                Map.of(Layouts.grid(r.test[0]), test));
        Path file = r.out.resolve("codano.safetensors");
        Checkpoint.saveCoda(file, model, Map.of("problem", r.problem.id, "task", "one-step-ahead prediction"));
        Map<String, Object> extra = new LinkedHashMap<>(notes);
        extra.put("trainable_params", trainable.stream().mapToLong(p -> p.value().size()).sum());
        r.finish(out, "trained", model, h, extra, file);
        return 0;
    }

    /** The options shared by the three commands, the generated data, and the training loop. */
    private static final class Run {
        Problem problem;
        Tensor[] train, test;
        long seed;
        int epochs, batch;
        double lr;
        Path out;
        boolean quiet, terminal;
        PrintStream err;
        long start = System.nanoTime();

        static Run read(Args a, String problem, int samples, int epochs, int batch, PrintStream err, boolean terminal) {
            Run r = new Run();
            r.problem = Problem.of(a.choice("problem", problem, "flow", "boussinesq"));
            int n = a.integer("samples", samples, 1, 1_000_000), nt = a.integer("test-samples", 50, 1, 1_000_000);
            int res = a.integer("resolution", 32, 8, 1024);
            r.seed = a.integer("seed", 0, 0, Integer.MAX_VALUE);
            r.epochs = a.integer("epochs", epochs, 0, 1_000_000);
            r.batch = a.integer("batch", batch, 1, 1_000_000);
            r.lr = a.number("lr", 3e-3, 0, 10);
            r.out = Path.of(a.string("out", "out"));
            r.quiet = a.has("quiet");
            r.terminal = terminal;
            r.err = err;
            if (a.has("threads")) Parallel.setThreads(a.integer("threads", 1, 1, 1024));
            r.width = a.integer("width", 16, 1, 1024);
            r.heads = a.integer("heads", 2, 1, 64);
            r.headChannels = a.integer("head-channels", 8, 1, 1024);
            r.modes = a.integer("modes", 12, 2, 1024);
            if (r.modes % 2 != 0) throw new Args.UsageError(a.command() + ": --modes must be even, got " + r.modes);
            r.layers = a.integer("layers", 2, 0, 64);
            r.predictorLayers = a.integer("predictor-layers", 1, 0, 64);
            Progress p = new Progress(err, terminal, r.quiet, 0, 0);
            r.train = r.problem.generate(n, res, r.seed, p.task("generating " + r.problem.id + " training data " + res, n));
            r.test = r.problem.generate(nt, res, r.seed + 1, p.task("generating " + r.problem.id + " test data " + res, nt));
            return r;
        }

        int width, heads, headChannels, modes, layers, predictorLayers;

        CodaNO.Config config(Args a) {
            return new CodaNO.Config(new int[] {modes, modes}, width, heads, headChannels, layers, predictorLayers, 2, new int[] {4, 4}, seed);
        }

        List<Trainer.Epoch> fit(CodaNO model, List<Var> trainable, java.util.function.UnaryOperator<Var> forward, Loss trainLoss, Loss testLoss,
                                Dataset train, Map<String, Dataset> tests) {
            AdamW opt = new AdamW(trainable, Adam.Config.defaults(lr).withWeightDecay(1e-4));
            Trainer t = new Trainer(model, forward, opt, new Scheduler.Cosine(lr, 0, Math.max(1, epochs)), trainLoss, testLoss,
                    new Trainer.Settings(epochs, batch, seed, 0));
            return t.fit(train, tests, new Progress(err, terminal, quiet, epochs, batch));
        }

        void finish(PrintStream outStream, String verb, CodaNO model, List<Trainer.Epoch> h, Map<String, Object> extra, Path file) throws IOException {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("problem", problem.id);
            m.put("model", "codano");
            m.put("variables", model.variables());
            m.put("params", model.parameterCount());
            m.putAll(extra);
            m.put("train_samples", train[0].dim(0));
            m.put("epochs", h.size());
            m.put("seconds", (System.nanoTime() - start) / 1e9);
            m.put("train_loss", h.isEmpty() ? null : h.get(h.size() - 1).trainLoss());
            m.put("test", h.isEmpty() ? Map.of() : h.get(h.size() - 1).testLoss());
            m.put("flops", h.stream().mapToLong(Trainer.Epoch::flops).sum());
            m.put("history", RunState.historyJson(h));
            AtomicFile.write(out.resolve("metrics.json"), Json.pretty(m).getBytes(StandardCharsets.UTF_8));
            outStream.printf(Locale.ROOT, "%s CoDA-NO on %s (%s) in %s; test %s%n", verb, problem.id, String.join(", ", model.variables()),
                    Progress.time((System.nanoTime() - start) / 1e9), m.get("test"));
            outStream.println("wrote " + out.resolve("metrics.json") + ", " + file);
        }
    }
}
