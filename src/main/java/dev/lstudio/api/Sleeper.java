package dev.lstudio.api;

import java.time.Duration;

/**
 * Time as retries and waits see it. Tests hand in a fake whose sleep only moves its clock,
 * so that backoff can be asserted without waiting.
 */
public interface Sleeper {
    /** A monotonic reading in nanoseconds, as {@link System#nanoTime()}. */
    long nanoTime();

    void sleep(Duration duration) throws InterruptedException;

    static Sleeper system() {
        return SystemSleeper.INSTANCE;
    }
}

enum SystemSleeper implements Sleeper {
    INSTANCE;

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (!duration.isNegative() && !duration.isZero()) {
            Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        }
    }
}
