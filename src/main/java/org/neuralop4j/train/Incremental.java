package org.neuralop4j.train;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuralop4j.data.Dataset;
import org.neuralop4j.nn.FNO;
import org.neuralop4j.nn.SpectralConv;
import org.neuralop4j.tensor.Tensor;

/**
 * The training schedule of the Incremental FNO (Zhao et al., "Incremental Fourier Neural
 * Operator", arXiv 2211.15188): the model holds K_max modes per axis but uses the lowest K, and K
 * grows during training; the training data starts coarse and is refined.
 *
 * <p>Modes are counted as {@link SpectralConv} counts them, so one more frequency of each sign is
 * K + 2. A frequency <em>level</em> j is the largest |frequency| over the axes of a weight entry
 * (the entries at level j form a square shell in d dimensions); K active modes hold levels
 * 0…K/2. The two criteria for growing K by one level, checked after each epoch:
 * <ul>
 * <li>{@link Criterion#ENERGY explained energy}: with s_j² the squared Frobenius norm of the spectral
 *     weights at level j over the channel axes, summed over the layers, if the levels below the last
 *     {@code buffer} ones hold less than a fraction α of the energy of the active levels, grow;
 * <li>{@link Criterion#LOSS_GAP loss gap}: if the epoch training loss changed by at most ε, grow.
 * </ul>
 * Incremental resolution: epoch e trains on the data subsampled by {@code rates[e / epochGap]}
 * (the last rate from then on); K never grows beyond what the next epoch's grid holds.
 */
public final class Incremental implements Trainer.Schedule {
    public enum Criterion { ENERGY, LOSS_GAP }

    /**
     * @param startModes K at the start (even, ≥ 2)
     * @param rates      subsampling rates of the training data, e.g. {4, 2, 1}; {1} for none
     * @param epochGap   epochs per rate
     */
    public record Settings(Criterion criterion, double alpha, int buffer, double eps, int startModes, int[] rates, int epochGap) {
        public Settings {
            rates = rates.clone();
            if (!(alpha > 0 && alpha <= 1) || buffer < 0 || !(eps >= 0) || startModes < 2 || startModes % 2 != 0 || rates.length == 0 || epochGap < 1) {
                throw new IllegalArgumentException("IFNO: needs 0 < α ≤ 1, buffer ≥ 0, ε ≥ 0, even start modes ≥ 2, rates and a gap ≥ 1; got α " + alpha
                        + ", buffer " + buffer + ", ε " + eps + ", start " + startModes + ", rates " + Arrays.toString(rates) + ", gap " + epochGap);
            }
            for (int r : rates) if (r < 1) throw new IllegalArgumentException("IFNO: subsampling rates must be ≥ 1, got " + Arrays.toString(rates));
        }

        @Override
        public int[] rates() {
            return rates.clone();
        }
    }

    private final FNO model;
    private final Settings settings;
    private int[] fullGrid;

    public Incremental(FNO model, Settings settings) {
        this.model = model;
        this.settings = settings;
    }

    /** Sets K to the starting modes (a new run; a resumed one keeps the K its checkpoint stored). */
    public void start() {
        int[] k = model.config().nModes();
        for (int j = 0; j < k.length; j++) k[j] = Math.min(k[j], settings.startModes());
        model.setActiveModes(k);
    }

    /** The subsampling rate of epoch e. */
    public int rate(int epoch) {
        int[] r = settings.rates;
        return r[Math.min(epoch / settings.epochGap(), r.length - 1)];
    }

    @Override
    public Dataset data(int epoch, Dataset train) {
        int[] s = train.x().shape();
        fullGrid = Arrays.copyOfRange(s, 2, s.length);
        return train.subsample(rate(epoch));
    }

    @Override
    public Map<String, Integer> info(int epoch) {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("modes", model.activeModes()[0]);
        m.put("resolution", grid(rate(epoch))[0]);
        return m;
    }

    @Override
    public void after(List<Trainer.Epoch> history) {
        int e = history.get(history.size() - 1).epoch();
        boolean grow = switch (settings.criterion()) {
            case ENERGY -> explained(strengths(model), model.activeModes()[0], settings.buffer()) < settings.alpha();
            case LOSS_GAP -> history.size() >= 2
                    && Math.abs(history.get(history.size() - 1).trainLoss() - history.get(history.size() - 2).trainLoss()) <= settings.eps();
        };
        if (grow) grow(grid(rate(e + 1)));
    }

    /** One more level on every axis, if K_max and the grid allow it; returns whether K grew. */
    boolean grow(int[] grid) {
        int[] k = model.activeModes(), max = model.config().nModes();
        boolean any = false;
        for (int j = 0; j < k.length; j++) {
            int cap = Math.min(max[j], grid[j] / 2 * 2);
            if (k[j] + 2 <= cap) {
                k[j] += 2;
                any = true;
            }
        }
        if (any) model.setActiveModes(k);
        return any;
    }

    private int[] grid(int rate) {
        int[] g = fullGrid.clone();
        for (int j = 0; j < g.length; j++) g[j] = (g[j] + rate - 1) / rate;
        return g;
    }

    /**
     * s_j² for every level j = 0…K_max/2: the squared weights of all layers at level j, summed over
     * the channel axes (in, out) and the shell's entries. Axis 0 and 1 of a weight are channels; the
     * rest are frequencies (full axes: index i is frequency i below the middle and i − M above; the
     * last axis: bin i is frequency i).
     */
    public static double[] strengths(FNO model) {
        int[] max = model.config().nModes();
        int levels = 0;
        for (int m : max) levels = Math.max(levels, m / 2 + 1);
        double[] s = new double[levels];
        for (SpectralConv c : model.convs()) {
            Tensor w = c.weight().value();
            int[] shape = w.shape();
            int d = shape.length - 2, per = w.size() / (shape[0] * shape[1]);
            for (int off = 0; off < w.size(); off++) {
                int rem = off % per, level = 0;
                for (int j = d - 1; j >= 0; j--) {
                    int m = shape[j + 2], i = rem % m;
                    rem /= m;
                    int f = j == d - 1 ? i : i < m / 2 ? i : m - i;
                    level = Math.max(level, f);
                }
                double re = w.re()[off], im = w.im() == null ? 0 : w.im()[off];
                s[level] += re * re + im * im;
            }
        }
        return s;
    }

    /** The fraction of the energy of the active levels 0…K/2 held by all but the last {@code buffer} of them. */
    public static double explained(double[] s2, int k, int buffer) {
        int active = Math.min(s2.length, k / 2 + 1);
        double all = 0, low = 0;
        for (int j = 0; j < active; j++) {
            all += s2[j];
            if (j < active - buffer) low += s2[j];
        }
        return all > 0 ? low / all : 1;
    }
}
