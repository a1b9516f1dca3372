package org.neuralop4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neuralop4j.train.Trainer;

class ProgressTest {
    private static String drive(boolean terminal, boolean quiet) throws InterruptedException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        Progress p = new Progress(new PrintStream(b, true, StandardCharsets.UTF_8), terminal, quiet, 2, 4);
        for (int i = 0; i < 3; i++) {
            p.batch(0, i, 3, 0.5);
            Thread.sleep(120); // past the terminal's redraw interval
        }
        p.epoch(new Trainer.Epoch(0, 0.25, Map.of("32x32", 0.125), 1e-3, 1.5, 0, Map.of()));
        p.task("generating", 2).accept(2);
        return b.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aTerminalGetsOneRedrawnLineWithBarRateAndEta() throws InterruptedException {
        String s = drive(true, false);
        assertTrue(s.contains("\repoch 1/2 [") && s.contains("samples/s") && s.contains("ETA"), s);
        assertTrue(s.contains("\repoch 1/2  train 0.2500  test 32x32 0.1250"), s);
        assertEquals(2, s.chars().filter(c -> c == '\n').count(), "only finished lines end: " + s);
    }

    @Test
    void aLogGetsPlainLinesAndQuietGetsNothing() throws InterruptedException {
        String s = drive(false, false);
        assertTrue(!s.contains("\r") && s.contains("epoch 1/2  train 0.2500") && s.contains("generating [####################] 2/2"), s);
        assertEquals("", drive(true, true));
    }
}
