package dev.lstudio.client;

import dev.lstudio.api.Backoff;
import dev.lstudio.api.Sleeper;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Time and chance for the floors above the client, which know nothing of {@code api}: the
 * client's {@link Sleeper} and the random source of backoff jitter, with the one
 * {@link Backoff} behind {@link #backoff}. Tests build one on a fake sleeper and a pinned random.
 */
public final class Clock {
    private static final Clock SYSTEM = new Clock(Sleeper.system(), () -> ThreadLocalRandom.current().nextDouble());

    private final Sleeper sleeper;
    private final DoubleSupplier random;

    private Clock(Sleeper sleeper, DoubleSupplier random) {
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
    }

    public static Clock system() {
        return SYSTEM;
    }

    /** {@code sleeper}'s time, with jitter drawn from {@code random} (values in [0, 1)). */
    public static Clock of(Sleeper sleeper, DoubleSupplier random) {
        return new Clock(sleeper, random);
    }

    /** A monotonic reading in nanoseconds, as {@link System#nanoTime()}. */
    public long nanoTime() {
        return sleeper.nanoTime();
    }

    public void sleep(Duration duration) throws InterruptedException {
        sleeper.sleep(duration);
    }

    /**
     * The n-th delay (1-based) of a backoff from {@code initial}, times {@code factor} each time,
     * up to {@code max}, with {@code jitter} as the random share (see {@link Backoff}).
     */
    public Duration backoff(int n, Duration initial, double factor, Duration max, double jitter) {
        return Backoff.of(initial, factor, max).withJitter(jitter).withRandom(random).delay(n);
    }
}
