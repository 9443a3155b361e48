package dev.lstudio.dsl;

import dev.lstudio.client.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs a body for each item on a bounded pool (Java 17 has no virtual threads), returns the
 * results in the items' order, and fails fast: the first failure cancels and interrupts the
 * other items, waits for them to unwind (so their own teardown runs), and is rethrown as a
 * {@link ParallelException} naming the item.
 */
final class Parallel {
    /** How long cancelled siblings get to unwind before parallel gives up on them. */
    static final Duration UNWIND_LIMIT = Duration.ofMinutes(5);
    private static final AtomicInteger POOLS = new AtomicInteger();
    /** Set on the threads of items that run beside others with tagging on: their commands' output lines are tagged. */
    private static final ThreadLocal<Boolean> TAGGED = ThreadLocal.withInitial(() -> false);

    private Parallel() {
    }

    /** Whether the current thread is an item of a {@code parallel} that tags output (see {@link CommandOutput}). */
    static boolean tagged() {
        return TAGGED.get();
    }

    static <T, R> List<R> run(List<T> items, int maxConcurrent, boolean tag, Dsl.Body<? super T, ? extends R> body,
                              Consumer<String> log) throws InterruptedException {
        if (maxConcurrent < 1) {
            throw new DslException("parallel: maxConcurrent must be at least 1, got " + maxConcurrent);
        }
        if (items.isEmpty()) {
            return List.of();
        }
        int threads = Math.min(maxConcurrent, items.size());
        // One item at a time cannot mix its output with another's: no tags then.
        boolean tagging = tag && threads > 1;
        ExecutorService pool = Executors.newFixedThreadPool(threads, threads());
        CompletionService<R> completion = new ExecutorCompletionService<>(pool);
        List<Future<R>> futures = new ArrayList<>(items.size());
        Map<Future<R>, Integer> positions = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            Future<R> future = completion.submit(() -> {
                TAGGED.set(tagging);
                try {
                    return body.apply(item);
                } finally {
                    TAGGED.remove();
                }
            });
            futures.add(future);
            positions.put(future, i);
        }
        boolean clean = false;
        try {
            for (int finished = 0; finished < items.size(); finished++) {
                Future<R> done = completion.take();
                try {
                    done.get();
                } catch (ExecutionException e) {
                    int index = positions.get(done);
                    throw new ParallelException(items.get(index), index, items.size(), e.getCause());
                }
            }
            clean = true;
        } finally {
            if (!clean) {
                futures.forEach(f -> f.cancel(true));
                pool.shutdownNow();
                awaitUnwind(pool, log);
            }
            pool.shutdown();
        }
        List<R> results = new ArrayList<>(items.size());
        for (Future<R> future : futures) {
            results.add(resultOf(future));
        }
        return results;
    }

    private static void awaitUnwind(ExecutorService pool, Consumer<String> log) {
        boolean interrupted = Thread.interrupted();
        try {
            if (!pool.awaitTermination(UNWIND_LIMIT.toNanos(), TimeUnit.NANOSECONDS)) {
                log.accept("parallel: some cancelled items are still running after "
                        + Durations.format(UNWIND_LIMIT) + "; leaving them");
            }
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static <R> R resultOf(Future<R> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a finished parallel item lost its result", e);
        }
    }

    private static java.util.concurrent.ThreadFactory threads() {
        int pool = POOLS.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "lstudio-parallel-" + pool + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
