package org.neuralop4j.data;

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
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralop4j.data.Npy.DType;
import org.neuralop4j.props.Gen;
import org.neuralop4j.props.Props;
import org.neuralop4j.tensor.Tensor;

class NpyTest {
    @TempDir
    Path dir;

    /** A random array with values the dtype holds exactly, in a random layout. */
    record Case(Tensor t, DType dtype, ByteOrder order, boolean fortran) {}

    static Gen<Case> cases() {
        return (r, size) -> {
            DType d = DType.values()[r.nextInt(DType.values().length)];
            int rank = r.nextInt(5);
            int[] shape = new int[rank];
            for (int k = 0; k < rank; k++) shape[k] = r.nextInt(1 + (int) Math.ceil(6 * size));
            int n = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
            double[] re = new double[n], im = new double[n];
            for (int i = 0; i < n; i++) {
                re[i] = value(r, d);
                im[i] = value(r, d);
            }
            Tensor t = d.complex() ? Tensor.ofComplex(re, im, shape) : Tensor.of(re, shape);
            return new Case(t, d, r.nextBoolean() ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN, r.nextBoolean());
        };
    }

    static double value(SplittableRandom r, DType d) {
        return switch (d) {
            case BOOL -> r.nextInt(2);
            case INT8 -> r.nextInt(-128, 128);
            case UINT8 -> r.nextInt(256);
            case INT16 -> r.nextInt(-32768, 32768);
            case UINT16 -> r.nextInt(65536);
            case INT32 -> r.nextInt();
            case UINT32 -> r.nextLong(1L << 32);
            case INT64 -> r.nextLong(-(1L << 53), 1L << 53);
            case UINT64 -> r.nextBoolean() ? r.nextLong(1L << 53) : 0x1p63 + 2048.0 * r.nextInt(1 << 20); // above 2^63 too
            case FLOAT32, COMPLEX64 -> (float) r.nextGaussian();
            case FLOAT64, COMPLEX128 -> r.nextGaussian();
        };
    }

    @Test
    void everyDtypeOrderAndLayoutRoundTrips() {
        Props.forAll("npy write then read gives the values back", cases(), c -> {
            Path f = dir.resolve("a.npy");
            Npy.write(f, c.t(), c.dtype(), c.order(), c.fortran());
            Tensor back = Npy.read(f);
            assertArrayEquals(c.t().shape(), back.shape());
            assertArrayEquals(c.t().re(), back.re(), 0.0);
            if (c.dtype().complex()) assertArrayEquals(c.t().im(), back.im(), 0.0);
            assertEquals(0, Files.size(f) % 1 == 0 ? headerLength(Files.readAllBytes(f)) % 64 : -1, "data starts 64-byte aligned");
        });
    }

