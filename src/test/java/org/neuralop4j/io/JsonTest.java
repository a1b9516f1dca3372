package org.neuralop4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neuralop4j.props.Props;

class JsonTest {
    @Test
    void parsesTheValueKinds() {
        Map<String, Object> m = Json.parseObject(" {\"a\": [1, -2.5e3, true, false, null], \"b\\n\": \"x\\u00e9\\\"\", \"c\": {}} ");
        assertEquals(List.of(1L, -2500.0, true, false), m.get("a").equals(null) ? null : ((List<?>) m.get("a")).subList(0, 4));
        assertEquals(null, ((List<?>) m.get("a")).get(4));
        assertEquals("xé\"", m.get("b\n"));
        assertEquals(Map.of(), m.get("c"));
    }

    @Test
    void malformedTextIsRefused() {
        for (String bad : new String[] {"", "{", "{\"a\":}", "[1,]", "{\"a\":1,\"a\":2}", "01", "1.", "\"\u0001\"", "[1] x", "tru", "{1:2}",
                "[".repeat(100) + "]".repeat(100)}) {
            assertThrows(IllegalArgumentException.class, () -> Json.parse(bad), bad);
        }
    }

    @Test
    void doublesRoundTripToTheSameBits() {
        Props.forAll("write then parse returns every double exactly", (r, size) -> Double.longBitsToDouble(r.nextLong()), d -> {
            if (!Double.isFinite(d)) return;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("v", d);
            m.put("l", List.of(d, "s"));
            Object back = Json.parseObject(Json.pretty(m)).get("v");
            assertEquals(d, ((Number) back).doubleValue(), 0.0);
            assertEquals(Json.write(m), Json.write(Json.parse(Json.write(m))));
        });
    }
}
