package org.neuralop4j.tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one thread-count setting of the library, and the loops that use it.
 *
 * <p>Determinism: work over {@code [0, n)} is cut into chunks whose boundaries depend only on
 * {@code n} and the grain, never on the number of threads; a reduction combines the chunks'
 * partial results in chunk order. So 1 thread and 16 threads compute the same bits. Threads only
 * decide who computes a chunk, not what it computes.
 *
 * <p>The count comes from {@code -Dneuralop4j.threads=N} or {@link #setThreads}; the default is the
 * number of available processors. Nested parallel loops run inline in the calling thread.
 */
public final class Parallel {
    private static volatile int threads = initialThreads();
    private static ExecutorService pool; // derived from threads; guarded by Parallel.class
    private static int poolSize;
    private static final ThreadLocal<Boolean> INSIDE = ThreadLocal.withInitial(() -> false);

    private Parallel() {}

    /** A body over a half-open range of indices. */
    @FunctionalInterface
    public interface RangeBody {
        void run(int start, int end);
    }

    /** A partial result over a half-open range of indices. */
    @FunctionalInterface
    public interface RangeSum {
        double sum(int start, int end);
    }

    private static int initialThreads() {
        String p = System.getProperty("neuralop4j.threads");
        if (p != null) {
            try {
                int n = Integer.parseInt(p.trim());
                if (n >= 1) return n;
            } catch (NumberFormatException ignored) {
                // fall through to the default
            }
            throw new IllegalArgumentException("-Dneuralop4j.threads must be a positive integer, got '" + p + "'");
        }
        return Runtime.getRuntime().availableProcessors();
    }

    /** The number of threads parallel loops may use. */
    public static int threads() {
        return threads;
    }

    /** Sets the number of threads parallel loops may use (at least 1). Results do not depend on it. */
    public static void setThreads(int n) {
        if (n < 1) throw new IllegalArgumentException("thread count must be at least 1, got " + n);
        threads = n;
    }

    /**
     * Runs {@code body} over {@code [0, n)} in chunks of {@code grain} indices (the last may be
     * shorter), possibly on several threads. Chunks must write disjoint outputs.
     */
    public static void forRange(int n, int grain, RangeBody body) {
        if (n <= 0) return;
        if (grain < 1) throw new IllegalArgumentException("grain must be at least 1, got " + grain);
        int chunks = (n + grain - 1) / grain;
        int t = Math.min(threads, chunks);
        if (t <= 1 || INSIDE.get()) {
            body.run(0, n);
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            boolean was = INSIDE.get();
            INSIDE.set(true);
            try {
                for (int c; (c = next.getAndIncrement()) < chunks; ) {
                    int s = c * grain;
                    body.run(s, Math.min(n, s + grain));
                }
            } finally {
                INSIDE.set(was);
            }
        };
        ExecutorService ex = pool(t);
        List<Future<?>> helpers = new ArrayList<>(t - 1);
        for (int i = 1; i < t; i++) helpers.add(ex.submit(worker));
        Throwable failure = null;
        try {
            worker.run();
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        for (Future<?> f : helpers) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (failure == null) failure = e.getCause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (failure == null) failure = e;
            }
        }
        if (failure instanceof RuntimeException r) throw r;
        if (failure instanceof Error e) throw e;
        if (failure != null) throw new IllegalStateException(failure);
    }

    /**
     * A deterministic sum over {@code [0, n)}: partial sums of fixed chunks of {@code grain}
     * indices, added in chunk order.
     */
    public static double sum(int n, int grain, RangeSum f) {
        if (n <= 0) return 0.0;
        int chunks = (n + grain - 1) / grain;
        double[] partial = new double[chunks];
        forRange(chunks, 1, (c0, c1) -> {
            for (int c = c0; c < c1; c++) {
                int s = c * grain;
                partial[c] = f.sum(s, Math.min(n, s + grain));
            }
        });
        double total = 0;
        for (double p : partial) total += p;
        return total;
    }

    private static synchronized ExecutorService pool(int needed) {
        if (pool == null || poolSize < needed) {
            if (pool != null) pool.shutdown();
            poolSize = Math.max(needed, threads);
            pool = Executors.newFixedThreadPool(poolSize, r -> {
                Thread th = new Thread(r, "neuralop4j-worker");
                th.setDaemon(true);
                return th;
            });
        }
        return pool;
    }
}