    static int headerLength(byte[] b) {
        return b[6] == 1 ? 10 + ((b[8] & 0xFF) | (b[9] & 0xFF) << 8) : 12 + ByteBuffer.wrap(b, 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    /** numpy's layout of np.save(f, np.arange(6.0).reshape(2, 3)), written out by hand from the format description. */
    @Test
    void bytesMatchNumpysLayout() {
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }";
        ByteBuffer want = ByteBuffer.allocate(128 + 48).order(ByteOrder.LITTLE_ENDIAN);
        want.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) 118);
        want.put((dict + " ".repeat(118 - dict.length() - 1) + "\n").getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 6; i++) want.putDouble(i);
        byte[] got = Npy.encode(Tensor.arange(6).reshape(2, 3), DType.FLOAT64, ByteOrder.LITTLE_ENDIAN, false);
        assertArrayEquals(want.array(), got);
    }

    static byte[] npy(String dict, byte[] data) {
        int len = (10 + dict.length() + 1 + 63) / 64 * 64 - 10;
        ByteBuffer b = ByteBuffer.allocate(10 + len + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) len);
        b.put((dict + " ".repeat(len - dict.length() - 1) + "\n").getBytes(StandardCharsets.US_ASCII)).put(data);
        return b.array();
    }

    @Test
    void readsFortranOrderAndBigEndianWrittenByHand() throws IOException {
        ByteBuffer data = ByteBuffer.allocate(24).order(ByteOrder.BIG_ENDIAN);
        for (int v : new int[] {0, 3, 1, 4, 2, 5}) data.putInt(v); // column-major [[0,1,2],[3,4,5]]
        Tensor t = Npy.decode(npy("{'descr': '>i4', 'fortran_order': True, 'shape': (2, 3), }", data.array()), "hand");
        assertArrayEquals(new int[] {2, 3}, t.shape());
        assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5}, t.re(), 0.0);
    }

    @Test
    void shapesLargerThanTheFileAreRefusedBeforeAllocating() {
        IOException big = assertThrows(IOException.class,
                () -> Npy.decode(npy("{'descr': '<f8', 'fortran_order': False, 'shape': (100000, 100000, 100000), }", new byte[8]), "big.npy"));
        assertTrue(big.getMessage().contains("big.npy") && big.getMessage().contains("more elements"), big.getMessage());
        IOException lie = assertThrows(IOException.class,
                () -> Npy.decode(npy("{'descr': '<f8', 'fortran_order': False, 'shape': (1000000000,), }", new byte[8]), "lie.npy"));
        assertTrue(lie.getMessage().contains("truncated"), lie.getMessage());
        assertThrows(IOException.class, () -> Npy.decode(npy("{'descr': '<f8', 'fortran_order': False, 'shape': (99999999999999999999,), }", new byte[8]), "x"));
        assertThrows(IOException.class, () -> Npy.decode(npy("{'descr': '<U8', 'fortran_order': False, 'shape': (1,), }", new byte[32]), "x"));
        assertThrows(IOException.class, () -> Npy.decode(npy("{'descr': '<f8', 'shape': (1,), }", new byte[8]), "x"));
    }

    @Test
    void truncatedFilesAreRefused() {
        Props.forAll("every truncation of a .npy file is refused", cases(), c -> {
            byte[] full = Npy.encode(c.t(), c.dtype(), c.order(), c.fortran());
            int cut = new SplittableRandom(full.length).nextInt(full.length);
            IOException e = assertThrows(IOException.class, () -> Npy.decode(Arrays.copyOf(full, cut), "cut.npy"));
            assertTrue(e.getMessage().startsWith("cut.npy: "), e.getMessage());
        });
    }

    @Test
    void flippedHeaderBytesAreRefusedOrKeepTheShape() {
        // '<' and '>' differ in one bit, so a flip can swap the byte order: such a header is valid and
        // only the values change. Every other flip must be refused.
        Props.forAll("a flipped header byte is refused or reads an array of the same shape", cases(), c -> {
            byte[] bytes = Npy.encode(c.t(), c.dtype(), c.order(), c.fortran());
            SplittableRandom r = new SplittableRandom(bytes.length * 31L + c.dtype().ordinal());
            int at = r.nextInt(headerLength(bytes));
            bytes[at] ^= (byte) (1 << r.nextInt(8));
            Tensor back;
            try {
                back = Npy.decode(bytes, "flip.npy");
            } catch (IOException refused) {
                return;
            }
            assertArrayEquals(c.t().shape(), back.shape(), "flip at " + at);
            boolean orderFlip = (bytes[at] == '<' || bytes[at] == '>') && c.dtype().size > 1;
            if (!orderFlip) assertArrayEquals(c.t().re(), back.re(), 0.0, "flip at " + at);
        });
    }

    @Test
    void flippedDataBytesNeverBreakTheReader() {
        Props.forAll("a flipped data byte gives an error or an array of the same shape", cases(), c -> {
            byte[] bytes = Npy.encode(c.t(), c.dtype(), c.order(), c.fortran());
            int h = headerLength(bytes);
            if (bytes.length == h) return;
            SplittableRandom r = new SplittableRandom(bytes.length);
            bytes[h + r.nextInt(bytes.length - h)] ^= (byte) (1 << r.nextInt(8));
            try {
                assertArrayEquals(c.t().shape(), Npy.decode(bytes, "flip.npy").shape());
            } catch (IOException refused) {
                assertEquals(DType.BOOL, c.dtype(), "only a bool byte can be invalid: " + refused.getMessage());
            }
        });
    }

    @Test
    void valuesThatDoNotFitTheDtypeAreRefusedOnWrite() {
        assertThrows(IllegalArgumentException.class, () -> Npy.encode(Tensor.of(new double[] {0.5}, 1), DType.INT32, ByteOrder.LITTLE_ENDIAN, false));
        assertThrows(IllegalArgumentException.class, () -> Npy.encode(Tensor.of(new double[] {300}, 1), DType.UINT8, ByteOrder.LITTLE_ENDIAN, false));
        assertThrows(IllegalArgumentException.class, () -> Npy.encode(Tensor.of(new double[] {2}, 1), DType.BOOL, ByteOrder.LITTLE_ENDIAN, false));
        assertThrows(IllegalArgumentException.class, () -> Npy.encode(Tensor.randnComplex(1, 2), DType.FLOAT64, ByteOrder.LITTLE_ENDIAN, false));
    }
}
