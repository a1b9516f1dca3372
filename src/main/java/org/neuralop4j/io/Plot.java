package org.neuralop4j.io;

import java.util.List;
import java.util.Locale;
import org.neuralop4j.tensor.Tensor;

/**
 * Figures for the command: heatmaps with colour bars (input, truth, prediction, error of a 2-D
 * field) and line plots (loss curves, 1-D predictions against the truth).
 */
public final class Plot {
    private Plot() {}

    static final int WHITE = 0xFFFFFF, BLACK = 0x000000, GREY = 0xBBBBBB;
    /** Line colours, in the order series are drawn. */
    static final int[] PALETTE = {0x1F77B4, 0xFF7F0E, 0x2CA02C, 0xD62728, 0x9467BD, 0x8C564B};
    /** viridis (matplotlib's default colour map) at nine equally spaced points. */
    private static final int[] VIRIDIS = {0x440154, 0x472C7A, 0x3B528B, 0x2C728E, 0x21918C, 0x28AE80, 0x5EC962, 0xADDC30, 0xFDE725};
    /** A diverging map, blue through light grey to red, for signed errors (symmetric about 0). */
    private static final int[] DIVERGING = {0x3B4CC0, 0x8DB0FE, 0xF2F2F2, 0xF49A7B, 0xB40426};

    /** A 2-D field to show: its rows are drawn top to bottom. {@code signed}: diverging colours centred on 0. */
    public record Field(String title, Tensor values, boolean signed) {
        public Field {
            if (values.rank() != 2 || values.isComplex()) throw new IllegalArgumentException("plot: a field must be a real 2-D tensor, got " + values);
        }
    }

    /** One curve: y against x. */
    public record Series(String name, double[] x, double[] y) {
        public Series {
            if (x.length != y.length) throw new IllegalArgumentException("plot: series '" + name + "' has " + x.length + " x and " + y.length + " y values");
        }
    }

