package org.neuralop4j.props;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PropsTest {
    @Test
    void aFailureNamesThePropertyTheTryTheSeedAndTheInput() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> Props.forAll("ints stay below 5", 50, Gen.ints(0, 100), v -> assertTrue(v < 5, "got " + v)));
        String m = e.getMessage();
        assertTrue(m.contains("'ints stay below 5'"), m);
        assertTrue(m.contains("-Dprops.seed=" + Props.seed()), m);
        assertTrue(m.matches("(?s).*failed on try \\d+ of 50.*"), m);
        assertTrue(m.contains("input: "), m);
    }

    @Test
    void theSameSeedGivesTheSameCasesAndSmallCasesComeFirst() {
        List<Integer> first = new ArrayList<>(), second = new ArrayList<>();
        Props.forAll("record", 40, Gen.ints(0, 1000), first::add);
        Props.forAll("record", 40, Gen.ints(0, 1000), second::add);
        assertEquals(first, second);
        for (int i = 0; i < 4; i++) assertTrue(first.get(i) <= 100, "early try " + i + " drew " + first.get(i));
        assertTrue(first.stream().anyMatch(v -> v > 500), "late tries reach the full range: " + first);
    }

    @Test
    void fftLengthsIncludeEveryFamily() {
        List<Integer> seen = new ArrayList<>();
        Props.forAll("lengths", 200, Gen.fftLengths(300), v -> {
            assertTrue(v >= 1 && v <= 300, "length " + v);
            seen.add(v);
        });
        assertTrue(seen.stream().anyMatch(v -> v > 2 && Integer.bitCount(v) == 1), "a power of two");
        assertTrue(seen.stream().anyMatch(v -> v > 100 && Gen.primeAtMost(v) == v), "a large prime");
        assertTrue(seen.stream().anyMatch(v -> v > 8 && Integer.bitCount(v - 1) == 1), "a 2^k + 1");
    }
}
