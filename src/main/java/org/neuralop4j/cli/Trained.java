package org.neuralop4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuralop4j.autograd.Var;
import org.neuralop4j.data.UnitGaussianNormalizer;
import org.neuralop4j.io.Checkpoint;
import org.neuralop4j.io.Json;
import org.neuralop4j.nn.FNO;
import org.neuralop4j.tensor.Tensor;

/**
 * A model as the command uses it: the FNO and the per-channel normalizers of its inputs and
 * outputs (kept in the checkpoint's metadata key {@code normalizer}), so that predictions are in
 * the units of the data.
 */
record Trained(FNO model, UnitGaussianNormalizer inputs, UnitGaussianNormalizer outputs) {
    static Trained load(Path file) throws IOException {
        Checkpoint.Loaded c = Checkpoint.load(file);
        return of(c.model(), c.metadata(), file);
    }

    static Trained of(FNO model, Map<String, String> metadata, Path file) throws IOException {
        String n = metadata.get("normalizer");
        if (n == null) throw new IOException(file + ": no 'normalizer' in the metadata; not written by neuralop4j train");
        try {
            Map<String, Object> m = Json.parseObject(n);
            int rank = model.config().nModes().length + 2;
            return new Trained(model, normalizer(m.get("x"), model.config().inChannels(), rank),
                    normalizer(m.get("y"), model.config().outChannels(), rank));
        } catch (RuntimeException e) {
            throw new IOException(file + ": bad normalizer metadata: " + e.getMessage());
        }
    }

    /** The normalizers as JSON: {"x": {"mean": […], "scale": […]}, "y": …}, one value per channel. */
    String normalizerJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("x", json(inputs));
        m.put("y", json(outputs));
        return Json.write(m);
    }

    private static Map<String, Object> json(UnitGaussianNormalizer n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean", list(n.mean()));
        m.put("scale", list(n.scale()));
        return m;
    }

    private static List<Object> list(Tensor t) {
        List<Object> l = new ArrayList<>();
        for (double v : t.re()) l.add(v);
        return l;
    }

    private static UnitGaussianNormalizer normalizer(Object o, int channels, int rank) {
        Map<?, ?> m = (Map<?, ?>) o;
        Tensor mean = channels((List<?>) m.get("mean"), channels, rank), scale = channels((List<?>) m.get("scale"), channels, rank);
        return UnitGaussianNormalizer.of(mean, scale);
    }

    /** (1, C, 1…) of the given rank, so it broadcasts over samples and grid. */
    private static Tensor channels(List<?> values, int channels, int rank) {
        if (values.size() != channels) throw new IllegalArgumentException(values.size() + " values for " + channels + " channels");
        double[] v = new double[channels];
        for (int i = 0; i < channels; i++) v[i] = ((Number) values.get(i)).doubleValue();
        int[] shape = new int[rank];
        java.util.Arrays.fill(shape, 1);
        shape[1] = channels;
        return Tensor.of(v, shape);
    }

    /** The forward map used in training: encoded inputs → outputs in data units. */
    Var forward(Var encodedInputs) {
        return outputs.decode(model.forward(encodedInputs));
    }

    /** Predictions for raw inputs x (n, C, grid…), in batches, without recording a graph. */
    Tensor predict(Tensor x, int batch) {
        int d = model.config().nModes().length;
        if (x.rank() != d + 2 || x.dim(1) != model.config().inChannels()) {
            throw new IllegalArgumentException("the model takes " + model.config().inChannels() + "-channel " + d + "-D inputs, got an array of shape "
                    + java.util.Arrays.toString(x.shape()));
        }
        model.train(false);
        List<Tensor> parts = new ArrayList<>();
        try (Var.NoGrad ignored = Var.noGrad()) {
            for (int s = 0; s < x.dim(0); s += batch) {
                Tensor xb = inputs.encode(x.slice(0, s, Math.min(x.dim(0), s + batch)));
                parts.add(outputs.decode(model.forward(Var.constant(xb)).value()));
            }
        }
        return Tensor.concat(0, parts.toArray(new Tensor[0]));
    }
}
