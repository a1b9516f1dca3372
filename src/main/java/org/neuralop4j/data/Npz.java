package org.neuralop4j.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.neuralop4j.io.AtomicFile;
import org.neuralop4j.tensor.Tensor;

/**
 * NumPy's {@code .npz}: a zip archive holding one {@code NAME.npy} per array, stored or deflated
 * ({@code np.savez} / {@code np.savez_compressed}).
 *
 * <p>The reader parses the archive itself (PKWARE APPNOTE 6.3, §4.3) rather than trusting
 * {@code java.util.zip.ZipFile}, so it can hold every entry to what the central directory says:
 * the local header must agree on name, method and sizes, the data must lie inside the file, the
 * inflated length must be the declared one, and the CRC-32 must match. Zip64 size fields (numpy
 * writes them) are read; multi-disk and encrypted archives are refused.
 */
public final class Npz {
    private Npz() {}

    /** Reads every array, by name (without {@code .npy}), in archive order. */
    public static Map<String, Tensor> read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > Npy.MAX_ELEMENTS) throw new IOException(file + ": " + size + " bytes is more than this reader holds (2 GiB)");
        return decode(Files.readAllBytes(file), file.toString());
    }

    /** Writes the arrays as float64/complex128 {@code .npy} entries, deflated if {@code compress}. */
    public static void write(Path file, Map<String, Tensor> arrays, boolean compress) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : arrays.entrySet()) {
            Tensor t = e.getValue();
            entries.put(e.getKey(), Npy.encode(t, t.isComplex() ? Npy.DType.COMPLEX128 : Npy.DType.FLOAT64, ByteOrder.LITTLE_ENDIAN, false));
        }
        writeEntries(file, entries, compress);
    }

    /** Writes already-encoded {@code .npy} bytes under the given names. */
    public static void writeEntries(Path file, Map<String, byte[]> npys, boolean compress) throws IOException {
        AtomicFile.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            for (Map.Entry<String, byte[]> e : npys.entrySet()) {
                byte[] data = e.getValue();
                ZipEntry z = new ZipEntry(e.getKey() + ".npy");
                z.setTime(315532800000L); // 1980-01-01, zip's epoch: equal arrays give equal files
                if (!compress) {
                    CRC32 crc = new CRC32();
                    crc.update(data);
                    z.setMethod(ZipEntry.STORED);
                    z.setSize(data.length);
                    z.setCompressedSize(data.length);
                    z.setCrc(crc.getValue());
                }
                zip.putNextEntry(z);
                zip.write(data);
                zip.closeEntry();
            }
            zip.finish();
        });
    }

    /** Parses an archive held in memory; {@code name} is used in error messages. */
    public static Map<String, Tensor> decode(byte[] bytes, String name) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int eocd = -1;
        for (int p = bytes.length - 22; p >= Math.max(0, bytes.length - 22 - 65535); p--) {
            if (b.getInt(p) == 0x06054b50 && p + 22 + (b.getShort(p + 20) & 0xFFFF) == bytes.length) {
                eocd = p;
                break;
            }
        }
        if (eocd < 0) throw new IOException(name + ": not a zip archive (no end-of-central-directory record; truncated?)");
        int disk = b.getShort(eocd + 4) & 0xFFFF, cdDisk = b.getShort(eocd + 6) & 0xFFFF;
        int entriesHere = b.getShort(eocd + 8) & 0xFFFF, entries = b.getShort(eocd + 10) & 0xFFFF;
        long cdSize = b.getInt(eocd + 12) & 0xFFFFFFFFL, cdOffset = b.getInt(eocd + 16) & 0xFFFFFFFFL;
        if (disk != 0 || cdDisk != 0 || entriesHere != entries) throw new IOException(name + ": multi-disk archives are not supported");
        if (entries == 0xFFFF || cdOffset == 0xFFFFFFFFL) throw new IOException(name + ": zip64 archives over 4 GiB are not supported");
        if (cdOffset + cdSize != eocd) throw new IOException(name + ": the central directory does not end where the end record starts");
        Map<String, Tensor> out = new LinkedHashMap<>();
        int p = (int) cdOffset;
        for (int i = 0; i < entries; i++) {
            if (p + 46 > eocd || b.getInt(p) != 0x02014b50) throw new IOException(name + ": central directory entry " + i + " is damaged");
            int flags = b.getShort(p + 8) & 0xFFFF, method = b.getShort(p + 10) & 0xFFFF;
            long crc = b.getInt(p + 16) & 0xFFFFFFFFL;
            long[] sizes = {b.getInt(p + 24) & 0xFFFFFFFFL, b.getInt(p + 20) & 0xFFFFFFFFL, b.getInt(p + 42) & 0xFFFFFFFFL};
            int nameLen = b.getShort(p + 28) & 0xFFFF, extraLen = b.getShort(p + 30) & 0xFFFF, commentLen = b.getShort(p + 32) & 0xFFFF;
            if (p + 46L + nameLen + extraLen + commentLen > eocd) throw new IOException(name + ": central directory entry " + i + " runs past its end");
            String entry = new String(bytes, p + 46, nameLen, StandardCharsets.UTF_8);
            String where = name + ": entry '" + entry + "'";
            zip64(b, p + 46 + nameLen, extraLen, sizes, where);
            p += 46 + nameLen + extraLen + commentLen;
            if ((flags & 1) != 0) throw new IOException(where + " is encrypted");
            if (method != 0 && method != 8) throw new IOException(where + " uses compression method " + method + " (stored and deflated are read)");
            long usize = sizes[0], csize = sizes[1], local = sizes[2];
            if (local + 30 > cdOffset || b.getInt((int) local) != 0x04034b50) throw new IOException(where + ": no local header at offset " + local);
            int l = (int) local;
            int lNameLen = b.getShort(l + 26) & 0xFFFF, lExtraLen = b.getShort(l + 28) & 0xFFFF;
            if (l + 30L + lNameLen + lExtraLen > cdOffset) throw new IOException(where + ": local header runs past the data");
            if (!new String(bytes, l + 30, lNameLen, StandardCharsets.UTF_8).equals(entry) || (b.getShort(l + 8) & 0xFFFF) != method) {
                throw new IOException(where + ": local header disagrees with the central directory");
            }
            if ((b.getShort(l + 6) & 8) == 0) { // sizes and CRC are in the local header too
                long[] lsizes = {b.getInt(l + 22) & 0xFFFFFFFFL, b.getInt(l + 18) & 0xFFFFFFFFL, local};
                zip64(b, l + 30 + lNameLen, lExtraLen, lsizes, where);
                if ((b.getInt(l + 14) & 0xFFFFFFFFL) != crc || lsizes[0] != usize || lsizes[1] != csize) {
                    throw new IOException(where + ": local header disagrees with the central directory");
                }
            }
            long start = l + 30L + lNameLen + lExtraLen;
            if (start + csize > cdOffset) throw new IOException(where + ": data runs past the end of the archive (truncated?)");
            if (usize > Npy.MAX_ELEMENTS) throw new IOException(where + ": " + usize + " bytes is more than this reader holds");
            byte[] data = method == 0 ? stored(bytes, (int) start, csize, usize, where) : inflate(bytes, (int) start, (int) csize, usize, where);
            CRC32 c = new CRC32();
            c.update(data);
            if (c.getValue() != crc) throw new IOException(where + ": CRC-32 mismatch (the data is damaged)");
            if (!entry.endsWith(".npy")) throw new IOException(where + " is not a .npy file");
            String key = entry.substring(0, entry.length() - 4);
            if (out.put(key, Npy.decode(data, name + ":" + entry)) != null) throw new IOException(where + " appears twice");
        }
        if (p != eocd) throw new IOException(name + ": central directory size disagrees with its entries");
        return out;
    }

    /** Replaces 0xFFFFFFFF fields of {usize, csize, offset} by the values of a zip64 extra field (APPNOTE §4.5.3). */
    private static void zip64(ByteBuffer b, int extra, int len, long[] sizes, String where) throws IOException {
        int end = extra + len;
        while (extra + 4 <= end) {
            int id = b.getShort(extra) & 0xFFFF, n = b.getShort(extra + 2) & 0xFFFF;
            if (extra + 4 + n > end) throw new IOException(where + ": damaged extra field");
            if (id == 1) {
                int q = extra + 4;
                for (int k = 0; k < 3; k++) {
                    if (sizes[k] != 0xFFFFFFFFL) continue;
                    if (q + 8 > extra + 4 + n) throw new IOException(where + ": short zip64 field");
                    sizes[k] = b.getLong(q);
                    q += 8;
                    if (sizes[k] < 0) throw new IOException(where + ": negative zip64 size");
                }
            }
            extra += 4 + n;
        }
        for (long s : sizes) if (s == 0xFFFFFFFFL) throw new IOException(where + ": zip64 size without its extra field");
    }

    private static byte[] stored(byte[] bytes, int start, long csize, long usize, String where) throws IOException {
        if (csize != usize) throw new IOException(where + ": stored entry with different sizes");
        return java.util.Arrays.copyOfRange(bytes, start, start + (int) csize);
    }

    private static byte[] inflate(byte[] bytes, int start, int csize, long usize, String where) throws IOException {
        Inflater inf = new Inflater(true);
        try {
            inf.setInput(bytes, start, csize);
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(usize, 1 << 20));
            byte[] buf = new byte[1 << 16];
            while (!inf.finished()) {
                int n = inf.inflate(buf);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) throw new IOException(where + ": deflate stream ends early (truncated?)");
                out.write(buf, 0, n);
                if (out.size() > usize) throw new IOException(where + ": inflates to more than its declared " + usize + " bytes");
            }
            if (out.size() != usize || inf.getRemaining() != 0) throw new IOException(where + ": inflated size or length disagrees with the directory");
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IOException(where + ": damaged deflate data (" + e.getMessage() + ")");
        } finally {
            inf.end();
        }
    }
}
