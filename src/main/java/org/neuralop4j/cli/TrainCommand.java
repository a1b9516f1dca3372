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
import org.neuralop4j.data.Dataset;
import org.neuralop4j.data.UnitGaussianNormalizer;
import org.neuralop4j.io.AtomicFile;
import org.neuralop4j.io.Checkpoint;
import org.neuralop4j.io.Json;
import org.neuralop4j.nn.FNO;
import org.neuralop4j.nn.FnoConfig;
import org.neuralop4j.optim.Adam;
import org.neuralop4j.optim.AdamW;
import org.neuralop4j.optim.Optimizer;
import org.neuralop4j.optim.Scheduler;
import org.neuralop4j.optim.Sgd;
import org.neuralop4j.optim.TensorGaLore;
import org.neuralop4j.tensor.Parallel;
import org.neuralop4j.tensor.Tensor;
import org.neuralop4j.train.Incremental;
import org.neuralop4j.train.Loss;
import org.neuralop4j.train.Trainer;

/**
 * {@code neuralop4j train}: data (generated, or the user's .npz files) → normalizers → FNO →
 * Trainer, with a progress bar; after every epoch a resumable checkpoint; at the end the model,
 * metrics.json and figures in the output folder.
 */
final class TrainCommand {
    private TrainCommand() {}

    static final Set<String> VALUED = Set.of("problem", "model", "modes", "width", "layers", "rank", "epochs", "batch", "lr", "optimizer",
            "loss", "seed", "threads", "out", "resume", "stop-after",
            "galore-rank", "galore-update-gap", "galore-scale", "galore-sweeps",
            "ifno-criterion", "ifno-alpha", "ifno-buffer", "ifno-eps", "ifno-start-modes", "resolution-schedule", "epoch-gap", "train", "test", "dims", "samples", "test-samples", "resolution", "padding");
    static final Set<String> FLAGS = Set.of("quiet");
    /** What may change when resuming; everything else comes from the checkpoint. */
    static final Set<String> RESUMABLE = Set.of("epochs", "out", "quiet", "threads", "resume", "stop-after");

    static final String USAGE = """
            usage: neuralop4j train [options]

            Trains an FNO. With no options: generates a Darcy-flow data set (600 training and 100 test
            samples on a 32 × 32 grid, 100 more on 64 × 64), trains for 10 epochs, and writes into out/:
            metrics.json, model.safetensors, checkpoint.safetensors (resumable), loss.png and sample_*.png.

            data:
              --problem darcy|burgers|heat|navier-stokes|flow|boussinesq   generated data set (default darcy)
              --samples N          training samples to generate      --test-samples N   test samples per resolution
              --resolution N       training grid (test: N and 2N)
              --train FILE.npz     your data: arrays x and y, (n, W), (n, C, W), (n, H, W) or (n, C, H, W)
              --test FILE.npz      a test set (repeatable; needed with --train)
              --dims 1|2           read 3-D arrays as (n, C, W) (1) instead of (n, H, W) (2, the default)
            model:
              --model fno|tfno|ifno|codano  (default fno; codano: see neuralop4j pretrain --help for its options)   --rank R   TFNO Tucker rank ratio (default 0.25)
              --modes M            Fourier modes per axis (even)   --width W   hidden channels   --layers L
              --padding F          domain padding, a fraction of each axis (default 0)
            incremental FNO (--model ifno; modes grow from --ifno-start-modes to --modes):
              --ifno-criterion energy|loss-gap (default energy)   --ifno-alpha A (explained energy, default 0.99)
              --ifno-buffer B (levels, default 1)   --ifno-eps E (loss change, default 0.001)   --ifno-start-modes K (default 2)
              --resolution-schedule 4,2,1   training-data subsampling rates (default 1)   --epoch-gap G   epochs per rate
            training:
              --epochs N  --batch B  --lr LR (default 5e-3, cosine decay to 0)
              --optimizer sgd|adam|adamw|tensor-galore|galore (default adamw)  --loss l2|h1 (relative; default l2)
              --galore-rank R (a ratio, default 0.25, or ranks per mode: 16,16,8,4)  --galore-update-gap T (steps, default 10)  --galore-scale A (default 2)
              --galore-sweeps S (HOOI sweeps per refresh, default 1)   (the GaLore optimizers are AdamW in the projected space)
              --seed S             seeds data, initialization and batches (default 0)
              --threads N          worker threads (default: all processors; results do not depend on it)
            output:
              --out DIR            (default out)   --quiet   no progress on stderr
              --stop-after N       stop after epoch N of --epochs (the schedule still plans for --epochs)
              --resume FILE        continue from DIR/checkpoint.safetensors (--epochs may be raised)
            """;

