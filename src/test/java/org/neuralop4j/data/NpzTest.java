package org.neuralop4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralop4j.props.Gen;
import org.neuralop4j.props.Props;
import org.neuralop4j.tensor.Tensor;

class NpzTest {
    @TempDir
    Path dir;

    record Archive(Map<String, Tensor> arrays, boolean compress) {}

    static Gen<Archive> archives() {
        return (r, size) -> {
            Map<String, Tensor> m = new LinkedHashMap<>();
            int count = 1 + r.nextInt(3);
            for (int i = 0; i < count; i++) {
                int[] shape = Gen.shapes(0, 3, 1 + (int) (8 * size)).next(r, size);
                m.put(i == 0 ? "x" : "arr_" + i, Gen.anyTensor(r, shape));
            }
            return new Archive(m, r.nextBoolean());
        };
    }

    static void assertSame(Map<String, Tensor> want, Map<String, Tensor> got) {
        assertEquals(want.keySet(), got.keySet());
        for (String k : want.keySet()) {
            assertArrayEquals(want.get(k).shape(), got.get(k).shape(), k);
            assertArrayEquals(want.get(k).re(), got.get(k).re(), 0.0, k);
            assertEquals(want.get(k).isComplex(), got.get(k).isComplex(), k);
            if (want.get(k).isComplex()) assertArrayEquals(want.get(k).im(), got.get(k).im(), 0.0, k);
        }
    }

    @Test
    void storedAndDeflatedArchivesRoundTrip() {
        Props.forAll("npz write then read gives the arrays back", archives(), a -> {
            Path f = dir.resolve("a.npz");
            Npz.write(f, a.arrays(), a.compress());
            assertSame(a.arrays(), Npz.read(f));
        });
    }

    @Test
    void archivesAreOrdinaryZipFilesOfNpyEntries() throws IOException {
        Path f = dir.resolve("z.npz");
        Npz.write(f, Map.of("x", Tensor.arange(4)), true);
        try (ZipInputStream z = new ZipInputStream(Files.newInputStream(f))) {
            ZipEntry e = z.getNextEntry();
            assertEquals("x.npy", e.getName());
            assertArrayEquals(Tensor.arange(4).re(), Npy.decode(z.readAllBytes(), "x").re(), 0.0);
        }
    }

    @Test
    void truncatedArchivesAreRefused() {
        Props.forAll("a truncated npz is refused", archives(), a -> {
            Path f = dir.resolve("t.npz");
            Npz.write(f, a.arrays(), a.compress());
            byte[] full = Files.readAllBytes(f);
            int cut = new SplittableRandom(full.length).nextInt(full.length);
            IOException e = assertThrows(IOException.class, () -> Npz.decode(Arrays.copyOf(full, cut), "t.npz"));
            assertTrue(e.getMessage().startsWith("t.npz"), e.getMessage());
        });
    }

    @Test
    void flippedBytesAreRefusedOrHarmless() {
        Props.forAll("a flipped byte anywhere in an npz is refused or reads the same arrays", archives(), a -> {
            Path f = dir.resolve("f.npz");
            Npz.write(f, a.arrays(), a.compress());
            byte[] bytes = Files.readAllBytes(f);
            SplittableRandom r = new SplittableRandom(bytes.length * 7L);
            for (int k = 0; k < 20; k++) {
                int at = r.nextInt(bytes.length);
                byte[] b = bytes.clone();
                b[at] ^= (byte) (1 << r.nextInt(8));
                Map<String, Tensor> back;
                try {
                    back = Npz.decode(b, "f.npz");
                } catch (IOException refused) {
                    continue;
                }
                assertSame(a.arrays(), back); // e.g. a timestamp or attribute byte: nothing read depends on it
            }
        });
    }
}
