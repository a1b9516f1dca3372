package org.neuralop4j.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neuralop4j.fft.Fft;
import org.neuralop4j.fft.Norm;

/** Results must be bit-identical whatever the thread count. */
class ParallelTest {
    private final int saved = Parallel.threads();

    @AfterEach
    void restore() {
        Parallel.setThreads(saved);
    }

    private static void sameBits(Supplier<Tensor> op) {
        Parallel.setThreads(1);
        Tensor one = op.get();
        Parallel.setThreads(4);
        Tensor four = op.get();
        assertArrayEquals(one.shape(), four.shape());
        assertArrayEquals(one.re(), four.re(), "real parts differ in some bit");
        if (one.im() != null) assertArrayEquals(one.im(), four.im(), "imaginary parts differ in some bit");
    }

    @Test
    void kernelsGiveTheSameBitsOnOneAndFourThreads() {
        Tensor a = Tensor.randnComplex(1, 8, 64, 96), b = Tensor.randnComplex(2, 8, 96, 80);
        sameBits(() -> a.matmul(b));
        sameBits(() -> a.add(b.slice(2, 0, 1).reshape(8, 96).slice(0, 0, 1).reshape(96)));
        sameBits(() -> a.permute(2, 0, 1));
        Tensor x = Tensor.randnComplex(3, 4, 16, 32, 32), w = Tensor.randnComplex(4, 16, 24, 32, 32);
        sameBits(() -> Tensor.contractModes(x, w));
        Tensor h = Tensor.randn(7, 4, 36, 33, 17), w2 = Tensor.randn(8, 21, 36), gy = Tensor.randn(9, 4, 21, 33, 17);
        sameBits(() -> Tensor.channelMix(h, w2));
        sameBits(() -> Tensor.channelMixWeightGrad(gy, h));
        sameBits(() -> h.sum(0, 2, 3));
        sameBits(() -> h.map(v -> Special.erf(v)));
        Tensor g = Tensor.randn(5, 6, 3, 128, 96);
        sameBits(() -> Fft.rfftn(g, new int[] {2, 3}, Norm.BACKWARD));
        sameBits(() -> Fft.irfftnTruncated(Fft.rfftnTruncated(g, new int[] {2, 3}, new int[] {12, 12}, Norm.ORTHO),
                new int[] {2, 3}, new int[] {256, 192}, Norm.ORTHO));
    }

    @Test
    void reductionsAddChunksInAFixedOrder() {
        double[] v = Tensor.randn(9, 1_000_003).re();
        Parallel.setThreads(1);
        double one = Parallel.sum(v.length, 4096, (s, e) -> {
            double t = 0;
            for (int i = s; i < e; i++) t += v[i];
            return t;
        });
        Parallel.setThreads(4);
        double four = Parallel.sum(v.length, 4096, (s, e) -> {
            double t = 0;
            for (int i = s; i < e; i++) t += v[i];
            return t;
        });
        assertEquals(Double.doubleToLongBits(one), Double.doubleToLongBits(four));
    }

    @Test
    void failuresInWorkersReachTheCaller() {
        Parallel.setThreads(4);
        assertThrows(IllegalStateException.class, () -> Parallel.forRange(100, 1, (s, e) -> {
            if (s == 57) throw new IllegalStateException("chunk 57");
        }));
        assertThrows(IllegalArgumentException.class, () -> Parallel.setThreads(0));
    }
}
