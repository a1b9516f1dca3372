package org.neuralop4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neuralop4j.data.Dataset;
import org.neuralop4j.nn.FNO;
import org.neuralop4j.nn.FnoConfig;
import org.neuralop4j.optim.AdamW;
import org.neuralop4j.optim.Adam;
import org.neuralop4j.optim.Scheduler;
import org.neuralop4j.tensor.Tensor;

class TrainerTest {
    static FnoConfig small() {
        return FnoConfig.of(new int[] {6}, 1, 1, 4).withLayers(2).withLiftingProjection(8, 8).withSeed(2);
    }

    static Dataset data(int n, long seed) {
        Tensor x = Tensor.randn(seed, n, 1, 16);
        return new Dataset(x, x.mul(x).scale(0.5));
    }

    record Run(FNO model, Trainer trainer) {}

    static Run run(double lr) {
        return run(lr, 4);
    }

    static Run run(double lr, int epochs) {
        FNO model = new FNO(small());
        AdamW opt = new AdamW(model.parameters(), Adam.Config.defaults(lr).withWeightDecay(1e-4));
        return new Run(model, new Trainer(model, model::forward, opt, new Scheduler.StepDecay(lr, 2, 0.5), Loss.relativeL2(),
                Loss.relativeL2(), new Trainer.Settings(epochs, 5, 11, 1.0)));
    }

    @Test
    void aResumedRunRepeatsAnUninterruptedOneBitForBit() {
        Dataset train = data(12, 1), test = data(6, 2);
        Run straight = run(3e-3);
        List<Trainer.Epoch> full = straight.trainer().fit(train, Map.of("test", test), null);
        assertEquals(4, full.size());

        Run first = run(3e-3, 2); // stops after two epochs
        first.trainer().fit(train, Map.of("test", test), null);
        Trainer.State saved = first.trainer().state();

        Run second = run(3e-3); // a fresh model and optimizer, as in a new process
        second.trainer().resume(saved);
        List<Trainer.Epoch> resumed = second.trainer().fit(train, Map.of("test", test), null);
        assertEquals(4, resumed.size());
        for (int e = 0; e < 4; e++) {
            assertEquals(full.get(e).trainLoss(), resumed.get(e).trainLoss(), 0.0, "epoch " + e);
            assertEquals(full.get(e).testLoss().get("test"), resumed.get(e).testLoss().get("test"), 0.0);
            assertEquals(full.get(e).lr(), resumed.get(e).lr(), 0.0);
        }
        straight.model().stateDict().forEach((k, v) -> assertArrayEquals(v.re(), second.model().stateDict().get(k).re(), 0.0, k));
        assertTrue(full.get(3).trainLoss() < full.get(0).trainLoss(), "it learns: " + full);
    }

    @Test
    void aDivergingRunStopsAndKeepsTheLastGoodEpoch() {
        Dataset train = data(10, 3);
        Run r = run(1e-3);
        r.trainer().fit(train, Map.of(), null); // 4 good epochs
        Map<String, Tensor> good = r.model().stateDict();
        Map<String, Tensor> goodCopy = new java.util.LinkedHashMap<>();
        good.forEach((k, v) -> goodCopy.put(k, v.copy()));
        // poison the data: the next epoch's loss is NaN
        Tensor bad = train.x().copy();
        bad.re()[0] = Double.NaN;
        Trainer more = new Trainer(r.model(), r.model()::forward, new AdamW(r.model().parameters(), Adam.Config.defaults(1e-3)),
                new Scheduler.Constant(), Loss.relativeL2(), Loss.relativeL2(), new Trainer.Settings(1, 10, 0, 0));
        Trainer.Diverged e = assertThrows(Trainer.Diverged.class, () -> more.fit(new Dataset(bad, train.y()), Map.of(), null));
        assertTrue(e.getMessage().contains("epoch 1, batch 1 of 1"), e.getMessage());
        r.model().stateDict().forEach((k, v) -> assertArrayEquals(goodCopy.get(k).re(), v.re(), 0.0, k));
    }

    @Test
    void theListenerHearsEveryBatchAndEpoch() {
        List<String> heard = new ArrayList<>();
        Run r = run(1e-3);
        r.trainer().fit(data(12, 4), Map.of("t", data(3, 5)), new Trainer.Listener() {
            @Override
            public void batch(int epoch, int batch, int batches, double loss) {
                heard.add("b" + epoch + "." + batch + "/" + batches);
            }

            @Override
            public void epoch(Trainer.Epoch e) {
                heard.add("e" + e.epoch() + (e.testLoss().containsKey("t") ? "+t" : ""));
            }
        });
        assertEquals(List.of("b0.0/3", "b0.1/3", "b0.2/3", "e0+t", "b1.0/3", "b1.1/3", "b1.2/3", "e1+t",
                "b2.0/3", "b2.1/3", "b2.2/3", "e2+t", "b3.0/3", "b3.1/3", "b3.2/3", "e3+t"), heard);
    }
}
