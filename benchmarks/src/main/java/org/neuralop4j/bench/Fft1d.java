package org.neuralop4j.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;
import org.jtransforms.fft.DoubleFFT_1D;
import org.neuralop4j.fft.Fft;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One forward complex FFT of length n, in place, unnormalized, single-threaded. Each call first
 * copies the same input into the work arrays (the same copy for every library), so every call
 * transforms the same data.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class Fft1d {
    @Param({"64", "128", "256", "512", "1024", "2048", "4096", "8192", "16384", "1000", "1009"})
    public int n;

    private double[] re, im, interleaved;
    private double[] wr, wi, wInterleaved;
    private DoubleFFT_1D jt;
    private FastFourierTransformer cm;

    @Setup
    public void setup() {
        org.visnow.jlargearrays.ConcurrencyUtils.setNumberOfThreads(1); // JTransforms single-threaded
        SplittableRandom r = new SplittableRandom(n);
        re = new double[n];
        im = new double[n];
        interleaved = new double[2 * n];
        for (int i = 0; i < n; i++) {
            re[i] = r.nextGaussian();
            im[i] = r.nextGaussian();
            interleaved[2 * i] = re[i];
            interleaved[2 * i + 1] = im[i];
        }
        wr = new double[n];
        wi = new double[n];
        wInterleaved = new double[2 * n];
        jt = new DoubleFFT_1D(n);
        cm = new FastFourierTransformer(DftNormalization.STANDARD);
    }

    @Benchmark
    public double[] neuralop4j() {
        System.arraycopy(re, 0, wr, 0, n);
        System.arraycopy(im, 0, wi, 0, n);
        Fft.transform(wr, wi, false);
        return wr;
    }

    @Benchmark
    public double[] jtransforms() {
        System.arraycopy(interleaved, 0, wInterleaved, 0, 2 * n);
        jt.complexForward(wInterleaved);
        return wInterleaved;
    }

    /** Commons Math transforms powers of two only; the runner gives it those lengths. */
    @Benchmark
    public double[] commonsMath() {
        System.arraycopy(re, 0, wr, 0, n);
        System.arraycopy(im, 0, wi, 0, n);
        FastFourierTransformer.transformInPlace(new double[][] {wr, wi}, DftNormalization.STANDARD, TransformType.FORWARD);
        return wr;
    }
}
