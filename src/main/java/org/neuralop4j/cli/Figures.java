package org.neuralop4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neuralop4j.io.Plot;
import org.neuralop4j.io.Png;
import org.neuralop4j.tensor.Tensor;
import org.neuralop4j.train.Trainer;

/** The pictures of a training run: the loss curves and one test sample per test set. */
final class Figures {
    private Figures() {}

    /** Writes loss.png and sample_GRID.png files into dir; returns their names. */
    static List<String> write(Path dir, List<Trainer.Epoch> history, Trained model, Map<String, Tensor[]> tests) throws IOException {
        List<String> names = new ArrayList<>();
        if (!history.isEmpty()) {
            List<Plot.Series> curves = new ArrayList<>();
            double[] epochs = new double[history.size()], train = new double[history.size()];
            for (int i = 0; i < epochs.length; i++) {
                epochs[i] = i + 1;
                train[i] = history.get(i).trainLoss();
            }
            curves.add(new Plot.Series("train loss", epochs, train));
            for (String k : history.get(0).testLoss().keySet()) {
                double[] test = new double[history.size()];
                for (int i = 0; i < test.length; i++) test[i] = history.get(i).testLoss().get(k);
                curves.add(new Plot.Series("test " + k, epochs, test));
            }
            Png.write(dir.resolve("loss.png"), Plot.lines("train loss and test relative l2 error", "epoch", curves, true));
            names.add("loss.png");
        }
        for (Map.Entry<String, Tensor[]> t : tests.entrySet()) {
            Tensor x = t.getValue()[0].slice(0, 0, 1), y = t.getValue()[1].slice(0, 0, 1);
            Tensor pred = model.predict(x, 1);
            String name = "sample_" + t.getKey().replaceAll("[^0-9A-Za-z_.-]", "_") + ".png";
            Png.write(dir.resolve(name), x.rank() == 4 ? heatmaps(x, y, pred) : lines(x, y, pred, t.getKey()));
            names.add(name);
        }
        return names;
    }

    /** Channel 0 of input, truth, prediction and the signed error, each (1, C, H, W). */
    private static org.neuralop4j.io.Image heatmaps(Tensor x, Tensor y, Tensor pred) {
        Tensor in = channel(x), truth = channel(y), p = channel(pred);
        return Plot.heatmaps(List.of(new Plot.Field("input", in, false), new Plot.Field("truth", truth, false),
                new Plot.Field("prediction", p, false), new Plot.Field("error", p.sub(truth), true)));
    }

    private static Tensor channel(Tensor t) {
        return t.slice(1, 0, 1).reshape(t.dim(2), t.dim(3));
    }

    /** Channel 0 of input, truth and prediction against x in [0, 1). */
    private static org.neuralop4j.io.Image lines(Tensor x, Tensor y, Tensor pred, String grid) {
        int n = x.dim(2);
        double[] pos = new double[n];
        for (int i = 0; i < n; i++) pos[i] = (double) i / n;
        return Plot.lines("test sample, grid " + grid, "x", List.of(new Plot.Series("input", pos, x.slice(1, 0, 1).re().clone()),
                new Plot.Series("truth", pos, y.slice(1, 0, 1).re().clone()), new Plot.Series("prediction", pos, pred.slice(1, 0, 1).re().clone())), false);
    }
}
