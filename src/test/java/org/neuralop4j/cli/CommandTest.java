package org.neuralop4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralop4j.data.Npz;
import org.neuralop4j.io.Checkpoint;
import org.neuralop4j.io.Json;
import org.neuralop4j.pde.Heat;
import org.neuralop4j.tensor.Tensor;

/** The command end to end, on sizes that take well under a second. */
class CommandTest {
    @TempDir
    Path dir;

    private String out = "", err = "";

    private int run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8), false);
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return status;
    }

    private String[] tinyHeat(Path outDir, String... more) {
        List<String> a = new ArrayList<>(List.of("train", "--problem", "heat", "--samples", "12", "--test-samples", "4", "--resolution", "16",
                "--modes", "4", "--width", "4", "--layers", "2", "--epochs", "3", "--batch", "4", "--out", outDir.toString()));
        a.addAll(List.of(more));
        return a.toArray(new String[0]);
    }

    private static Map<String, Object> metrics(Path outDir) throws Exception {
        return Json.parseObject(Files.readString(outDir.resolve("metrics.json")));
    }

    @Test
    void trainWritesMetricsModelAndFigures() throws Exception {
        Path o = dir.resolve("run");
        assertEquals(0, run(tinyHeat(o)), err);
        Map<String, Object> m = metrics(o);
        for (String key : new String[] {"problem", "model", "params", "epochs", "seconds", "train_loss", "test_rel_l2", "history", "optimizer",
                "optimizer_state_bytes"}) {
            assertTrue(m.containsKey(key), key + " in " + m.keySet());
        }
        assertEquals("heat", m.get("problem"));
        assertEquals(3L, m.get("epochs"));
        assertEquals(List.of("16", "32"), new ArrayList<>(((Map<?, ?>) m.get("test_rel_l2")).keySet()));
        assertEquals(3, ((List<?>) m.get("history")).size());
        Checkpoint.Loaded model = Checkpoint.load(o.resolve("model.safetensors"));
        assertEquals(((Number) m.get("params")).longValue(), model.model().parameterCount());
        long adam = 8; // AdamW: the step count, m and v per real entry, complex m and real v per complex entry
        for (Tensor t : model.model().stateDict().values()) adam += (t.isComplex() ? 24L : 16L) * t.size();
        assertEquals(adam, ((Number) m.get("optimizer_state_bytes")).longValue());
        for (String f : new String[] {"loss.png", "sample_16.png", "sample_32.png"}) {
            byte[] png = Files.readAllBytes(o.resolve(f));
            assertEquals('P', png[1], f);
        }
        assertTrue(out.contains("test relative L2 at 16: "), out);
        assertTrue(err.contains("epoch 3/3  train "), "plain progress lines when stderr is not a terminal: " + err);
        assertEquals(0, run(tinyHeat(dir.resolve("quiet"), "--quiet")));
        assertEquals("", err);
    }

    @Test
    void aResumedRunRepeatsAnUninterruptedOneBitForBit() throws Exception {
        Path straight = dir.resolve("straight"), first = dir.resolve("first"), second = dir.resolve("second");
        assertEquals(0, run(tinyHeat(straight)), err);
        assertEquals(0, run(tinyHeat(first, "--stop-after", "1")), err);
        assertEquals(1L, metrics(first).get("epochs"));
        assertEquals(0, run("train", "--resume", first.resolve("checkpoint.safetensors").toString(), "--out", second.toString(), "--quiet"), err);
        List<?> a = (List<?>) metrics(straight).get("history"), b = (List<?>) metrics(second).get("history");
        assertEquals(3, b.size());
        for (int e = 0; e < 3; e++) {
            Map<?, ?> x = (Map<?, ?>) a.get(e), y = (Map<?, ?>) b.get(e);
            assertEquals(x.get("train_loss"), y.get("train_loss"), "epoch " + e);
            assertEquals(x.get("test_rel_l2"), y.get("test_rel_l2"), "epoch " + e);
        }
        Tensor wa = Checkpoint.load(straight.resolve("model.safetensors")).model().stateDict().get("fno_blocks.convs.0.weight");
        Tensor wb = Checkpoint.load(second.resolve("model.safetensors")).model().stateDict().get("fno_blocks.convs.0.weight");
        assertArrayEquals(wa.re(), wb.re(), 0.0);
        assertEquals(2, run("train", "--resume", first.resolve("checkpoint.safetensors").toString(), "--width", "8"));
        assertTrue(err.contains("--width cannot change when resuming"), err);
    }

    @Test
    void ifnoGrowsModesOnRefinedDataAndResumesExactly() throws Exception {
        String[] ifno = {"--model", "ifno", "--ifno-criterion", "loss-gap", "--ifno-eps", "10", "--resolution-schedule", "2,1", "--quiet"};
        Path straight = dir.resolve("ifno"), first = dir.resolve("ifno1"), second = dir.resolve("ifno2");
        assertEquals(0, run(tinyHeat(straight, ifno)), err);
        Map<String, Object> m = metrics(straight);
        List<?> h = (List<?>) m.get("history");
        assertEquals(List.of(2L, 2L, 4L), h.stream().map(e -> ((Map<?, ?>) e).get("modes")).toList());
        assertEquals(List.of(8L, 8L, 16L), h.stream().map(e -> ((Map<?, ?>) e).get("resolution")).toList());
        long flops = ((Number) m.get("flops")).longValue();
        assertEquals(h.stream().mapToLong(e -> ((Number) ((Map<?, ?>) e).get("flops")).longValue()).sum(), flops);
        assertTrue(((Number) ((Map<?, ?>) h.get(2)).get("flops")).longValue() > ((Number) ((Map<?, ?>) h.get(0)).get("flops")).longValue(),
                "finer data and more modes cost more");
        assertArrayEquals(new int[] {4}, Checkpoint.load(straight.resolve("model.safetensors")).model().activeModes());

        assertEquals(0, run(tinyHeat(first, concat(ifno, "--stop-after", "2"))), err);
        assertArrayEquals(new int[] {4}, Checkpoint.load(first.resolve("checkpoint.safetensors")).model().activeModes(), "K grew after epoch 2");
        assertEquals(0, run("train", "--resume", first.resolve("checkpoint.safetensors").toString(), "--out", second.toString(), "--quiet"), err);
        assertEquals(Json.write(strip(h)), Json.write(strip((List<?>) metrics(second).get("history"))));
        assertEquals(2, run(tinyHeat(dir.resolve("x"), "--ifno-alpha", "0.5")));
        assertTrue(err.contains("--ifno-alpha goes with --model ifno"), err);
    }

    @Test
    void tensorGaLoreTrainsWithLessStateAndResumesExactly() throws Exception {
        String[] tg = {"--optimizer", "tensor-galore", "--galore-update-gap", "2", "--galore-rank", "0.5", "--quiet"};
        Path adam = dir.resolve("adam"), straight = dir.resolve("tg"), first = dir.resolve("tg1"), second = dir.resolve("tg2");
        assertEquals(0, run(tinyHeat(adam, "--quiet")), err);
        assertEquals(0, run(tinyHeat(straight, tg)), err);
        Map<String, Object> a = metrics(adam), t = metrics(straight);
        assertTrue(((Number) t.get("spectral_state_bytes")).longValue() <= 0.5 * ((Number) a.get("spectral_state_bytes")).longValue(),
                t.get("spectral_state_bytes") + " vs Adam's " + a.get("spectral_state_bytes"));
        assertTrue(((Number) t.get("optimizer_state_bytes")).longValue() < ((Number) a.get("optimizer_state_bytes")).longValue());
        // 12 samples in batches of 4, 3 epochs: 9 steps, refreshed at steps 1, 3, 5, 7, 9, for each of 2 spectral weights
        assertEquals(10L, ((Map<?, ?>) t.get("optimizer")).get("decompositions"));
        assertEquals(0, run(tinyHeat(first, concat(tg, "--stop-after", "1"))), err);
        assertEquals(0, run("train", "--resume", first.resolve("checkpoint.safetensors").toString(), "--out", second.toString(), "--quiet"), err);
        assertEquals(Json.write(strip((List<?>) t.get("history"))), Json.write(strip((List<?>) metrics(second).get("history"))));
        assertEquals(2, run(tinyHeat(dir.resolve("x"), "--galore-rank", "0.5")));
        Path perMode = dir.resolve("tgm");
        assertEquals(0, run(tinyHeat(perMode, "--optimizer", "tensor-galore", "--galore-rank", "2,2,2", "--quiet")), err);
        // two spectral weights (4, 4, 3) at ranks (2, 2, 2): m and v over 8 core entries, factors 4·2 + 4·2 + 3·2
        assertEquals(2L * (24 * 8 + 16 * (8 + 8 + 6)), ((Number) metrics(perMode).get("spectral_state_bytes")).longValue());
        assertEquals(2, run(tinyHeat(dir.resolve("y"), "--optimizer", "tensor-galore", "--galore-rank", "2,x")));
    }

    @Test
    void codanoPretrainsOnThreeVariablesAndFineTunesOnFour() throws Exception {
        String[] small = {"--samples", "6", "--test-samples", "3", "--resolution", "16", "--epochs", "2", "--batch", "3", "--quiet"};
        Path pre = dir.resolve("pre"), tuned = dir.resolve("tuned"), scratch = dir.resolve("scratch");
        assertEquals(0, run(concat(new String[] {"pretrain", "--model", "codano", "--width", "6", "--modes", "6", "--head-channels", "3",
                "--out", pre.toString()}, small)), err);
        Map<String, Object> m = metrics(pre);
        assertEquals(List.of("u", "v", "w"), m.get("variables"));
        assertEquals(2, ((List<?>) m.get("history")).size());
        assertEquals(0, run(concat(new String[] {"finetune", "--from", pre.resolve("codano.safetensors").toString(), "--freeze",
                "--out", tuned.toString()}, small)), err);
        Map<String, Object> t = metrics(tuned);
        assertEquals(List.of("u", "v", "w", "T"), t.get("variables"));
        assertEquals(List.of("T"), t.get("new_variables"));
        assertTrue(((Number) t.get("trainable_params")).longValue() < ((Number) t.get("params")).longValue(), "the encoder is frozen");
        var loaded = Checkpoint.loadCoda(tuned.resolve("codano.safetensors")).model();
        var pretrained = Checkpoint.loadCoda(pre.resolve("codano.safetensors")).model();
        assertArrayEquals(pretrained.stateDict().get("encoder.0.key.weight").re(), loaded.stateDict().get("encoder.0.key.weight").re(), 0.0,
                "a frozen encoder is the pretrained one");
        assertEquals(0, run(concat(new String[] {"train", "--model", "codano", "--width", "6", "--modes", "6", "--out", scratch.toString()}, small)), err);
        assertTrue(((Map<?, ?>) metrics(scratch).get("test")).containsKey("16x16"));
        assertEquals(2, run("finetune", "--from", "x", "--width", "4"));
        assertEquals(2, run("pretrain", "--model", "fno"));
    }

    @Test
    void lifelongWritesRegistryScoresAndMeasuresAndResumes() throws Exception {
        Path o = dir.resolve("life");
        String[] args = {"lifelong", "--tasks", "heat:0.01,advection:0.3,helmholtz:20", "--order", "curriculum", "--epochs", "1", "--samples", "4",
            "--test-samples", "2", "--resolution", "16", "--width", "3", "--modes", "4", "--ewc", "1", "--out", o.toString(), "--quiet"};
        assertEquals(0, run(args), err);
        Map<String, Object> m = metrics(o);
        for (String k : new String[] {"windowed_forgetting_5", "forgetting", "resilience", "expanded_backward_transfer", "windowed_plasticity_5",
                "incremental_plasticity"}) {
            assertTrue(m.containsKey(k), k);
        }
        assertEquals(3, ((List<?>) m.get("tasks")).size());
        Map<String, Object> scores = Json.parseObject(Files.readString(o.resolve("scores.json")));
        assertEquals(3, ((List<?>) scores.get("scores")).size());
        assertEquals('P', Files.readAllBytes(o.resolve("scores.png"))[1]);
        assertEquals(0, run(args), err); // a finished registry: nothing to train, the same results
        assertEquals(Json.write(scores), Json.write(Json.parseObject(Files.readString(o.resolve("scores.json")))));
        assertEquals(2, run("lifelong", "--tasks", "poisson"));
        assertEquals(2, run("lifelong", "--order", "alphabetical"));
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** History without wall times. */
    private static List<Object> strip(List<?> history) {
        List<Object> out = new ArrayList<>();
        for (Object o : history) {
            Map<Object, Object> e = new java.util.LinkedHashMap<>((Map<?, ?>) o);
            e.remove("seconds");
            out.add(e);
        }
        return out;
    }

    @Test
    void generateEvalAndPredictAgreeWithTraining() throws Exception {
        Path o = dir.resolve("run");
        assertEquals(0, run(tinyHeat(o, "--quiet")), err);
        Path test = dir.resolve("test.npz"); // the same samples as the run's 16-point test set (seed 0 + 1)
        assertEquals(0, run("generate", "--problem", "heat", "--samples", "4", "--resolution", "16", "--seed", "1", "--out", test.toString(), "--quiet"));
        Map<String, Tensor> data = Npz.read(test);
        assertArrayEquals(new int[] {4, 16}, data.get("x").shape());
        Tensor u0 = data.get("x").slice(0, 2, 3).reshape(16);
        assertTrue(Heat.solve(u0, 0.01, 0.5).allClose(data.get("y").slice(0, 2, 3).reshape(16), 1e-14, 1e-14), "y is the exact heat solution");

        assertEquals(0, run("eval", "--model", o.resolve("model.safetensors").toString(), "--test", test.toString()), err);
        double evalError = Double.parseDouble(out.replaceAll("(?s).*relative L2 ([0-9.]+).*", "$1"));
        double trainError = ((Number) ((Map<?, ?>) metrics(o).get("test_rel_l2")).get("16")).doubleValue();
        assertEquals(trainError, evalError, 1e-6);

        Path pred = dir.resolve("pred.npz");
        assertEquals(0, run("predict", "--model", o.resolve("model.safetensors").toString(), "--input", test.toString(), "--output", pred.toString()), err);
        Tensor y = Npz.read(pred).get("y"), truth = data.get("y");
        assertArrayEquals(new int[] {4, 16}, y.shape());
        double sum = 0;
        for (int i = 0; i < 4; i++) {
            Tensor d = y.slice(0, i, i + 1).sub(truth.slice(0, i, i + 1));
            sum += Math.sqrt(d.mul(d).sum().item()) / Math.sqrt(truth.slice(0, i, i + 1).mul(truth.slice(0, i, i + 1)).sum().item());
        }
        assertEquals(evalError, sum / 4, 1e-6, "predictions give the error eval reports");
    }

    @Test
    void trainsOnUserArraysOfEitherLayout() throws Exception {
        Path train = dir.resolve("train.npz"), test = dir.resolve("test.npz");
        assertEquals(0, run("generate", "--problem", "darcy", "--samples", "8", "--resolution", "8", "--out", train.toString(), "--quiet"));
        assertEquals(0, run("generate", "--problem", "darcy", "--samples", "3", "--resolution", "16", "--seed", "5", "--out", test.toString(), "--quiet"));
        Path o = dir.resolve("user");
        assertEquals(0, run("train", "--train", train.toString(), "--test", test.toString(), "--modes", "4", "--width", "3", "--layers", "1",
                "--epochs", "1", "--batch", "4", "--out", o.toString(), "--quiet", "--model", "tfno"), err);
        assertEquals(List.of("16x16"), new ArrayList<>(((Map<?, ?>) metrics(o).get("test_rel_l2")).keySet()));
        assertTrue(Files.size(o.resolve("sample_16x16.png")) > 100);
        assertTrue(Checkpoint.load(o.resolve("model.safetensors")).model().config().tuckerRank() > 0);
        // the same data with an explicit channel axis, as (n, C, W) 1-D samples: 8 channels on 8 points
        Map<String, Tensor> d = Npz.read(train);
        Path asChannels = dir.resolve("channels.npz");
        Npz.write(asChannels, Map.of("x", d.get("x"), "y", d.get("y")), true);
        assertEquals(0, run("train", "--train", asChannels.toString(), "--test", asChannels.toString(), "--dims", "1", "--modes", "4", "--width", "3",
                "--layers", "1", "--epochs", "1", "--out", dir.resolve("c").toString(), "--quiet"), err);
        assertEquals(8L, ((Map<?, ?>) ((Map<?, ?>) metrics(dir.resolve("c")).get("model")).get("config")).get("in_channels"));
    }

    @Test
    void wrongFlagsAndValuesGetOneLineAndStatusTwo() {
        String[][] bad = {
            {"train", "--frobnicate"}, {"train", "--epochs", "-1"}, {"train", "--epochs"}, {"train", "--model", "cnn"}, {"train", "--modes", "5"},
            {"train", "--problem", "poisson"}, {"train", "--train", "x.npz"}, {"train", "--rank", "0.5"}, {"eval", "--test", "t.npz"},
            {"predict", "--model", "m"}, {"generate", "--samples", "3"}, {"generate", "--problem", "heat", "--out", "x", "--resolution", "abc"},
            {"info", "--x"}, {"train", "stray"},
        };
        for (String[] args : bad) {
            assertEquals(2, run(args), String.join(" ", args));
            assertEquals(1, err.strip().lines().count(), String.join(" ", args) + ": " + err);
            assertTrue(err.startsWith("neuralop4j "), err);
        }
        for (String c : new String[] {"train", "eval", "predict", "generate", "info"}) {
            assertEquals(0, run(c, "--help"));
            assertTrue(out.startsWith("usage: neuralop4j " + c), out);
        }
    }

    @Test
    void missingOrDamagedFilesFailWithTheirName() throws Exception {
        Path missing = dir.resolve("nope.npz");
        assertEquals(1, run("eval", "--model", missing.toString(), "--test", missing.toString()));
        assertTrue(err.contains("nope.npz"), err);
        Path damaged = dir.resolve("bad.safetensors");
        Files.write(damaged, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        assertEquals(1, run("predict", "--model", damaged.toString(), "--input", "x.npz", "--output", "y.npz"));
        assertTrue(err.contains("bad.safetensors"), err);
    }
}
