package org.neuralop4j.tensor;

/**
 * Broadcasting binary arithmetic. The output is walked one innermost row at a time; within a row
 * each operand advances by its own stride (1, or 0 where it is broadcast), so the common cases —
 * equal shapes, a scalar, a bias along the last axis — run as plain counted loops.
 */
final class Elementwise {
    private Elementwise() {}

    enum Op { ADD, SUB, MUL, DIV }

    private static final int GRAIN_ROWS = 64;

    static Tensor binary(Tensor a, Tensor b, Op op) {
        int[] out = Shapes.broadcast(a.shapeRef(), b.shapeRef(), op.name().toLowerCase());
        boolean complex = a.isComplex() || b.isComplex();
        int n = Shapes.size(out);
        double[] ore = new double[n];
        double[] oim = complex ? new double[n] : null;
        if (n == 0) return new Tensor(out, ore, oim);
        Flops.add((long) n * (!complex ? 1 : switch (op) {
            case ADD, SUB -> 2;
            case MUL -> 6;
            case DIV -> 11;
        }));
        int r = out.length;
        int inner = r == 0 ? 1 : out[r - 1];
        int rows = n / inner;
        int[] sa = Shapes.broadcastStrides(a.shapeRef(), out);
        int[] sb = Shapes.broadcastStrides(b.shapeRef(), out);
        int ia = r == 0 ? 0 : sa[r - 1], ib = r == 0 ? 0 : sb[r - 1];
        double[] are = a.re, aim = a.im, bre = b.re, bim = b.im;
        Parallel.forRange(rows, Math.max(1, GRAIN_ROWS * 1024 / Math.max(inner, 1024)), (r0, r1) -> {
            for (int row = r0; row < r1; row++) {
                // offsets of this row in a and b, from the row's multi-index
                int oa = 0, ob = 0, rem = row;
                for (int d = r - 2; d >= 0; d--) {
                    int c = rem % out[d];
                    rem /= out[d];
                    oa += c * sa[d];
                    ob += c * sb[d];
                }
                int oo = row * inner;
                if (complex) {
                    complexRow(op, are, aim, oa, ia, bre, bim, ob, ib, ore, oim, oo, inner);
                } else {
                    realRow(op, are, oa, ia, bre, ob, ib, ore, oo, inner);
                }
            }
        });
        return new Tensor(out, ore, oim);
    }

    private static void realRow(Op op, double[] a, int oa, int ia, double[] b, int ob, int ib, double[] o, int oo, int n) {
        switch (op) {
            case ADD -> { for (int j = 0; j < n; j++) o[oo + j] = a[oa + j * ia] + b[ob + j * ib]; }
            case SUB -> { for (int j = 0; j < n; j++) o[oo + j] = a[oa + j * ia] - b[ob + j * ib]; }
            case MUL -> { for (int j = 0; j < n; j++) o[oo + j] = a[oa + j * ia] * b[ob + j * ib]; }
            case DIV -> { for (int j = 0; j < n; j++) o[oo + j] = a[oa + j * ia] / b[ob + j * ib]; }
        }
    }

    private static void complexRow(Op op, double[] ar, double[] ai, int oa, int ia, double[] br, double[] bi, int ob, int ib,
                                   double[] or, double[] oi, int oo, int n) {
        for (int j = 0; j < n; j++) {
            int pa = oa + j * ia, pb = ob + j * ib;
            double xr = ar[pa], xi = ai == null ? 0 : ai[pa];
            double yr = br[pb], yi = bi == null ? 0 : bi[pb];
            switch (op) {
                case ADD -> { or[oo + j] = xr + yr; oi[oo + j] = xi + yi; }
                case SUB -> { or[oo + j] = xr - yr; oi[oo + j] = xi - yi; }
                case MUL -> { or[oo + j] = xr * yr - xi * yi; oi[oo + j] = xr * yi + xi * yr; }
                case DIV -> {
                    // Smith's algorithm: scale by the larger component of y to avoid overflow
                    if (Math.abs(yr) >= Math.abs(yi)) {
                        double t = yi / yr, d = yr + yi * t;
                        or[oo + j] = (xr + xi * t) / d;
                        oi[oo + j] = (xi - xr * t) / d;
                    } else {
                        double t = yr / yi, d = yr * t + yi;
                        or[oo + j] = (xr * t + xi) / d;
                        oi[oo + j] = (xi * t - xr) / d;
                    }
                }
            }
        }
    }
}
