package org.neuralop4j.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;
import org.neuralop4j.train.Trainer;

/**
 * Progress on stderr. On a terminal: one line redrawn in place (a bar, epoch, batch, loss, rate,
 * ETA). Otherwise (a log file, CI): plain lines, at most one every ten seconds, plus one per epoch.
 * Quiet: nothing.
 */
final class Progress implements Trainer.Listener {
    private final PrintStream err;
    private final boolean terminal, quiet;
    private final int epochs, batchSize;
    private long start, lastDraw;
    private boolean started;
    private int batchesDone;
    private String lastLine = "";

    Progress(PrintStream err, boolean terminal, boolean quiet, int epochs, int batchSize) {
        this.err = err;
        this.terminal = terminal;
        this.quiet = quiet;
        this.epochs = epochs;
        this.batchSize = batchSize;
    }

    /** A counter for a task of {@code total} steps (data generation). */
    IntConsumer task(String what, int total) {
        long t0 = System.nanoTime();
        long[] last = {t0};
        return done -> {
            long now = System.nanoTime();
            boolean end = done == total;
            if (quiet || (!end && now - last[0] < (terminal ? 100_000_000L : 10_000_000_000L))) return;
            last[0] = now;
            double secs = (now - t0) / 1e9, eta = done > 0 ? secs * (total - done) / done : 0;
            String line = String.format(Locale.ROOT, "%s %s %d/%d  %s", what, bar(done / (double) total), done, total,
                    end ? "in " + time(secs) : "ETA " + time(eta));
            emit(line, end);
        };
    }

    @Override
    public void batch(int epoch, int batch, int batches, double loss) {
        long now = System.nanoTime();
        if (!started) { // the rate is measured from the end of the first batch
            started = true;
            start = now;
            lastDraw = now;
            return;
        }
        batchesDone++;
        if (quiet || now - lastDraw < (terminal ? 100_000_000L : 10_000_000_000L)) return;
        lastDraw = now;
        double secs = (now - start) / 1e9;
        long left = (long) (epochs - epoch - 1) * batches + (batches - batch - 1);
        double perBatch = secs / batchesDone;
        emit(String.format(Locale.ROOT, "epoch %d/%d %s batch %d/%d  loss %.4f  %.1f samples/s  ETA %s", epoch + 1, epochs,
                bar((batch + 1) / (double) batches), batch + 1, batches, loss, batchSize / perBatch, time(left * perBatch)), false);
    }

    @Override
    public void epoch(Trainer.Epoch e) {
        if (quiet) return;
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "epoch %d/%d  train %.4f", e.epoch() + 1, epochs, e.trainLoss()));
        for (Map.Entry<String, Double> t : e.testLoss().entrySet()) b.append(String.format(Locale.ROOT, "  test %s %.4f", t.getKey(), t.getValue()));
        e.info().forEach((k, v) -> b.append("  ").append(k).append(' ').append(v));
        b.append(String.format(Locale.ROOT, "  lr %.2e  %s", e.lr(), time(e.seconds())));
        emit(b.toString(), true);
    }

    /** A message on its own line (clearing a drawn bar first). */
    void say(String message) {
        if (quiet) return;
        emit(message, true);
    }

    private void emit(String line, boolean keep) {
        if (terminal) {
            String pad = " ".repeat(Math.max(0, lastLine.length() - line.length()));
            err.print("\r" + line + pad + (keep ? "\n" : ""));
            lastLine = keep ? "" : line;
        } else {
            err.println(line);
        }
        err.flush();
    }

    static String bar(double fraction) {
        int n = 20, full = (int) Math.round(Math.min(1, Math.max(0, fraction)) * n);
        return "[" + "#".repeat(full) + ".".repeat(n - full) + "]";
    }

    static String time(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60)
                : String.format(Locale.ROOT, "%.1fs", seconds);
    }
}
