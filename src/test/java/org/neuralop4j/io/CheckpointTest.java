package org.neuralop4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralop4j.autograd.Var;
import org.neuralop4j.nn.FNO;
import org.neuralop4j.nn.FnoConfig;
import org.neuralop4j.tensor.Tensor;

class CheckpointTest {
    @TempDir
    Path dir;

    static Tensor outputs(FNO m, Tensor x) {
        try (Var.NoGrad ignored = Var.noGrad()) {
            return m.forward(Var.constant(x)).value();
        }
    }

    @Test
    void aReloadedModelGivesTheSameOutputsBitForBit() throws IOException {
        for (FnoConfig c : new FnoConfig[] {FnoConfig.of(new int[] {4, 4}, 2, 1, 6).withLayers(2).withSeed(3),
                FnoConfig.of(new int[] {6}, 1, 2, 5).withLayers(2).withTucker(0.5).withSeed(4)}) {
            FNO model = new FNO(c);
            model.parameters().forEach(p -> p.value().re()[0] += 0.25); // not the initialization the config would give
            Path f = dir.resolve("m.safetensors");
            Checkpoint.save(f, model, Map.of("problem", "test"), Map.of("note", Tensor.arange(3)));
            Checkpoint.Loaded back = Checkpoint.load(f);
            assertEquals(c, back.model().config());
            assertEquals("test", back.metadata().get("problem"));
            assertArrayEquals(Tensor.arange(3).re(), back.extra().get("note").re(), 0.0);
            int[] shape = c.nModes().length == 2 ? new int[] {2, 2, 9, 9} : new int[] {3, 1, 17};
            Tensor x = Tensor.randn(5, shape);
            assertArrayEquals(outputs(model, x).re(), outputs(back.model(), x).re(), 0.0);
        }
    }

    @Test
    void loadingNamesEveryMissingUnexpectedOrMisshapedTensor() throws IOException {
        FNO model = new FNO(FnoConfig.of(new int[] {4}, 1, 1, 4).withLayers(1));
        Map<String, Tensor> tensors = new LinkedHashMap<>(model.stateDict());
        tensors.remove("projection.fcs.1.bias");
        tensors.put("lifting.fcs.0.weight", Tensor.zeros(1, 1));
        tensors.put("stray", Tensor.zeros(1));
        Path f = dir.resolve("bad.safetensors");
        Safetensors.write(f, tensors, Map.of(Checkpoint.CONFIG, Json.write(Checkpoint.toJson(model.config()))));
        IOException e = assertThrows(IOException.class, () -> Checkpoint.load(f));
        for (String s : new String[] {"bad.safetensors", "missing projection.fcs.1.bias", "unexpected stray", "lifting.fcs.0.weight: expected"}) {
            assertTrue(e.getMessage().contains(s), e.getMessage());
        }
    }

    @Test
    void aKilledWriteLeavesThePreviousFileIntact() throws IOException {
        FNO model = new FNO(FnoConfig.of(new int[] {4}, 1, 1, 4).withLayers(1));
        Path f = dir.resolve("keep.safetensors");
        Checkpoint.save(f, model, Map.of(), Map.of());
        byte[] before = Files.readAllBytes(f);
        assertThrows(IOException.class, () -> AtomicFile.write(f, out -> {
            out.write(new byte[100_000]); // part of a new file, then the writer dies
            throw new IOException("killed");
        }));
        assertArrayEquals(before, Files.readAllBytes(f));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
        Checkpoint.load(f);
    }
}
