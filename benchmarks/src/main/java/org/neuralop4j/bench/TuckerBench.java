package org.neuralop4j.bench;

import java.util.concurrent.TimeUnit;
import org.neuralop4j.linalg.Tucker;
import org.neuralop4j.tensor.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Tucker decompositions of complex 4-d tensors (spectral-weight shapes) at rank ratio 0.25. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TuckerBench {
    @Param({"32x32x12x7", "64x64x16x9"})
    public String shape;

    private Tensor x;
    private int[] ranks;
    private Tensor[] start;

    @Setup
    public void setup() {
        String[] p = shape.split("x");
        int[] s = new int[p.length];
        for (int i = 0; i < p.length; i++) s[i] = Integer.parseInt(p[i]);
        x = Tensor.randnComplex(7, s);
        ranks = Tucker.ranksFromRatio(s, 0.25);
        start = Tucker.hosvd(x, ranks).factors();
    }

    @Benchmark
    public Tucker hosvd() {
        return Tucker.hosvd(x, ranks);
    }

    /** One HOOI sweep, warm-started from the HOSVD factors. */
    @Benchmark
    public Tucker hooiSweep() {
        return Tucker.hooi(x, ranks, start, 1, 0);
    }
}
