package org.neuralop4j.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuralop4j.tensor.Tensor;

/**
 * The safetensors format (Hugging Face, format description in the {@code safetensors} repository):
 * an 8-byte little-endian header length N, N bytes of JSON mapping each name to
 * {@code {"dtype", "shape", "data_offsets": [begin, end]}} plus an optional
 * {@code "__metadata__"} map of strings, then the little-endian element bytes.
 *
 * <p>Tensors are written as F64. A complex tensor is written as F64 with a trailing dimension of 2
 * (real, imaginary: PyTorch's {@code view_as_real} layout) and its name is listed in the metadata
 * key {@value #COMPLEX}; reading turns those back into complex tensors. F32, integer and BOOL
 * tensors are read too (as doubles).
 *
 * <p>A header is believed only if it is consistent: valid JSON within 100 MB, known dtypes, offsets
 * that match each shape's byte size, and tensors that tile the data section exactly with nothing
 * missing, overlapping or left over. Anything else is refused with the file and the reason.
 */
public final class Safetensors {
    private Safetensors() {}

    /** Metadata key listing (as a JSON array) the tensors stored as (…, 2) real views of complex ones. */
    public static final String COMPLEX = "complex";
    private static final long MAX_HEADER = 100_000_000;

    /** A file's tensors by name (in offset order) and its metadata. */
    public record Contents(Map<String, Tensor> tensors, Map<String, String> metadata) {}

