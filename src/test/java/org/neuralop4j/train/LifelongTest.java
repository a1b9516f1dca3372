package org.neuralop4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralop4j.io.Json;
import org.neuralop4j.nn.FNO;
import org.neuralop4j.nn.FnoConfig;

class LifelongTest {
    @TempDir
    Path dir;

    static final List<LifelongTask> TASKS = List.of(new LifelongTask("heat", 0.01, 1), new LifelongTask("advection", 0.3, 2),
            new LifelongTask("helmholtz", 20, 3));

    static FNO model() {
        return new FNO(FnoConfig.of(new int[] {8}, 1, 1, 4).withLayers(2).withLiftingProjection(8, 8).withSeed(1));
    }

    static Lifelong.Settings settings(double lr, double ewc, Lifelong.Mode mode) {
        return new Lifelong.Settings(8, 4, 32, 2, 4, lr, ewc, Lifelong.Order.GIVEN, mode, 5);
    }

    @Test
    void theCurriculumPutsTasksWithMoreEasySamplesFirst() {
        List<LifelongTask> t = List.of(new LifelongTask("heat", 1, 0), new LifelongTask("heat", 2, 0), new LifelongTask("heat", 3, 0));
        List<double[]> d = List.of(new double[] {9, 9, 9, 9}, new double[] {1, 1, 1, 1}, new double[] {1, 9, 5, 5});
        assertEquals(List.of(t.get(1), t.get(2), t.get(0)), Lifelong.curriculum(t, d));
        // and on generated data the knobs order difficulty: smoother targets need fewer modes
        double heatEasy = mean(LifelongTask.difficulty(new LifelongTask("heat", 0.02, 1).generate(16, 64, 0)[1]));
        double heatHard = mean(LifelongTask.difficulty(new LifelongTask("heat", 0.0005, 1).generate(16, 64, 0)[1]));
        double helmEasy = mean(LifelongTask.difficulty(new LifelongTask("helmholtz", 5, 1).generate(16, 64, 0)[1]));
        double helmHard = mean(LifelongTask.difficulty(new LifelongTask("helmholtz", 60, 1).generate(16, 64, 0)[1]));
        assertTrue(heatEasy < heatHard && helmEasy < helmHard, heatEasy + " < " + heatHard + ", " + helmEasy + " < " + helmHard);
    }

    static double mean(double[] a) {
        return java.util.Arrays.stream(a).average().orElse(0);
    }

    @Test
    void aRunRecordsTheRegistryAndResumesExactly() throws Exception {
        Path a = dir.resolve("a"), b = dir.resolve("b");
        Lifelong.Result whole = Lifelong.run(model(), TASKS, settings(5e-3, 0.5, Lifelong.Mode.SINGLE), a, null);
        Lifelong.Result part = Lifelong.run(model(), TASKS, settings(5e-3, 0.5, Lifelong.Mode.SINGLE), b, null, 2);
        assertEquals(null, part.scores()[2]);
        Map<String, Object> reg = Json.parseObject(Files.readString(b.resolve("registry.json")));
        assertEquals(2, ((List<?>) reg.get("steps")).size());
        assertEquals(List.of("heat(0.01)", "advection(0.3)", "helmholtz(20)"), reg.get("order"));
        Map<?, ?> task0 = (Map<?, ?>) ((List<?>) reg.get("tasks")).get(0);
        assertEquals("heat", task0.get("family"));
        Map<?, ?> diff = (Map<?, ?>) task0.get("difficulty");
        assertEquals(8L, ((Number) diff.get("easy")).longValue() + ((Number) diff.get("medium")).longValue() + ((Number) diff.get("hard")).longValue());
        Lifelong.Result resumed = Lifelong.run(model(), TASKS, settings(5e-3, 0.5, Lifelong.Mode.SINGLE), b, null); // a new process would do the same
        for (int t = 0; t < 3; t++) assertArrayEquals(whole.scores()[t], resumed.scores()[t], 0.0, "step " + t);
        assertEquals(whole.metrics(), resumed.metrics());
        assertEquals(3, ((List<?>) Json.parseObject(Files.readString(b.resolve("registry.json"))).get("steps")).size());
    }

    @Test
    void withALearningRateOfZeroNothingIsLearnedOrForgotten() throws Exception {
        for (Lifelong.Mode mode : Lifelong.Mode.values()) {
            Lifelong.Result r = Lifelong.run(model(), TASKS, settings(0, 0, mode), dir.resolve(mode.name()), null);
            for (double[] row : r.scores()) assertArrayEquals(r.initial(), row, 0.0);
            assertEquals(0, r.metrics().get("forgetting"));
            assertEquals(0, r.metrics().get("windowed_forgetting_5"));
            assertEquals(0, r.metrics().get("expanded_backward_transfer"));
            assertEquals(0, r.metrics().get("incremental_plasticity"));
            assertEquals(0, r.metrics().get("windowed_plasticity_5"));
        }
    }

    @Test
    void trainingOnATaskRaisesItsScore() throws Exception {
        Lifelong.Result r = Lifelong.run(model(), TASKS, new Lifelong.Settings(16, 8, 32, 4, 4, 1e-2, 0, Lifelong.Order.GIVEN, Lifelong.Mode.SINGLE, 5),
                dir, null);
        assertTrue(r.metrics().get("incremental_plasticity") > 0, r.metrics().toString());
    }
}