    /** Maps t in [0, 1] (clamped) to a colour by linear interpolation between equally spaced anchors. */
    static int colour(int[] anchors, double t) {
        double u = Math.min(1, Math.max(0, Double.isNaN(t) ? 0 : t)) * (anchors.length - 1);
        int i = Math.min(anchors.length - 2, (int) u);
        double f = u - i;
        int a = anchors[i], b = anchors[i + 1], out = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int ca = a >> shift & 0xFF, cb = b >> shift & 0xFF;
            out |= (int) Math.round(ca + f * (cb - ca)) << shift;
        }
        return out;
    }

    static int viridis(double t) {
        return colour(VIRIDIS, t);
    }

    static int diverging(double t) {
        return colour(DIVERGING, t);
    }

    /** A number in at most about 9 characters. */
    static String label(double v) {
        if (v == 0) return "0";
        double a = Math.abs(v);
        return a >= 1e-3 && a < 1e4 ? String.format(Locale.ROOT, "%.3g", v).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "")
                : String.format(Locale.ROOT, "%.2e", v);
    }

    /** Heatmaps side by side, each with a title and a colour bar labelled with its range. */
    public static Image heatmaps(List<Field> fields) {
        if (fields.isEmpty()) throw new IllegalArgumentException("plot: no fields");
        int rows = 0, cols = 0;
        for (Field f : fields) {
            rows = Math.max(rows, f.values().dim(0));
            cols = Math.max(cols, f.values().dim(1));
        }
        int scale = Math.max(1, 192 / Math.max(rows, cols));
        int ph = rows * scale, pw = cols * scale, margin = 12, top = 30, bar = 12, labels = 9 * 8;
        int panel = pw + 8 + bar + 6 + labels;
        Image img = new Image(margin + fields.size() * (panel + margin), top + ph + margin, WHITE);
        for (int k = 0; k < fields.size(); k++) {
            Field f = fields.get(k);
            int x0 = margin + k * (panel + margin);
            img.text(f.title(), x0, 10, 2, BLACK);
            double[] v = f.values().re();
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (double d : v) {
                if (Double.isFinite(d)) {
                    lo = Math.min(lo, d);
                    hi = Math.max(hi, d);
                }
            }
            if (lo > hi) lo = hi = 0;
            if (f.signed()) {
                hi = Math.max(Math.abs(lo), Math.abs(hi));
                lo = -hi;
            }
            double span = hi > lo ? hi - lo : 1;
            int n0 = f.values().dim(0), n1 = f.values().dim(1);
            for (int i = 0; i < n0; i++) {
                for (int j = 0; j < n1; j++) {
                    double t = (v[i * n1 + j] - lo) / span;
                    img.fill(x0 + j * scale, top + i * scale, scale, scale, f.signed() ? diverging(t) : viridis(t));
                }
            }
            int bx = x0 + pw + 8;
            for (int y = 0; y < ph; y++) {
                double t = 1 - (double) y / Math.max(1, ph - 1);
                img.fill(bx, top + y, bar, 1, f.signed() ? diverging(t) : viridis(t));
            }
            img.box(bx, top, bar, ph, BLACK);
            img.text(label(hi), bx + bar + 6, top, 2, BLACK);
            img.text(label(lo), bx + bar + 6, top + ph - 10, 2, BLACK);
        }
        return img;
    }

    /** Curves on shared axes with a legend; {@code logY} plots log10 of the (positive) values. */
    public static Image lines(String title, String xLabel, List<Series> series, boolean logY) {
        if (series.isEmpty()) throw new IllegalArgumentException("plot: no series");
        int w = 560, h = 360, left = 90, right = 20, top = 36, bottom = 44;
        Image img = new Image(w, h, WHITE);
        double xlo = Double.POSITIVE_INFINITY, xhi = Double.NEGATIVE_INFINITY, ylo = xlo, yhi = xhi;
        for (Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                double y = logY ? Math.log10(s.y()[i]) : s.y()[i];
                if (!Double.isFinite(y) || !Double.isFinite(s.x()[i])) continue;
                xlo = Math.min(xlo, s.x()[i]);
                xhi = Math.max(xhi, s.x()[i]);
                ylo = Math.min(ylo, y);
                yhi = Math.max(yhi, y);
            }
        }
        if (xlo > xhi) xlo = xhi = ylo = yhi = 0;
        if (xhi == xlo) xhi = xlo + 1;
        if (yhi == ylo) yhi = ylo + 1;
        double pad = 0.05 * (yhi - ylo);
        ylo -= pad;
        yhi += pad;
        int pw = w - left - right, ph = h - top - bottom;
        img.text(title, left, 12, 2, BLACK);
        for (int t = 0; t <= 4; t++) { // horizontal grid lines with labels
            int y = top + ph - t * (ph - 1) / 4;
            double val = ylo + t * (yhi - ylo) / 4;
            img.fill(left, y, pw, 1, GREY);
            String lab = label(logY ? Math.pow(10, val) : val);
            img.text(lab, left - 8 - Image.textWidth(lab, 2), y - 5, 2, BLACK);
        }
        img.box(left, top, pw, ph, BLACK);
        img.text(label(xlo), left, top + ph + 8, 2, BLACK);
        String xr = label(xhi);
        img.text(xr, left + pw - Image.textWidth(xr, 2), top + ph + 8, 2, BLACK);
        img.text(xLabel, left + (pw - Image.textWidth(xLabel, 2)) / 2, top + ph + 24, 2, BLACK);
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            int c = PALETTE[k % PALETTE.length];
            int px = -1, py = -1;
            for (int i = 0; i < s.x().length; i++) {
                double y = logY ? Math.log10(s.y()[i]) : s.y()[i];
                if (!Double.isFinite(y)) {
                    px = -1;
                    continue;
                }
                int x = left + (int) Math.round((s.x()[i] - xlo) / (xhi - xlo) * (pw - 1));
                int yy = top + ph - 1 - (int) Math.round((y - ylo) / (yhi - ylo) * (ph - 1));
                if (px >= 0) img.line(px, py, x, yy, 2, c);
                else img.fill(x - 1, yy - 1, 3, 3, c);
                px = x;
                py = yy;
            }
            int lx = left + pw - 8 - 20 - Image.textWidth(s.name(), 2), ly = top + 8 + 16 * k;
            img.fill(lx, ly + 4, 16, 3, c);
            img.text(s.name(), lx + 20, ly, 2, BLACK);
        }
        return img;
    }
}