    public static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata) throws IOException {
        Map<String, Object> header = new LinkedHashMap<>();
        Map<String, Object> meta = new LinkedHashMap<>(metadata);
        List<Object> complex = new ArrayList<>();
        long offset = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            if (e.getKey().equals("__metadata__")) throw new IllegalArgumentException("safetensors: '__metadata__' is not a tensor name");
            Tensor t = e.getValue();
            List<Object> shape = new ArrayList<>();
            for (int d : t.shape()) shape.add((long) d);
            if (t.isComplex()) {
                shape.add(2L);
                complex.add(e.getKey());
            }
            long bytes = 8L * t.size() * (t.isComplex() ? 2 : 1);
            header.put(e.getKey(), Map.of("dtype", "F64", "shape", shape, "data_offsets", List.of(offset, offset + bytes)));
            offset += bytes;
        }
        if (!complex.isEmpty()) meta.put(COMPLEX, Json.write(complex));
        if (!meta.isEmpty()) {
            Map<String, Object> withMeta = new LinkedHashMap<>();
            withMeta.put("__metadata__", meta);
            withMeta.putAll(header);
            header = withMeta;
        }
        byte[] json = Json.write(header).getBytes(StandardCharsets.UTF_8);
        int pad = (8 - json.length % 8) % 8; // keeps the data 8-byte aligned, as the reference writer does
        byte[] head = Arrays.copyOf(json, json.length + pad);
        Arrays.fill(head, json.length, head.length, (byte) ' ');
        AtomicFile.write(file, out -> {
            ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(head.length);
            out.write(len.array());
            out.write(head);
            ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
            for (Tensor t : tensors.values()) {
                double[] re = t.re(), im = t.im();
                for (int i = 0; i < re.length; i++) {
                    if (buf.remaining() < 16) {
                        out.write(buf.array(), 0, buf.position());
                        buf.clear();
                    }
                    buf.putDouble(re[i]);
                    if (im != null) buf.putDouble(im[i]);
                }
            }
            out.write(buf.array(), 0, buf.position());
        });
    }

    public static Contents read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > Integer.MAX_VALUE - 8) throw new IOException(file + ": " + size + " bytes is more than this reader holds (2 GiB)");
        return decode(Files.readAllBytes(file), file.toString());
    }

    /** Parses safetensors bytes; {@code name} is used in error messages. */
    public static Contents decode(byte[] bytes, String name) throws IOException {
        if (bytes.length < 8) throw new IOException(name + ": too short for a safetensors file");
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long n = b.getLong(0);
        if (n < 2 || n > MAX_HEADER || n > bytes.length - 8) throw new IOException(name + ": header length " + n + " is impossible for a file of " + bytes.length + " bytes");
        Map<String, Object> header;
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, 8, (int) n)).toString();
            header = Json.parseObject(text);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IOException(name + ": header is not UTF-8");
        } catch (IllegalArgumentException e) {
            throw new IOException(name + ": header is not valid: " + e.getMessage());
        }
        int dataStart = 8 + (int) n;
        long dataLen = bytes.length - (long) dataStart;
        Map<String, String> metadata = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, Object> e : header.entrySet()) {
            if (e.getKey().equals("__metadata__")) {
                if (!(e.getValue() instanceof Map<?, ?> m)) throw new IOException(name + ": __metadata__ is not an object");
                for (Map.Entry<?, ?> kv : m.entrySet()) {
                    if (!(kv.getValue() instanceof String v)) throw new IOException(name + ": metadata value of '" + kv.getKey() + "' is not a string");
                    metadata.put((String) kv.getKey(), v);
                }
                continue;
            }
            entries.add(Entry.parse(e.getKey(), e.getValue(), name));
        }
        List<Entry> byOffset = new ArrayList<>(entries);
        byOffset.sort((x, y) -> Long.compare(x.begin, y.begin));
        long expect = 0;
        for (Entry e : byOffset) {
            if (e.begin != expect) throw new IOException(name + ": tensor '" + e.name + "' starts at " + e.begin + ", expected " + expect + " (gap or overlap)");
            expect = e.end;
        }
        if (expect != dataLen) throw new IOException(name + ": the tensors cover " + expect + " bytes but the data section has " + dataLen + (expect > dataLen ? " (truncated?)" : ""));
        java.util.Set<String> complex = new java.util.HashSet<>();
        if (metadata.containsKey(COMPLEX)) {
            try {
                for (Object o : (List<?>) Json.parse(metadata.get(COMPLEX))) complex.add((String) o);
            } catch (RuntimeException e) {
                throw new IOException(name + ": metadata '" + COMPLEX + "' is not a list of names");
            }
        }
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (Entry e : byOffset) {
            Tensor t = e.read(b, dataStart);
            if (complex.remove(e.name)) {
                int[] s = t.shape();
                if (s.length == 0 || s[s.length - 1] != 2 || !e.dtype.equals("F64")) throw new IOException(name + ": complex tensor '" + e.name + "' is not F64 with a trailing 2");
                int[] cs = Arrays.copyOf(s, s.length - 1);
                double[] re = new double[t.size() / 2], im = new double[re.length];
                for (int i = 0; i < re.length; i++) {
                    re[i] = t.re()[2 * i];
                    im[i] = t.re()[2 * i + 1];
                }
                t = Tensor.ofComplex(re, im, cs);
            }
            tensors.put(e.name, t);
        }
        if (!complex.isEmpty()) throw new IOException(name + ": metadata names complex tensors that are absent: " + complex);
        metadata.remove(COMPLEX);
        return new Contents(tensors, metadata);
    }

    private record Entry(String name, String dtype, int[] shape, long begin, long end) {
        static final Map<String, Integer> SIZES = Map.of("F64", 8, "F32", 4, "I64", 8, "I32", 4, "I16", 2, "I8", 1, "U8", 1, "BOOL", 1);

        static Entry parse(String tname, Object v, String file) throws IOException {
            String where = file + ": tensor '" + tname + "'";
            if (!(v instanceof Map<?, ?> m) || m.size() != 3) throw new IOException(where + " needs exactly dtype, shape and data_offsets");
            if (!(m.get("dtype") instanceof String dtype) || !SIZES.containsKey(dtype)) {
                throw new IOException(where + ": unsupported dtype " + m.get("dtype") + " (read: " + new java.util.TreeSet<>(SIZES.keySet()) + ")");
            }
            if (!(m.get("shape") instanceof List<?> shapeList) || shapeList.size() > 32) throw new IOException(where + ": shape is not a list");
            int[] shape = new int[shapeList.size()];
            long count = 1;
            for (int k = 0; k < shape.length; k++) {
                if (!(shapeList.get(k) instanceof Long d) || d < 0 || d > Integer.MAX_VALUE - 8) throw new IOException(where + ": bad dimension " + shapeList.get(k));
                shape[k] = (int) (long) d;
                count *= d;
                if (count > Integer.MAX_VALUE - 8) throw new IOException(where + ": shape " + shapeList + " has more elements than a Java array holds");
            }
            if (!(m.get("data_offsets") instanceof List<?> off) || off.size() != 2 || !(off.get(0) instanceof Long begin)
                    || !(off.get(1) instanceof Long end) || begin < 0 || end < begin) {
                throw new IOException(where + ": data_offsets must be [begin, end] with 0 ≤ begin ≤ end");
            }
            if (end - begin != count * SIZES.get(dtype)) {
                throw new IOException(where + ": data_offsets span " + (end - begin) + " bytes but shape " + shapeList + " of " + dtype + " needs " + count * SIZES.get(dtype));
            }
            return new Entry(tname, dtype, shape, begin, end);
        }

        Tensor read(ByteBuffer b, int dataStart) throws IOException {
            int count = (int) ((end - begin) / SIZES.get(dtype));
            double[] out = new double[count];
            int p = dataStart + (int) begin;
            for (int i = 0; i < count; i++) {
                out[i] = switch (dtype) {
                    case "F64" -> b.getDouble(p + 8 * i);
                    case "F32" -> b.getFloat(p + 4 * i);
                    case "I64" -> b.getLong(p + 8 * i);
                    case "I32" -> b.getInt(p + 4 * i);
                    case "I16" -> b.getShort(p + 2 * i);
                    case "I8" -> b.get(p + i);
                    case "U8" -> b.get(p + i) & 0xFF;
                    default -> {
                        byte v = b.get(p + i);
                        if (v != 0 && v != 1) throw new IOException("tensor '" + name + "': bool value " + v);
                        yield v;
                    }
                };
            }
            return Tensor.wrap(out, shape);
        }
    }
}
