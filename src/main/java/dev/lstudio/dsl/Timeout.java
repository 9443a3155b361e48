package dev.lstudio.dsl;

import dev.lstudio.client.Durations;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a block on the caller's own thread (so thread-bound state and teardown stay where they
 * are) and interrupts that thread when the limit passes. Blocking calls then throw, and the
 * block's failure is replaced by a {@link DslTimeoutException} that carries it as the cause.
 */
final class Timeout {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lstudio-timeout");
        t.setDaemon(true);
        return t;
    });

    private Timeout() {
    }

    /** Runs {@code block}, listed in {@code running} while it runs. */
    static <T> T run(Duration limit, Callable<T> block, Running running) throws Exception {
        if (limit.isNegative() || limit.isZero()) {
            throw new DslException("timeout: the limit must be positive, got " + Durations.format(limit));
        }
        Deadline deadline = new Deadline(Thread.currentThread(), limit);
        running.deadlines.add(deadline);
        ScheduledFuture<?> timer = TIMER.schedule(deadline::fire, limit.toNanos(), TimeUnit.NANOSECONDS);
        T result;
        try {
            result = block.call();
        } catch (Throwable failure) { // Groovy closures throw checked exceptions unchecked
            timer.cancel(false);
            if (deadline.finish()) {
                throw new DslTimeoutException(limit, failure);
            }
            throw Rethrow.<Exception>rethrow(failure);
        } finally {
            running.deadlines.remove(deadline);
        }
        timer.cancel(false);
        if (deadline.finish()) {
            // The block swallowed the interrupt and ran past its limit: still a timeout.
            throw new DslTimeoutException(limit, null);
        }
        return result;
    }

    /**
     * The timeout blocks of one run that have not ended, so that the runner can tell one whose
     * limit passed and that goes on anyway (a loop that never waits, or Groovy's {@code sleep},
     * which ignores interrupts) and end the run itself.
     */
    static final class Running {
        private final Set<Deadline> deadlines = ConcurrentHashMap.newKeySet();

        /** A block past its limit that is still running, or null. */
        DslTimeoutException overdue() {
            for (Deadline d : deadlines) {
                if (d.fired()) {
                    return new DslTimeoutException(d.limit, null);
                }
            }
            return null;
        }
    }

    /** Makes "fire" and "finish" exclusive, so a late timer never interrupts code after the block. */
    private static final class Deadline {
        private final Thread owner;
        private final Duration limit;
        private boolean fired;
        private boolean finished;

        Deadline(Thread owner, Duration limit) {
            this.owner = owner;
            this.limit = limit;
        }

        synchronized boolean fired() {
            return fired;
        }

        synchronized void fire() {
            if (!finished) {
                fired = true;
                owner.interrupt();
            }
        }

        /** Returns whether the limit passed; clears the interrupt that this deadline caused. */
        synchronized boolean finish() {
            finished = true;
            if (fired) {
                Thread.interrupted();
            }
            return fired;
        }
    }
}
