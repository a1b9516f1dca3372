package org.neuralop4j.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.neuralop4j.io.AtomicFile;
import org.neuralop4j.tensor.Tensor;

/**
 * NumPy's {@code .npy} format (format versions 1.0–3.0, as described in numpy's
 * {@code numpy/lib/format.py}): a magic string, a header length, a Python-literal header
 * {@code {'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }} padded so the data start is
 * 64-byte aligned, then the raw elements.
 *
 * <p>Read: bool, signed and unsigned integers of 1–8 bytes, float32/64 and complex64/128, either
 * byte order, C or Fortran order; values become a real (or complex) {@link Tensor} of doubles in
 * row-major order. Every size is checked against the bytes present before anything is allocated,
 * and anything malformed is refused with an {@link IOException} naming the file and the problem.
 */
public final class Npy {
    private Npy() {}

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** The largest element count a Java array holds. */
    static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    /** Element types, with numpy's kind letter and size in bytes. */
    public enum DType {
        BOOL('b', 1), INT8('i', 1), INT16('i', 2), INT32('i', 4), INT64('i', 8), UINT8('u', 1), UINT16('u', 2),
        UINT32('u', 4), UINT64('u', 8), FLOAT32('f', 4), FLOAT64('f', 8), COMPLEX64('c', 8), COMPLEX128('c', 16);

        final char kind;
        final int size;

        DType(char kind, int size) {
            this.kind = kind;
            this.size = size;
        }

        boolean complex() {
            return kind == 'c';
        }

        static DType of(char kind, int size) {
            for (DType d : values()) if (d.kind == kind && d.size == size) return d;
            return null;
        }

        /** numpy's descr, e.g. {@code <f8}, {@code |u1}. */
        String descr(ByteOrder order) {
            return (size == 1 ? "|" : order == ByteOrder.LITTLE_ENDIAN ? "<" : ">") + kind + size;
        }
    }

