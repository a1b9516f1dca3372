package org.neuralop4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neuralop4j.autograd.Var;
import org.neuralop4j.tensor.Tensor;

class DatasetTest {
    @Test
    void batchesCoverEverySampleOnceAndDependOnlyOnTheSeed() {
        Dataset d = new Dataset(Tensor.randn(1, 23, 1, 4), Tensor.randn(2, 23, 1, 4));
        List<int[]> a = d.batches(5, 9), b = d.batches(5, 9), c = d.batches(5, 10);
        assertEquals(5, a.size());
        assertEquals(3, a.get(4).length);
        int[] all = a.stream().flatMapToInt(Arrays::stream).sorted().toArray();
        for (int i = 0; i < 23; i++) assertEquals(i, all[i]);
        for (int i = 0; i < a.size(); i++) assertArrayEquals(a.get(i), b.get(i));
        assertNotEquals(Arrays.toString(a.get(0)), Arrays.toString(c.get(0)));
        Dataset t = d.take(new int[] {4, 0});
        assertArrayEquals(d.x().slice(0, 4, 5).re(), t.x().slice(0, 0, 1).re());
        assertArrayEquals(d.y().slice(0, 0, 1).re(), t.y().slice(0, 1, 2).re());
    }

    @Test
    void subsamplingKeepsEveryRthPoint() {
        Tensor x = Tensor.arange(2 * 3 * 8 * 6).reshape(2, 3, 8, 6);
        Tensor s = Dataset.subsample(x, 2);
        assertArrayEquals(new int[] {2, 3, 4, 3}, s.shape());
        assertEquals(x.get(1, 2, 6, 4), s.get(1, 2, 3, 2));
        assertArrayEquals(new int[] {2, 3, 3, 2}, Dataset.subsample(x, 3).shape());
        assertThrows(IllegalArgumentException.class, () -> Dataset.subsample(x, 0));
        assertThrows(IllegalArgumentException.class, () -> new Dataset(Tensor.zeros(3, 1), Tensor.zeros(4, 1)));
    }

    @Test
    void theNormalizerStandardizesAndDecodesBack() {
        Tensor data = Tensor.randn(5, 200, 2, 3).mul(Tensor.of(new double[] {3, 0.5}, 1, 2, 1)).add(Tensor.scalar(4));
        UnitGaussianNormalizer n = UnitGaussianNormalizer.fit(data);
        Tensor z = n.encode(data);
        Tensor mean = z.mean(0), sq = z.mul(z).mean(0);
        assertTrue(mean.maxAbs() < 1e-12, "mean 0");
        for (double v : sq.re()) assertEquals(1.0, v, 0.01);
        assertTrue(n.decode(z).allClose(data, 1e-12, 1e-12));
        assertTrue(n.decode(Var.constant(z)).value().allClose(data, 1e-12, 1e-12));
    }

    @Test
    void thePerChannelNormalizerStandardizesEachChannelOverSamplesAndGrid() {
        Tensor data = Tensor.randn(6, 50, 2, 8, 8).mul(Tensor.of(new double[] {3, 0.5}, 1, 2, 1, 1)).add(Tensor.of(new double[] {4, -1}, 1, 2, 1, 1));
        UnitGaussianNormalizer n = UnitGaussianNormalizer.fitPerChannel(data);
        assertArrayEquals(new int[] {1, 2, 1, 1}, n.mean().shape());
        Tensor z = n.encode(data);
        for (int c = 0; c < 2; c++) {
            Tensor ch = z.slice(1, c, c + 1);
            assertEquals(0.0, ch.mean().item(), 1e-12);
            assertEquals(1.0, ch.mul(ch).sum().item() / (ch.size() - 1), 1e-4); // unbiased, as torch.std
        }
        Tensor finer = Tensor.randn(7, 3, 2, 16, 16); // the statistics apply on any grid
        assertTrue(n.decode(n.encode(finer)).allClose(finer, 1e-12, 1e-12));
    }
}
