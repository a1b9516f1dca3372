package org.neuralop4j.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A PNG encoder (W3C PNG specification, 2nd edition) for 8-bit RGB images: the signature, an IHDR
 * chunk, one IDAT chunk holding the zlib-compressed scanlines (each with filter type 0, "none"),
 * and IEND; every chunk carries its CRC-32. Uses only {@code java.util.zip}.
 */
public final class Png {
    private Png() {}

    static final byte[] SIGNATURE = {(byte) 137, 'P', 'N', 'G', '\r', '\n', 26, '\n'};

    /** The PNG bytes of an image given as 0xRRGGBB pixels, row by row from the top. */
    public static byte[] encode(int width, int height, int[] rgb) {
        if (width < 1 || height < 1 || rgb.length != (long) width * height) {
            throw new IllegalArgumentException("png: " + rgb.length + " pixels do not make a " + width + " × " + height + " image");
        }
        byte[] raw = new byte[height * (1 + 3 * width)];
        int p = 0;
        for (int y = 0; y < height; y++) {
            raw[p++] = 0; // filter: none
            for (int x = 0; x < width; x++) {
                int c = rgb[y * width + x];
                raw[p++] = (byte) (c >> 16);
                raw[p++] = (byte) (c >> 8);
                raw[p++] = (byte) c;
            }
        }
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION);
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        try {
            d.setInput(raw);
            d.finish();
            byte[] buf = new byte[1 << 15];
            while (!d.finished()) z.write(buf, 0, d.deflate(buf));
        } finally {
            d.end();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(SIGNATURE);
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0).array());
        chunk(out, "IDAT", z.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    public static void write(Path file, Image image) throws IOException {
        AtomicFile.write(file, encode(image.width(), image.height(), image.pixels()));
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(t);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
