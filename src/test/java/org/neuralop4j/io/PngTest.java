package org.neuralop4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.Test;
import org.neuralop4j.props.Props;
import org.neuralop4j.tensor.Tensor;

class PngTest {
    record Chunk(String type, byte[] data) {}

    /** Splits a PNG into chunks, checking the signature, every length and every CRC. */
    static List<Chunk> chunks(byte[] png) {
        assertArrayEquals(new byte[] {(byte) 137, 80, 78, 71, 13, 10, 26, 10}, Arrays.copyOf(png, 8), "signature");
        ByteBuffer b = ByteBuffer.wrap(png, 8, png.length - 8);
        List<Chunk> out = new ArrayList<>();
        while (b.hasRemaining()) {
            int len = b.getInt();
            byte[] type = new byte[4], data = new byte[len];
            b.get(type).get(data);
            CRC32 crc = new CRC32();
            crc.update(type);
            crc.update(data);
            assertEquals((int) crc.getValue(), b.getInt(), "CRC of " + new String(type, StandardCharsets.US_ASCII));
            out.add(new Chunk(new String(type, StandardCharsets.US_ASCII), data));
        }
        return out;
    }

    /** Decodes the pixels of an 8-bit RGB, filter-0 PNG into 0xRRGGBB values. */
    static int[] pixels(byte[] png) throws Exception {
        List<Chunk> cs = chunks(png);
        assertEquals(List.of("IHDR", "IDAT", "IEND"), cs.stream().map(Chunk::type).toList());
        ByteBuffer h = ByteBuffer.wrap(cs.get(0).data());
        int w = h.getInt(), ht = h.getInt();
        assertArrayEquals(new byte[] {8, 2, 0, 0, 0}, Arrays.copyOfRange(cs.get(0).data(), 8, 13), "8-bit RGB, no interlace");
        byte[] raw = new InflaterInputStream(new java.io.ByteArrayInputStream(cs.get(1).data())).readAllBytes();
        assertEquals(ht * (1 + 3 * w), raw.length);
        int[] px = new int[w * ht];
        for (int y = 0; y < ht; y++) {
            assertEquals(0, raw[y * (1 + 3 * w)], "filter type");
            for (int x = 0; x < w; x++) {
                int p = y * (1 + 3 * w) + 1 + 3 * x;
                px[y * w + x] = (raw[p] & 0xFF) << 16 | (raw[p + 1] & 0xFF) << 8 | raw[p + 2] & 0xFF;
            }
        }
        return px;
    }

    @Test
    void aTinyKnownImageDecodes() throws Exception {
        int[] rgb = {0xFF0000, 0x00FF00, 0x0000FF, 0x123456, 0xFFFFFF, 0x000000};
        byte[] png = Png.encode(3, 2, rgb);
        List<Chunk> cs = chunks(png);
        assertEquals(3, ByteBuffer.wrap(cs.get(0).data()).getInt(0));
        assertEquals(2, ByteBuffer.wrap(cs.get(0).data()).getInt(4));
        assertArrayEquals(rgb, pixels(png));
    }

    @Test
    void randomImagesDecodeToTheirPixels() {
        Props.forAll("png pixels decode back", 30, (r, size) -> {
            int w = 1 + r.nextInt(1 + (int) (40 * size)), h = 1 + r.nextInt(1 + (int) (40 * size));
            int[] px = new int[w * h];
            for (int i = 0; i < px.length; i++) px[i] = r.nextInt(1 << 24);
            return new Object[] {w, h, px};
        }, c -> assertArrayEquals((int[]) c[2], pixels(Png.encode((int) c[0], (int) c[1], (int[]) c[2]))));
    }

    @Test
    void heatmapColoursFollowTheValues() throws Exception {
        Tensor f = Tensor.arange(16).reshape(4, 4); // minimum top-left, maximum bottom-right
        Image img = Plot.heatmaps(List.of(new Plot.Field("truth", f, false), new Plot.Field("error", f.sub(Tensor.full(5.0, 1)), true)));
        int[] px = pixels(Png.encode(img.width(), img.height(), img.pixels()));
        int scale = 192 / 4, top = 30, left = 12;
        assertEquals(Plot.viridis(0), px[(top + 1) * img.width() + left + 1]);
        assertEquals(Plot.viridis(1), px[(top + 4 * scale - 2) * img.width() + left + 4 * scale - 2]);
        int second = left + 4 * scale + 8 + 12 + 6 + 72 + 12; // the error panel: 0 is the middle colour, −5 and 10 span ±10
        assertEquals(Plot.diverging(0.25), px[(top + 1) * img.width() + second + 1]);
        assertEquals(Plot.diverging(1.0), px[(top + 4 * scale - 2) * img.width() + second + 4 * scale - 2]);
        assertEquals(0x440154, Plot.viridis(0));
        assertEquals(0xFDE725, Plot.viridis(1));
    }

    @Test
    void lineCurvesAreDrawnInTheirColours() {
        Plot.Series a = new Plot.Series("train", new double[] {0, 1, 2}, new double[] {1, 0.1, 0.01});
        Plot.Series b = new Plot.Series("test", new double[] {0, 1, 2}, new double[] {0.5, 0.5, 0.5});
        Image img = Plot.lines("loss", "epoch", List.of(a, b), true);
        long first = Arrays.stream(img.pixels()).filter(p -> p == Plot.PALETTE[0]).count();
        long second = Arrays.stream(img.pixels()).filter(p -> p == Plot.PALETTE[1]).count();
        assertTrue(first > 300 && second > 300, first + " and " + second + " pixels");
    }

    @Test
    void labelsAreShort() {
        for (double v : new double[] {0, 1, -1, 0.0123456, 123456789, -3.2e-9, 9999.5, 0.5}) {
            assertTrue(Plot.label(v).length() <= 9, Plot.label(v));
            assertEquals(v, Double.parseDouble(Plot.label(v)), Math.abs(v) * 0.01);
        }
    }
}
