package org.neuralop4j.bench;

import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.neuralop4j.linalg.Svd;
import org.neuralop4j.tensor.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Thin real SVD with U and V, single-threaded: ours from a tensor, EJML from a copy of the same matrix. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SvdBench {
    @Param({"64x64", "256x256", "1024x64", "64x4096"})
    public String size;

    private Tensor a;
    private DMatrixRMaj ejmlInput;
    private SingularValueDecomposition_F64<DMatrixRMaj> ejml;

    @Setup
    public void setup() {
        String[] p = size.split("x");
        int m = Integer.parseInt(p[0]), n = Integer.parseInt(p[1]);
        a = Tensor.randn(m * 31L + n, m, n);
        ejmlInput = new DMatrixRMaj(m, n, true, a.re());
        ejml = DecompositionFactory_DDRM.svd(m, n, true, true, true);
    }

    @Benchmark
    public Svd.Result neuralop4j() {
        return Svd.decompose(a);
    }

    @Benchmark
    public Object ejml() {
        DMatrixRMaj copy = ejmlInput.copy(); // EJML may overwrite its input
        if (!ejml.decompose(copy)) throw new IllegalStateException("EJML SVD failed");
        return ejml.getU(null, false);
    }
}
