package org.neuralop4j.tensor;

/** Nested-bracket printing of small tensors, numpy style. */
final class Printer {
    private Printer() {}

    static void append(StringBuilder sb, Tensor t, int axis, int offset) {
        int[] shape = t.shapeRef();
        if (axis == shape.length) {
            sb.append(num(t.re[offset]));
            if (t.im != null) {
                double v = t.im[offset];
                sb.append(v < 0 || (v == 0 && 1 / v < 0) ? "-" : "+").append(num(Math.abs(v))).append('i');
            }
            return;
        }
        int stride = Shapes.prod(shape, axis + 1, shape.length);
        sb.append('[');
        for (int i = 0; i < shape[axis]; i++) {
            if (i > 0) sb.append(", ");
            append(sb, t, axis + 1, offset + i * stride);
        }
        sb.append(']');
    }

    private static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v) + ".";
        return String.format(java.util.Locale.ROOT, "%.6g", v);
    }
}