    /** Reads a {@code .npy} file. */
    public static Tensor read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_ELEMENTS) throw new IOException(file + ": " + size + " bytes is more than this reader holds (2 GiB)");
        return decode(Files.readAllBytes(file), file.toString());
    }

    /** Writes a float64 (or complex128) {@code .npy} file, little-endian, C order. */
    public static void write(Path file, Tensor t) throws IOException {
        write(file, t, t.isComplex() ? DType.COMPLEX128 : DType.FLOAT64, ByteOrder.LITTLE_ENDIAN, false);
    }

    /**
     * Writes with the given element type, byte order and layout. Values must fit the type: integer
     * and bool types take only whole numbers in range (bool: 0 or 1), real types only real tensors.
     */
    public static void write(Path file, Tensor t, DType dtype, ByteOrder order, boolean fortran) throws IOException {
        byte[] bytes = encode(t, dtype, order, fortran);
        AtomicFile.write(file, bytes);
    }

    /** The {@code .npy} bytes of a tensor. */
    public static byte[] encode(Tensor t, DType dtype, ByteOrder order, boolean fortran) {
        if (t.isComplex() && !dtype.complex()) throw new IllegalArgumentException("npy: a complex tensor cannot be stored as " + dtype);
        StringBuilder shape = new StringBuilder("(");
        for (int d : t.shape()) shape.append(d).append(", ");
        if (t.rank() > 1) shape.setLength(shape.length() - 2);
        else if (t.rank() == 1) shape.setLength(shape.length() - 1);
        shape.append(')');
        String dict = "{'descr': '" + dtype.descr(order) + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': " + shape + ", }";
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        int version = unpadded + 64 > 65535 ? 2 : 1;
        int lenBytes = version == 1 ? 2 : 4;
        int total = (MAGIC.length + 2 + lenBytes + dict.length() + 1 + 63) / 64 * 64;
        int headerLen = total - MAGIC.length - 2 - lenBytes;
        String header = dict + " ".repeat(headerLen - dict.length() - 1) + "\n";
        Tensor data = fortran && t.rank() > 1 ? t.permute(reversed(t.rank())) : t;
        ByteBuffer b = ByteBuffer.allocate(Math.addExact(total, Math.multiplyExact(t.size(), dtype.size))).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) version).put((byte) 0);
        if (version == 1) b.putShort((short) headerLen);
        else b.putInt(headerLen);
        b.put(header.getBytes(StandardCharsets.US_ASCII));
        b.order(order);
        double[] re = data.re(), im = data.im();
        for (int i = 0; i < re.length; i++) {
            put(b, dtype, re[i]);
            if (dtype.complex()) put(b, dtype, im == null ? 0 : im[i]);
        }
        return b.array();
    }

    private static void put(ByteBuffer b, DType d, double v) {
        switch (d) {
            case FLOAT32, COMPLEX64 -> b.putFloat((float) v);
            case FLOAT64, COMPLEX128 -> b.putDouble(v);
            default -> {
                long lo = d == DType.BOOL ? 0 : d.kind == 'u' ? 0 : -(1L << (8 * d.size - 1));
                double hi = d == DType.BOOL ? 1 : d.kind == 'u' ? Math.scalb(1.0, 8 * d.size) - 1 : Math.scalb(1.0, 8 * d.size - 1) - 1;
                if (v != Math.rint(v) || v < lo || v > hi) throw new IllegalArgumentException("npy: " + v + " does not fit " + d);
                long x = d == DType.UINT64 && v >= 0x1p63 ? (long) (v - 0x1p64) : (long) v;
                switch (d.size) {
                    case 1 -> b.put((byte) x);
                    case 2 -> b.putShort((short) x);
                    case 4 -> b.putInt((int) x);
                    default -> b.putLong(x);
                }
            }
        }
    }

    /** Parses {@code .npy} bytes; {@code name} is used in error messages. */
    public static Tensor decode(byte[] bytes, String name) throws IOException {
        if (bytes.length < 10) throw new IOException(name + ": too short for a .npy file (" + bytes.length + " bytes)");
        for (int i = 0; i < MAGIC.length; i++) if (bytes[i] != MAGIC[i]) throw new IOException(name + ": not a .npy file (bad magic)");
        int major = bytes[6], minor = bytes[7];
        if (major < 1 || major > 3 || minor != 0) throw new IOException(name + ": unsupported .npy version " + major + "." + minor);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long headerLen = major == 1 ? b.getShort(8) & 0xFFFF : b.getInt(8) & 0xFFFFFFFFL;
        int start = major == 1 ? 10 : 12;
        if (start + headerLen > bytes.length) throw new IOException(name + ": truncated header (needs " + headerLen + " bytes)");
        String header = new String(bytes, start, (int) headerLen, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Header h;
        try {
            h = Header.parse(header);
        } catch (IllegalArgumentException e) {
            throw new IOException(name + ": bad header: " + e.getMessage());
        }
        long count = 1;
        for (long d : h.shape) {
            count *= d;
            if (count > MAX_ELEMENTS) throw new IOException(name + ": shape " + h.shapeText() + " has more elements than a Java array holds");
        }
        int dataStart = (int) (start + headerLen);
        long need = count * h.dtype.size;
        long have = bytes.length - (long) dataStart;
        if (have < need) throw new IOException(name + ": truncated data: shape " + h.shapeText() + " " + h.dtype + " needs " + need + " bytes, the file has " + have);
        if (have > need) throw new IOException(name + ": " + (have - need) + " unexpected bytes after the data");
        int n = (int) count;
        b.position(dataStart).order(h.order);
        double[] re = new double[n], im = h.dtype.complex() ? new double[n] : null;
        for (int i = 0; i < n; i++) {
            re[i] = get(b, h.dtype);
            if (im != null) im[i] = get(b, h.dtype);
        }
        int[] shape = new int[h.shape.length];
        for (int k = 0; k < shape.length; k++) shape[k] = (int) h.shape[h.fortran ? shape.length - 1 - k : k];
        Tensor t = im == null ? Tensor.wrap(re, shape) : Tensor.ofComplex(re, im, shape);
        return h.fortran && shape.length > 1 ? t.permute(reversed(shape.length)) : t;
    }

    private static double get(ByteBuffer b, DType d) throws IOException {
        return switch (d) {
            case BOOL -> {
                byte v = b.get();
                if (v != 0 && v != 1) throw new IOException("bool value " + v);
                yield v;
            }
            case INT8 -> b.get();
            case UINT8 -> b.get() & 0xFF;
            case INT16 -> b.getShort();
            case UINT16 -> b.getShort() & 0xFFFF;
            case INT32 -> b.getInt();
            case UINT32 -> b.getInt() & 0xFFFFFFFFL;
            case INT64 -> b.getLong();
            case UINT64 -> {
                long v = b.getLong();
                yield v >= 0 ? v : v + 0x1p64;
            }
            case FLOAT32, COMPLEX64 -> b.getFloat();
            case FLOAT64, COMPLEX128 -> b.getDouble();
        };
    }

    private static int[] reversed(int rank) {
        int[] p = new int[rank];
        for (int k = 0; k < rank; k++) p[k] = rank - 1 - k;
        return p;
    }

    /** The header dictionary, parsed strictly: exactly the three keys numpy writes. */
    private record Header(DType dtype, ByteOrder order, boolean fortran, long[] shape) {
        String shapeText() {
            return java.util.Arrays.toString(shape);
        }

        static Header parse(String text) {
            if (!text.endsWith("\n")) throw new IllegalArgumentException("does not end with a newline");
            String s = text.strip();
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) < 0x20 || s.charAt(i) > 0x7E) throw new IllegalArgumentException("non-printable character");
            }
            if (!s.startsWith("{") || !s.endsWith("}")) throw new IllegalArgumentException("not a dictionary");
            String body = s.substring(1, s.length() - 1);
            String descr = null;
            Boolean fortran = null;
            long[] shape = null;
            int pos = 0;
            while (true) {
                while (pos < body.length() && body.charAt(pos) == ' ') pos++;
                if (pos == body.length()) break;
                int q = body.indexOf('\'', pos + 1);
                if (body.charAt(pos) != '\'' || q < 0) throw new IllegalArgumentException("expected a quoted key");
                String key = body.substring(pos + 1, q);
                pos = q + 1;
                if (!body.startsWith(": ", pos) && !body.startsWith(":", pos)) throw new IllegalArgumentException("expected ':' after '" + key + "'");
                pos = body.indexOf(':', pos) + 1;
                while (pos < body.length() && body.charAt(pos) == ' ') pos++;
                int end;
                switch (key) {
                    case "descr" -> {
                        if (descr != null) throw new IllegalArgumentException("repeated key descr");
                        end = body.indexOf('\'', pos + 1);
                        if (pos >= body.length() || body.charAt(pos) != '\'' || end < 0) throw new IllegalArgumentException("descr is not a string");
                        descr = body.substring(pos + 1, end);
                        end++;
                    }
                    case "fortran_order" -> {
                        if (fortran != null) throw new IllegalArgumentException("repeated key fortran_order");
                        if (body.startsWith("True", pos)) fortran = true;
                        else if (body.startsWith("False", pos)) fortran = false;
                        else throw new IllegalArgumentException("fortran_order is not True or False");
                        end = pos + (fortran ? 4 : 5);
                    }
                    case "shape" -> {
                        if (shape != null) throw new IllegalArgumentException("repeated key shape");
                        end = body.indexOf(')', pos);
                        if (pos >= body.length() || body.charAt(pos) != '(' || end < 0) throw new IllegalArgumentException("shape is not a tuple");
                        shape = shape(body.substring(pos + 1, end));
                        end++;
                    }
                    default -> throw new IllegalArgumentException("unexpected key '" + key + "'");
                }
                pos = end;
                while (pos < body.length() && body.charAt(pos) == ' ') pos++;
                if (pos < body.length() && body.charAt(pos) != ',') throw new IllegalArgumentException("expected ',' after " + key);
                pos++;
                if (pos > body.length()) break;
            }
            if (descr == null || fortran == null || shape == null) throw new IllegalArgumentException("needs descr, fortran_order and shape");
            if (descr.length() < 3) throw new IllegalArgumentException("unknown descr '" + descr + "'");
            char orderChar = descr.charAt(0), kind = descr.charAt(1);
            int size;
            try {
                size = Integer.parseInt(descr.substring(2));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("unknown descr '" + descr + "'");
            }
            DType d = DType.of(kind, size);
            if (d == null || "<>|=".indexOf(orderChar) < 0 || (orderChar == '|' && size != 1)) {
                throw new IllegalArgumentException("unsupported descr '" + descr + "' (bool, int, uint, float and complex are read)");
            }
            ByteOrder order = orderChar == '>' ? ByteOrder.BIG_ENDIAN : orderChar == '=' ? ByteOrder.nativeOrder() : ByteOrder.LITTLE_ENDIAN;
            return new Header(d, order, fortran, shape);
        }

        private static long[] shape(String tuple) {
            List<Long> dims = new ArrayList<>();
            for (String part : tuple.split(",", -1)) {
                String p = part.strip();
                if (p.isEmpty()) continue;
                if (p.length() > 12 || !p.chars().allMatch(Character::isDigit)) throw new IllegalArgumentException("bad dimension '" + p + "'");
                long d = Long.parseLong(p);
                if (d > MAX_ELEMENTS) throw new IllegalArgumentException("dimension " + d + " is larger than a Java array");
                dims.add(d);
            }
            if (!tuple.isBlank() && dims.size() == 1 && !tuple.contains(",")) throw new IllegalArgumentException("a one-element shape needs a trailing comma");
            long[] out = new long[dims.size()];
            for (int k = 0; k < out.length; k++) out[k] = dims.get(k);
            if (out.length > 32) throw new IllegalArgumentException("more than 32 dimensions");
            return out;
        }
    }
}
