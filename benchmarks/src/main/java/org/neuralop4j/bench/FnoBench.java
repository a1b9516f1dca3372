package org.neuralop4j.bench;

import java.util.concurrent.TimeUnit;
import org.neuralop4j.autograd.Var;
import org.neuralop4j.nn.FNO;
import org.neuralop4j.nn.FnoConfig;
import org.neuralop4j.optim.Adam;
import org.neuralop4j.tensor.Parallel;
import org.neuralop4j.tensor.Tensor;
import org.neuralop4j.train.Loss;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One FNO training step (forward, relative L2 loss, backward, Adam step) and one inference pass,
 * double precision, for the three configurations of the FNO issue (4 layers, neuraloperator 1.0
 * defaults otherwise):
 * A: 2-d 64², width 32, modes 12, batch 16; B: 2-d 128², width 32, modes 16, batch 8;
 * C: 1-d 1024, width 64, modes 16, batch 32. Time per call; samples/s = batch / time.
 *
 * <p>JVM: the parallel collector with a fixed 6 GB young generation. A training step allocates
 * tens of large activation arrays that stay alive until the backward pass; with an adaptively
 * sized young generation they were copied between survivor spaces on every collection, and GC
 * pauses took a sixth of the run (config C).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 4)
@Measurement(iterations = 3, time = 6)
@Fork(value = 1, jvmArgsAppend = {"-Xmx12g", "-XX:+UseParallelGC", "-XX:-UseAdaptiveSizePolicy", "-Xmn6g"})
public class FnoBench {
    @Param({"A", "B", "C"})
    public String config;

    @Param({"1", "2"})
    public int threads;

    private FNO model;
    private Adam opt;
    private Tensor x, y;

    @Setup
    public void setup() {
        Parallel.setThreads(threads);
        int[] shape;
        FnoConfig c;
        switch (config) {
            case "A" -> {
                c = FnoConfig.of(new int[] {12, 12}, 1, 1, 32);
                shape = new int[] {16, 1, 64, 64};
            }
            case "B" -> {
                c = FnoConfig.of(new int[] {16, 16}, 1, 1, 32);
                shape = new int[] {8, 1, 128, 128};
            }
            default -> {
                c = FnoConfig.of(new int[] {16}, 1, 1, 64);
                shape = new int[] {32, 1, 1024};
            }
        }
        model = new FNO(c);
        opt = new Adam(model.parameters(), Adam.Config.defaults(1e-3));
        x = Tensor.randn(1, shape);
        y = Tensor.randn(2, shape);
    }

    @Benchmark
    public double trainStep() {
        opt.zeroGrad();
        Var loss = Loss.relativeL2().apply(model.forward(Var.constant(x)), Var.constant(y));
        loss.backward();
        opt.step();
        return loss.value().item();
    }

    @Benchmark
    public Tensor inference() {
        try (Var.NoGrad ignored = Var.noGrad()) {
            return model.forward(Var.constant(x)).value();
        }
    }
}
