package org.neuralop4j.bench;

import java.util.concurrent.TimeUnit;
import org.jtransforms.fft.DoubleFFT_2D;
import org.neuralop4j.fft.Fft;
import org.neuralop4j.fft.Norm;
import org.neuralop4j.tensor.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A 2-d real FFT of an n×n grid, single-threaded: ours through the public tensor API (it returns
 * the n×(n/2+1) half spectrum as a new tensor), JTransforms in place in its packed format (after
 * copying the same input into its work array).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class Rfft2d {
    @Param({"64", "128", "256"})
    public int n;

    private Tensor x;
    private double[] work;
    private DoubleFFT_2D jt;
    private static final int[] AXES = {0, 1};

    @Setup
    public void setup() {
        org.visnow.jlargearrays.ConcurrencyUtils.setNumberOfThreads(1); // JTransforms single-threaded
        x = Tensor.randn(n, n, n);
        work = new double[n * n];
        jt = new DoubleFFT_2D(n, n);
    }

    @Benchmark
    public Tensor neuralop4j() {
        return Fft.rfftn(x, AXES, Norm.BACKWARD);
    }

    @Benchmark
    public double[] jtransforms() {
        System.arraycopy(x.re(), 0, work, 0, n * n);
        jt.realForward(work);
        return work;
    }
}
