package org.neuralop4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false);
    }

    @Test
    void infoReportsVersionRuntimeAndThreads() {
        assertEquals(0, run("info"));
        String s = out.toString(StandardCharsets.UTF_8);
        assertTrue(s.startsWith("neuralop4j "), s);
        assertTrue(s.contains("java       " + System.getProperty("java.version")), s);
        assertTrue(s.matches("(?s).*threads\\s+\\d+.*"), s);
    }

    @Test
    void helpGoesToStdoutAndSucceeds() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("usage: neuralop4j"));
    }

    @Test
    void unknownCommandsAndNoCommandAreUsageErrors() {
        assertEquals(2, run("frobnicate"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown command 'frobnicate'"));
        assertEquals(2, run());
    }
}
