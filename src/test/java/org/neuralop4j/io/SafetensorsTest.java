package org.neuralop4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralop4j.props.Gen;
import org.neuralop4j.props.Props;
import org.neuralop4j.tensor.Tensor;

class SafetensorsTest {
    @TempDir
    Path dir;

    static Gen<Map<String, Tensor>> tensorMaps() {
        return (r, size) -> {
            Map<String, Tensor> m = new LinkedHashMap<>();
            int n = 1 + r.nextInt(4);
            for (int i = 0; i < n; i++) m.put("layer." + i + ".weight", Gen.anyTensor(r, Gen.shapes(0, 3, 1 + (int) (6 * size)).next(r, size)));
            return m;
        };
    }

    static byte[] file(String header, byte[] data) {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN).putLong(h.length).put(h).put(data).array();
    }

    /** The F64 numbers as stored: a complex tensor interleaved. */
    static double[] stored(Tensor t) {
        if (!t.isComplex()) return t.re();
        double[] out = new double[2 * t.size()];
        for (int i = 0; i < t.size(); i++) {
            out[2 * i] = t.re()[i];
            out[2 * i + 1] = t.im()[i];
        }
        return out;
    }

    @Test
    void tensorsAndMetadataRoundTrip() {
        Props.forAll("safetensors write then read gives the tensors back", tensorMaps(), m -> {
            Path f = dir.resolve("m.safetensors");
            Safetensors.write(f, m, Map.of("note", "ok"));
            Safetensors.Contents c = Safetensors.read(f);
            assertEquals(Map.of("note", "ok"), c.metadata());
            assertEquals(m.keySet(), c.tensors().keySet());
            for (String k : m.keySet()) {
                Tensor want = m.get(k), got = c.tensors().get(k);
                assertArrayEquals(want.shape(), got.shape());
                assertEquals(want.isComplex(), got.isComplex());
                assertArrayEquals(want.re(), got.re(), 0.0);
                if (want.isComplex()) assertArrayEquals(want.im(), got.im(), 0.0);
            }
        });
    }

    @Test
    void complexTensorsAreStoredAsF64WithATrailingTwo() throws IOException {
        Path f = dir.resolve("c.safetensors");
        Safetensors.write(f, Map.of("w", Tensor.ofComplex(new double[] {1, 2}, new double[] {3, 4}, 2)), Map.of());
        byte[] b = Files.readAllBytes(f);
        long n = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getLong();
        Map<String, Object> header = Json.parseObject(new String(b, 8, (int) n, StandardCharsets.UTF_8));
        assertEquals(Map.of("dtype", "F64", "shape", java.util.List.of(2L, 2L), "data_offsets", java.util.List.of(0L, 32L)), header.get("w"));
        ByteBuffer data = ByteBuffer.wrap(b, 8 + (int) n, 32).order(ByteOrder.LITTLE_ENDIAN);
        assertArrayEquals(new double[] {1, 3, 2, 4}, new double[] {data.getDouble(), data.getDouble(), data.getDouble(), data.getDouble()}, 0.0);
    }

    @Test
    void readsTheOtherDtypes() throws IOException {
        byte[] data = ByteBuffer.allocate(8 + 4 + 1).order(ByteOrder.LITTLE_ENDIAN).putFloat(1.5f).putFloat(-2f).putInt(7).put((byte) 1).array();
        String h = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},\"b\":{\"dtype\":\"I32\",\"shape\":[],\"data_offsets\":[8,12]},"
                + "\"c\":{\"dtype\":\"BOOL\",\"shape\":[1,1],\"data_offsets\":[12,13]}}";
        Safetensors.Contents c = Safetensors.decode(file(h, data), "hand");
        assertArrayEquals(new double[] {1.5, -2}, c.tensors().get("a").re(), 0.0);
        assertEquals(7.0, c.tensors().get("b").item());
        assertArrayEquals(new int[] {1, 1}, c.tensors().get("c").shape());
    }

    @Test
    void headersThatLieAreRefused() {
        byte[] eight = new byte[8];
        String[] lies = {
            "{\"a\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[0,8]}}", // shape needs 16 bytes
            "{\"a\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[8,16]}}", // gap, runs past the data
            "{\"a\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0,8]},\"b\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0,8]}}", // overlap
            "{\"a\":{\"dtype\":\"F64\",\"shape\":[0],\"data_offsets\":[0,0]}}", // leaves 8 bytes unclaimed
            "{\"a\":{\"dtype\":\"F64\",\"shape\":[100000,100000,100000],\"data_offsets\":[0,8]}}",
            "{\"a\":{\"dtype\":\"C128\",\"shape\":[1],\"data_offsets\":[0,8]}}",
            "{\"a\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0,8],\"x\":1}}",
            "{\"a\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0,8]},\"__metadata__\":{\"k\":1}}",
            "{\"a\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0,8]},\"__metadata__\":{\"complex\":\"[\\\"a\\\"]\"}}",
            "[1]",
        };
        for (String h : lies) {
            IOException e = assertThrows(IOException.class, () -> Safetensors.decode(file(h, eight), "lie.safetensors"), h);
            assertTrue(e.getMessage().startsWith("lie.safetensors: "), e.getMessage());
        }
        byte[] hugeLength = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(Long.MAX_VALUE).array();
        assertThrows(IOException.class, () -> Safetensors.decode(hugeLength, "x"));
    }

    @Test
    void truncatedOrFlippedHeadersAreRefusedOrHarmless() {
        Props.forAll("a truncated file is refused; a flipped header byte is refused or changes nothing", tensorMaps(), m -> {
            Path f = dir.resolve("t.safetensors");
            Safetensors.write(f, m, Map.of("config", "{\"a\": 1}"));
            byte[] bytes = Files.readAllBytes(f);
            SplittableRandom r = new SplittableRandom(bytes.length);
            int cut = r.nextInt(bytes.length);
            assertThrows(IOException.class, () -> Safetensors.decode(Arrays.copyOf(bytes, cut), "t"));
            int headerEnd = 8 + (int) ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
            Safetensors.Contents want = Safetensors.decode(bytes, "t");
            for (int k = 0; k < 20; k++) {
                byte[] b = bytes.clone();
                int at = r.nextInt(headerEnd);
                b[at] ^= (byte) (1 << r.nextInt(8));
                Safetensors.Contents got;
                try {
                    got = Safetensors.decode(b, "t");
                } catch (IOException refused) {
                    continue;
                }
                // a flip inside a metadata string or a tensor name can leave valid JSON (renaming the
                // "complex" key turns complex tensors into their (…, 2) real views): the stored numbers must be the same
                assertEquals(want.tensors().size(), got.tensors().size(), "flip at " + at);
                var wi = want.tensors().values().iterator();
                for (Tensor g : got.tensors().values()) assertArrayEquals(stored(wi.next()), stored(g), 0.0, "flip at " + at);
            }
        });
    }
}