    /** The peak of used heap, sampled after every batch (java.base has no allocation hooks; a sample is a lower bound). */
    private static final class HeapPeak {
        long peak;

        void sample() {
            Runtime r = Runtime.getRuntime();
            peak = Math.max(peak, r.totalMemory() - r.freeMemory());
        }
    }

    /** Optimizer state of the spectral weights alone (the parameters Tensor-GaLore projects), exact. */
    static long spectralStateBytes(FNO model, Optimizer opt) {
        List<org.neuralop4j.autograd.Var> ps = model.parameters();
        long sum = 0;
        if (opt instanceof TensorGaLore tg) {
            long[] per = tg.parameterStateBytes();
            for (int i = 0; i < ps.size(); i++) if (ps.get(i).value().isComplex() && ps.get(i).value().rank() >= 3) sum += per[i];
            return sum;
        }
        for (org.neuralop4j.autograd.Var p : ps) {
            Tensor v = p.value();
            if (!v.isComplex() || v.rank() < 3) continue;
            sum += opt instanceof Adam ? 24L * v.size() : 16L * v.size(); // Adam: m complex, v real; SGD: complex momentum
        }
        return sum;
    }

    /** "16,16,8,4": Tucker ranks per mode for --galore-rank. */
    private static int[] modeRanks(String text) {
        try {
            int[] r = java.util.Arrays.stream(text.split(",")).mapToInt(v -> Integer.parseInt(v.strip())).toArray();
            for (int v : r) if (v < 1) throw new NumberFormatException();
            return r;
        } catch (NumberFormatException e) {
            throw new Args.UsageError("train: --galore-rank takes a ratio in (0, 1] or ranks per mode like 16,16,8,4; got '" + text + "'");
        }
    }

    static Incremental.Settings ifnoSettings(Args a, int epochs, int modes) {
        String crit = a.choice("ifno-criterion", "energy", "energy", "loss-gap");
        int start = a.integer("ifno-start-modes", 2, 2, modes);
        if (start % 2 != 0) throw new Args.UsageError("train: --ifno-start-modes must be even, got " + start);
        String sched = a.string("resolution-schedule", "1");
        int[] rates;
        try {
            rates = java.util.Arrays.stream(sched.split(",")).mapToInt(r -> Integer.parseInt(r.strip())).toArray();
            for (int r : rates) if (r < 1 || r > 64) throw new NumberFormatException();
        } catch (NumberFormatException e) {
            throw new Args.UsageError("train: --resolution-schedule must be rates in [1, 64] separated by commas, e.g. 4,2,1; got '" + sched + "'");
        }
        int gap = a.integer("epoch-gap", Math.max(1, (epochs + rates.length - 1) / rates.length), 1, 1_000_000);
        return new Incremental.Settings(crit.equals("energy") ? Incremental.Criterion.ENERGY : Incremental.Criterion.LOSS_GAP,
                a.number("ifno-alpha", 0.99, 1e-9, 1), a.integer("ifno-buffer", 1, 0, 1000), a.number("ifno-eps", 1e-3, 0, 1e9), start, rates, gap);
    }

