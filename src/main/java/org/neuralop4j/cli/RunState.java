package org.neuralop4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuralop4j.io.Checkpoint;
import org.neuralop4j.io.Json;
import org.neuralop4j.nn.FNO;
import org.neuralop4j.optim.Optimizer;
import org.neuralop4j.tensor.Tensor;
import org.neuralop4j.train.Trainer;

/**
 * A training run in a checkpoint: the model's parameters, the optimizer state as extra tensors
 * {@code optimizer.*}, and in the metadata key {@code trainer} the epochs done, the learning rate
 * and the history. Numbers are stored exactly (F64 tensors; JSON doubles that read back to the same
 * bits), so a resumed run repeats an uninterrupted one.
 */
final class RunState {
    private RunState() {}

    static void save(Path file, FNO model, Trainer.State s, Map<String, String> metadata, Optimizer opt) throws IOException {
        Map<String, String> meta = new LinkedHashMap<>(metadata);
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("epochs_done", s.epochsDone());
        t.put("lr", s.lr());
        t.put("optimizer_state_bytes", opt.stateBytes());
        t.put("history", historyJson(s.history()));
        meta.put("trainer", Json.write(t));
        Map<String, Tensor> extra = new LinkedHashMap<>();
        s.optimizer().forEach((k, v) -> extra.put("optimizer." + k, v));
        Checkpoint.save(file, model, meta, extra);
    }

    static Trainer.State trainerState(Checkpoint.Loaded c) {
        Map<String, Object> t = Json.parseObject(c.metadata().get("trainer"));
        Map<String, Tensor> opt = new LinkedHashMap<>();
        c.extra().forEach((k, v) -> {
            if (k.startsWith("optimizer.")) opt.put(k.substring("optimizer.".length()), v);
        });
        List<Trainer.Epoch> history = new ArrayList<>();
        for (Object o : (List<?>) t.get("history")) {
            Map<?, ?> e = (Map<?, ?>) o;
            Map<String, Double> test = new LinkedHashMap<>();
            ((Map<?, ?>) e.get("test_rel_l2")).forEach((k, v) -> test.put((String) k, ((Number) v).doubleValue()));
            Map<String, Integer> info = new LinkedHashMap<>();
            e.forEach((k, v) -> {
                if (!HISTORY_KEYS.contains(k)) info.put((String) k, ((Number) v).intValue());
            });
            history.add(new Trainer.Epoch(((Number) e.get("epoch")).intValue() - 1, num(e.get("train_loss")), test, num(e.get("lr")),
                    num(e.get("seconds")), ((Number) e.get("flops")).longValue(), info));
        }
        return new Trainer.State(((Number) t.get("epochs_done")).intValue(), c.model().stateDict(), opt, num(t.get("lr")), history);
    }

    private static double num(Object o) {
        return ((Number) o).doubleValue();
    }

    private static final java.util.Set<String> HISTORY_KEYS = java.util.Set.of("epoch", "train_loss", "test_rel_l2", "lr", "seconds", "flops");

    /**
     * Per epoch (numbered from 1): train loss, test errors, learning rate, seconds, training FLOPs,
     * and the schedule's record (IFNO: modes, resolution).
     */
    static List<Object> historyJson(List<Trainer.Epoch> history) {
        List<Object> out = new ArrayList<>();
        for (Trainer.Epoch e : history) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("epoch", e.epoch() + 1);
            m.put("train_loss", e.trainLoss());
            m.put("test_rel_l2", e.testLoss());
            m.put("lr", e.lr());
            m.put("seconds", e.seconds());
            m.put("flops", e.flops());
            m.putAll(e.info());
            out.add(m);
        }
        return out;
    }
}
