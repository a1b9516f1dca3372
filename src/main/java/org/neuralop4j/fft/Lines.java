package org.neuralop4j.fft;

import org.neuralop4j.tensor.Flops;
import org.neuralop4j.tensor.Parallel;
import org.neuralop4j.tensor.Shapes;
import org.neuralop4j.tensor.Tensor;

/**
 * Applies a 1-d operation to every line of a tensor along one axis. A line at stride s is
 * gathered together with its neighbours (up to {@link #BLOCK} lines whose elements lie next to
 * each other in memory), so strided axes are read a cache line at a time; blocks are spread over
 * threads, and each line is computed the same way whatever the thread count.
 */
final class Lines {
    private Lines() {}

    static final int BLOCK = 32;

    /**
     * One line, transformed in place: on entry {@code re[0..n)} and {@code im[0..n)} hold the
     * input line (im all zeros for a real input); on exit {@code [0..nOut)} hold the output. The
     * buffers are {@code max(n, nOut)} long; what lies past the input is undefined on entry.
     */
    interface Op {
        void apply(double[] re, double[] im, Object scratch);
    }

    interface Scratch {
        Object make();
    }

    /**
     * A new tensor equal to x with the axis of length n replaced by one of length {@code nOut},
     * each line computed by {@code op}; complex unless {@code realOut}. {@code flopsPerLine} (see
     * {@link Flops}) is counted for every line and sizes the parallel chunks.
     */
    static Tensor map(Tensor x, int axis, int nOut, boolean realOut, long flopsPerLine, Scratch scratch, Op op) {
        int[] shape = x.shape();
        int a = Shapes.axis(axis, shape.length, "fft");
        int n = shape[a];
        int outer = Shapes.prod(shape, 0, a), inner = Shapes.prod(shape, a + 1, shape.length);
        int[] outShape = shape.clone();
        outShape[a] = nOut;
        Tensor out = realOut ? Tensor.zeros(outShape) : Tensor.zerosComplex(outShape);
        if (out.size() == 0 || x.size() == 0) return out;
        Flops.add((long) outer * inner * flopsPerLine);
        double[] xr = x.re(), xi = x.im(), or = out.re(), oi = out.im();
        int len = Math.max(n, nOut);
        int bw = Math.min(BLOCK, inner);
        int blocksPerOuter = (inner + bw - 1) / bw;
        int blocks = outer * blocksPerOuter;
        int grain = (int) Math.max(1, Math.min(blocks, 200_000 / Math.max(1, flopsPerLine * bw)));
        Parallel.forRange(blocks, grain, (b0, b1) -> {
            Object s = scratch.make();
            double[][] lr = new double[bw][len], li = new double[bw][len];
            for (int blk = b0; blk < b1; blk++) {
                int o = blk / blocksPerOuter, i0 = (blk % blocksPerOuter) * bw;
                int w = Math.min(bw, inner - i0);
                int inBase = o * n * inner + i0, outBase = o * nOut * inner + i0;
                if (inner == 1) { // contiguous line
                    System.arraycopy(xr, inBase, lr[0], 0, n);
                    if (xi == null) java.util.Arrays.fill(li[0], 0, n, 0.0);
                    else System.arraycopy(xi, inBase, li[0], 0, n);
                } else {
                    gather(xr, inBase, inner, n, lr, w);
                    if (xi == null) {
                        for (int l = 0; l < w; l++) java.util.Arrays.fill(li[l], 0, n, 0.0);
                    } else {
                        gather(xi, inBase, inner, n, li, w);
                    }
                }
                for (int l = 0; l < w; l++) op.apply(lr[l], li[l], s);
                if (inner == 1) {
                    System.arraycopy(lr[0], 0, or, outBase, nOut);
                    if (oi != null) System.arraycopy(li[0], 0, oi, outBase, nOut);
                } else {
                    scatter(lr, w, nOut, or, outBase, inner);
                    if (oi != null) scatter(li, w, nOut, oi, outBase, inner);
                }
            }
        });
        return out;
    }

    /** lines[l][k] = src[base + k·stride + l] for k < n, l < w: w neighbouring lines share each cache line read. */
    private static void gather(double[] src, int base, int stride, int n, double[][] lines, int w) {
        for (int l = 0; l < w; l++) {
            double[] line = lines[l];
            for (int k = 0, p = base + l; k < n; k++, p += stride) line[k] = src[p];
        }
    }

    /** dst[base + k·stride + l] = lines[l][k] for k < n, l < w. */
    private static void scatter(double[][] lines, int w, int n, double[] dst, int base, int stride) {
        for (int l = 0; l < w; l++) {
            double[] line = lines[l];
            for (int k = 0, p = base + l; k < n; k++, p += stride) dst[p] = line[k];
        }
    }

}