    static int run(String[] argv, PrintStream out, PrintStream err, boolean terminal) throws IOException {
        Args given = new Args("train", argv, 1, VALUED, FLAGS);
        Checkpoint.Loaded resumed = null;
        Args a = given;
        if (given.has("resume")) {
            Path from = Path.of(given.string("resume", null));
            resumed = Checkpoint.load(from);
            String stored = resumed.metadata().get("options"), trainer = resumed.metadata().get("trainer");
            if (stored == null || trainer == null) throw new IOException(from + ": not a training checkpoint (no options or trainer state)");
            for (String k : given.names()) {
                if (!RESUMABLE.contains(k)) throw new Args.UsageError("train: --" + k + " cannot change when resuming (it is stored in " + from + ")");
            }
            Map<String, List<String>> merged = new LinkedHashMap<>();
            Json.parseObject(stored).forEach((k, v) -> {
                List<String> l = new ArrayList<>();
                for (Object o : (List<?>) v) l.add((String) o);
                merged.put(k, l);
            });
            for (String k : given.names()) merged.put(k, given.all(k));
            a = Args.of("train", merged, VALUED, FLAGS);
        }
        long t0 = System.nanoTime();
        if (a.has("threads")) Parallel.setThreads(a.integer("threads", 1, 1, 1024));
        boolean quiet = a.has("quiet");
        Path outDir = Path.of(a.string("out", "out"));
        long seed = a.integer("seed", 0, 0, Integer.MAX_VALUE);
        Progress progress = new Progress(err, terminal, quiet, 0, 0);

        // every option is read (and checked) before any work starts
        boolean user = a.has("train");
        if (user) {
            if (a.has("problem") || a.has("samples") || a.has("resolution") || a.has("test-samples")) {
                throw new Args.UsageError("train: --train takes the data from the file; --problem, --samples, --test-samples and --resolution are for generated data");
            }
            if (a.all("test").isEmpty()) throw new Args.UsageError("train: --train needs at least one --test FILE.npz");
        } else if (a.has("test") || a.has("dims")) {
            throw new Args.UsageError("train: --test and --dims go with --train");
        }
        Problem p = user ? null : Problem.of(a.choice("problem", "darcy", Problem.ids()));
        int dimsHint = a.integer("dims", 0, 1, 2);
        int res = p == null ? 0 : a.integer("resolution", p.resolution, 8, 4096);
        int nTrain = p == null ? 0 : a.integer("samples", p.trainSamples, 1, 1_000_000);
        int nTest = p == null ? 0 : a.integer("test-samples", p.testSamples, 1, 1_000_000);
        int modes = a.integer("modes", p != null ? p.modes : 12, 2, 4096);
        if (modes % 2 != 0) throw new Args.UsageError("train: --modes must be even, got " + modes);
        int width = a.integer("width", p != null ? p.width : 32, 1, 4096), layers = a.integer("layers", 4, 1, 64);
        double padding = a.number("padding", 0, 0, 1);
        String kind = a.choice("model", "fno", "fno", "tfno", "ifno");
        if (!kind.equals("tfno") && a.has("rank")) throw new Args.UsageError("train: --rank goes with --model tfno");
        for (String o : List.of("ifno-criterion", "ifno-alpha", "ifno-buffer", "ifno-eps", "ifno-start-modes", "resolution-schedule", "epoch-gap")) {
            if (!kind.equals("ifno") && a.has(o)) throw new Args.UsageError("train: --" + o + " goes with --model ifno");
        }
        double rank = a.number("rank", 0.25, 1e-6, 1);
        int epochs = a.integer("epochs", p != null ? p.epochs : 20, 0, 1_000_000);
        int batch = a.integer("batch", p != null ? p.batch : 16, 1, 1_000_000);
        double lr = a.number("lr", 5e-3, 0, 10);
        String optName = a.choice("optimizer", "adamw", "sgd", "adam", "adamw", "tensor-galore", "galore");
        boolean galore = optName.endsWith("galore");
        for (String o : List.of("galore-rank", "galore-update-gap", "galore-scale", "galore-sweeps")) {
            if (!galore && a.has(o)) throw new Args.UsageError("train: --" + o + " goes with --optimizer tensor-galore or galore");
        }
        String rankText = a.string("galore-rank", "0.25");
        int[] galoreModeRanks = rankText.contains(",") ? modeRanks(rankText) : null;
        double galoreRank = galoreModeRanks == null ? a.number("galore-rank", 0.25, 1e-6, 1) : 1.0, galoreScale = a.number("galore-scale", 2, 1e-9, 1e9);
        int galoreGap = a.integer("galore-update-gap", 10, 1, 1_000_000), galoreSweeps = a.integer("galore-sweeps", 1, 1, 100);
        boolean h1 = a.choice("loss", "l2", "h1", "l2").equals("h1");
        int stopAfter = a.integer("stop-after", epochs, 0, epochs);
        Incremental.Settings ifno = kind.equals("ifno") ? ifnoSettings(a, epochs, modes) : null;

        // data
        Tensor[] train;
        Map<String, Tensor[]> tests = new LinkedHashMap<>();
        String problem;
        if (user) {
            Path trainFile = Path.of(a.string("train", null));
            train = Layouts.pair(trainFile, dimsHint);
            for (String f : a.all("test")) {
                Tensor[] t = Layouts.pair(Path.of(f), train[0].rank() - 2);
                if (t[0].dim(1) != train[0].dim(1) || t[1].dim(1) != train[1].dim(1)) {
                    throw new IllegalArgumentException(f + ": channels differ from the training data");
                }
                String key = Layouts.grid(t[0]);
                tests.put(tests.containsKey(key) ? key + " " + Path.of(f).getFileName() : key, t);
            }
            problem = trainFile.getFileName().toString();
        } else {
            train = p.generate(nTrain, res, seed, progress.task("generating " + p.id + " training data " + res, nTrain));
            for (int r : new int[] {res, 2 * res}) {
                Tensor[] t = p.generate(nTest, r, seed + (r == res ? 1 : 2), progress.task("generating " + p.id + " test data " + r, nTest));
                tests.put(Layouts.grid(t[0]), t);
            }
            problem = p.id;
        }

        // model
        int[] nModes = new int[train[0].rank() - 2];
        java.util.Arrays.fill(nModes, modes);
        FnoConfig config = FnoConfig.of(nModes, train[0].dim(1), train[1].dim(1), width).withLayers(layers).withSeed(seed)
                .withEmbeddingAndPadding(true, padding);
        if (kind.equals("tfno")) config = config.withTucker(rank);
        FNO model = new FNO(config);
        UnitGaussianNormalizer xn = UnitGaussianNormalizer.fitPerChannel(train[0]), yn = UnitGaussianNormalizer.fitPerChannel(train[1]);
        Trained trained = new Trained(model, xn, yn);
        Dataset trainSet = new Dataset(xn.encode(train[0]), train[1]);
        Map<String, Dataset> testSets = new LinkedHashMap<>();
        tests.forEach((k, t) -> testSets.put(k, new Dataset(xn.encode(t[0]), t[1])));

        // training
        Optimizer opt = switch (optName) {
            case "sgd" -> new Sgd(model.parameters(), lr, 0.9);
            case "adam" -> new Adam(model.parameters(), Adam.Config.defaults(lr));
            case "tensor-galore", "galore" -> new TensorGaLore(model.parameters(), new TensorGaLore.Config(Adam.Config.defaults(lr).withWeightDecay(1e-4),
                    optName.equals("galore") ? TensorGaLore.Projection.MATRIX : TensorGaLore.Projection.TUCKER, galoreRank, galoreGap, galoreScale, galoreSweeps,
                    galoreModeRanks));
            default -> new AdamW(model.parameters(), Adam.Config.defaults(lr).withWeightDecay(1e-4));
        };
        Loss loss = h1 ? new Loss.H1(true) : Loss.relativeL2();
        Trainer trainer = new Trainer(model, trained::forward, opt, new Scheduler.Cosine(lr, 0, Math.max(1, epochs)), loss, Loss.relativeL2(),
                new Trainer.Settings(stopAfter, batch, seed, 0));
        if (resumed != null) {
            trainer.resume(RunState.trainerState(resumed));
            model.setActiveModes(resumed.model().activeModes());
        }
        if (ifno != null) {
            Incremental inc = new Incremental(model, ifno);
            if (resumed == null) inc.start();
            trainer.setSchedule(inc);
        }

        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("problem", problem);
        meta.put("normalizer", trained.normalizerJson());
        Map<String, String> checkpointMeta = new LinkedHashMap<>(meta);
        Map<String, List<String>> options = new LinkedHashMap<>(a.values());
        options.keySet().removeAll(Set.of("stop-after", "resume"));
        checkpointMeta.put("options", Json.write(options));
        Path checkpoint = outDir.resolve("checkpoint.safetensors");
        Progress bar = new Progress(err, terminal, quiet, epochs, batch);
        HeapPeak heap = new HeapPeak();
        Trainer.Listener listener = new Trainer.Listener() {
            @Override
            public void batch(int epoch, int b, int batches, double value) {
                heap.sample();
                bar.batch(epoch, b, batches, value);
            }

            @Override
            public void epoch(Trainer.Epoch e) {
                bar.epoch(e);
                try {
                    RunState.save(checkpoint, model, trainer.state(), checkpointMeta, opt);
                } catch (IOException x) {
                    throw new java.io.UncheckedIOException(x);
                }
            }
        };
        bar.say(String.format(Locale.ROOT, "training %s on %s: %d samples on %s, %d parameters, %d threads", kind.toUpperCase(Locale.ROOT), problem,
                trainSet.size(), Layouts.grid(train[0]), model.parameterCount(), Parallel.threads()));
        List<Trainer.Epoch> history;
        try {
            history = trainer.fit(trainSet, testSets, listener);
        } catch (Trainer.Diverged d) {
            err.println("neuralop4j train: " + d.getMessage() + "; the last good state is in " + checkpoint);
            return 1;
        }
        Map<String, Double> finalTest = history.isEmpty() ? trainer.evaluate(testSets) : history.get(history.size() - 1).testLoss();
        double seconds = (System.nanoTime() - t0) / 1e9;

        // results
        Path modelFile = outDir.resolve("model.safetensors");
        Checkpoint.save(modelFile, model, meta, Map.of());
        List<String> figures = Figures.write(outDir, history, trained, tests);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("problem", problem);
        Map<String, Object> modelInfo = new LinkedHashMap<>();
        modelInfo.put("type", kind);
        modelInfo.put("config", Checkpoint.toJson(config));
        metrics.put("model", modelInfo);
        metrics.put("params", model.parameterCount());
        metrics.put("epochs", history.size());
        metrics.put("seconds", seconds);
        metrics.put("train_loss", history.isEmpty() ? null : history.get(history.size() - 1).trainLoss());
        metrics.put("train_loss_kind", loss instanceof Loss.H1 ? "relative H1" : "relative L2");
        metrics.put("flops", history.stream().mapToLong(Trainer.Epoch::flops).sum());
        metrics.put("modes", model.activeModes()[0]);
        metrics.put("test_rel_l2", finalTest);
        metrics.put("history", RunState.historyJson(history));
        Map<String, Object> optimizer = new LinkedHashMap<>();
        optimizer.put("name", optName);
        optimizer.put("lr", lr);
        optimizer.put("schedule", "cosine");
        if (galore) {
            optimizer.put("rank", galoreModeRanks == null ? galoreRank : rankText);
            optimizer.put("update_gap", galoreGap);
            optimizer.put("scale", galoreScale);
            optimizer.put("sweeps", galoreSweeps);
            optimizer.put("decompositions", ((TensorGaLore) opt).decompositions());
        }
        metrics.put("optimizer", optimizer);
        metrics.put("optimizer_state_bytes", opt.stateBytes());
        metrics.put("spectral_state_bytes", spectralStateBytes(model, opt));
        metrics.put("peak_heap_bytes", heap.peak);
        metrics.put("threads", Parallel.threads());
        metrics.put("train_samples", trainSet.size());
        metrics.put("files", figures);
        AtomicFile.write(outDir.resolve("metrics.json"), Json.pretty(metrics).getBytes(StandardCharsets.UTF_8));

        out.printf(Locale.ROOT, "trained %s on %s in %s (%d epochs, %d parameters)%n", kind.toUpperCase(Locale.ROOT), problem,
                Progress.time(seconds), history.size(), model.parameterCount());
        finalTest.forEach((k, v) -> out.printf(Locale.ROOT, "  test relative L2 at %s: %.4f%n", k, v));
        out.println("wrote " + outDir.resolve("metrics.json") + ", " + modelFile + ", " + checkpoint);
        for (String f : figures) out.println("      " + outDir.resolve(f));
        return 0;
    }
}
