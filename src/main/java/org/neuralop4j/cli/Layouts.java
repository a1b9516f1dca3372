package org.neuralop4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.neuralop4j.data.Npz;
import org.neuralop4j.tensor.Tensor;

/**
 * The layouts of user arrays: (n, W) and (n, C, W) for 1-D data, (n, H, W) and (n, C, H, W) for
 * 2-D data; inside the library always (n, C, grid…).
 */
final class Layouts {
    private Layouts() {}

    /**
     * The array as (n, C, grid…). A 3-D array (n, a, b) is read as n grids of a × b unless
     * {@code dims} is 1, when it is n samples of a channels on b points; {@code dims} 0 means
     * "decide from the array" (3-D arrays are then 2-D grids).
     */
    static Tensor toChannels(Tensor t, int dims, String what) {
        int[] s = t.shape();
        int d = dims != 0 ? dims : switch (s.length) {
            case 2 -> 1;
            case 3, 4 -> 2;
            default -> -1;
        };
        if (d == 1 && s.length == 2) return t.reshape(s[0], 1, s[1]);
        if (d == 1 && s.length == 3) return t;
        if (d == 2 && s.length == 3) return t.reshape(s[0], 1, s[1], s[2]);
        if (d == 2 && s.length == 4) return t;
        throw new IllegalArgumentException(what + ": an array of shape " + java.util.Arrays.toString(s) + " is not (n, W), (n, C, W), (n, H, W) or (n, C, H, W)"
                + (dims != 0 ? " for " + dims + "-D data" : ""));
    }

    /** Back to the user's layout: one channel is dropped, as in the input. */
    static Tensor fromChannels(Tensor t) {
        int[] s = t.shape();
        if (s[1] != 1) return t;
        int[] out = new int[s.length - 1];
        out[0] = s[0];
        System.arraycopy(s, 2, out, 1, s.length - 2);
        return t.reshape(out);
    }

    /** Arrays x and y of an .npz file, as (n, C, grid…) with the same n and grid. */
    static Tensor[] pair(Path file, int dims) throws IOException {
        Map<String, Tensor> m = Npz.read(file);
        if (!m.containsKey("x") || !m.containsKey("y")) throw new IllegalArgumentException(file + ": needs arrays 'x' and 'y', has " + m.keySet());
        Tensor x = toChannels(m.get("x"), dims, file + ": x"), y = toChannels(m.get("y"), dims, file + ": y");
        if (x.rank() != y.rank() || x.dim(0) != y.dim(0)) {
            throw new IllegalArgumentException(file + ": x " + java.util.Arrays.toString(m.get("x").shape()) + " and y "
                    + java.util.Arrays.toString(m.get("y").shape()) + " do not hold the same samples");
        }
        for (int k = 2; k < x.rank(); k++) {
            if (x.dim(k) != y.dim(k)) throw new IllegalArgumentException(file + ": x and y are on different grids");
        }
        if (x.isComplex() || y.isComplex()) throw new IllegalArgumentException(file + ": complex data is not supported by the command");
        return new Tensor[] {x, y};
    }

    /** "64x64" or "1024". */
    static String grid(Tensor t) {
        StringBuilder b = new StringBuilder();
        for (int k = 2; k < t.rank(); k++) b.append(k > 2 ? "x" : "").append(t.dim(k));
        return b.toString();
    }
}
