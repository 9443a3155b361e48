package dev.lstudio.api;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * The one backoff of lstudio: the n-th delay grows from {@code initial} by {@code factor} up to
 * {@code max} (its ceiling), then a random part of it is taken off (full jitter by default: any
 * wait from nothing to the ceiling) or added, never past {@code max}. HTTP retries, the client's
 * waits and command polls, {@code createOrFind} and a script's {@code retry} differ only in these
 * numbers. It lives here, the lowest floor, because the retry interceptor needs it; the floors
 * above reach it through the client.
 *
 * <p>{@code jitter} is the share of the ceiling that is random: {@code -1} takes off up to all
 * of it (full jitter), {@code -0.5} up to half (a poll never comes sooner than half the delay,
 * so jitter cannot turn into a burst of calls), {@code 0.5} adds up to half again (a script's
 * {@code retry}, whose {@code backoff} is documented as the least it waits). The random source
 * answers in [0, 1), as {@link java.util.Random#nextDouble()}; tests pin it.
 */
public final class Backoff {
    private static final DoubleSupplier RANDOM = () -> ThreadLocalRandom.current().nextDouble();

    private final Duration initial;
    private final double factor;
    private final Duration max;
    private final double jitter;
    private final DoubleSupplier random;

    private Backoff(Duration initial, double factor, Duration max, double jitter, DoubleSupplier random) {
        this.initial = Objects.requireNonNull(initial, "initial");
        this.max = Objects.requireNonNull(max, "max");
        this.random = Objects.requireNonNull(random, "random");
        if (initial.isNegative() || max.isNegative()) {
            throw new IllegalArgumentException("backoff delays must not be negative: " + initial + ", " + max);
        }
        if (!(factor >= 1)) {
            throw new IllegalArgumentException("a backoff must not shrink: factor " + factor);
        }
        if (!(jitter >= -1)) {
            throw new IllegalArgumentException("jitter cannot take off more than the whole delay: " + jitter);
        }
        this.factor = factor;
        this.jitter = jitter;
    }

    /** From {@code initial}, times {@code factor} each time, up to {@code max}, with full jitter. */
    public static Backoff of(Duration initial, double factor, Duration max) {
        return new Backoff(initial, factor, max, -1, RANDOM);
    }

    /** The same growth with another random share (see the class comment); 0 waits exactly the ceiling. */
    public Backoff withJitter(double share) {
        return new Backoff(initial, factor, max, share, random);
    }

    /** The same backoff drawing its jitter from {@code source} (values in [0, 1)). */
    public Backoff withRandom(DoubleSupplier source) {
        return new Backoff(initial, factor, max, jitter, source);
    }

    public Duration initial() {
        return initial;
    }

    public Duration max() {
        return max;
    }

    /** The n-th delay (1-based) before jitter: {@code min(max, initial * factor^(n-1))}. */
    public Duration ceiling(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("delays count from 1, got " + n);
        }
        double grown = initial.toNanos() * Math.pow(factor, n - 1);
        return grown >= max.toNanos() ? max : Duration.ofNanos((long) grown);
    }

    /** The n-th delay (1-based) to wait: its ceiling with the random share taken off or added, at most {@code max}. */
    public Duration delay(int n) {
        double r = random.getAsDouble();
        if (r < 0 || r >= 1) {
            throw new IllegalStateException("the random source must answer in [0, 1), gave " + r);
        }
        double jittered = ceiling(n).toNanos() * (1 + jitter * r);
        return jittered >= max.toNanos() ? max : Duration.ofNanos((long) jittered);
    }

    @Override
    public String toString() {
        return "Backoff[" + initial + " x" + factor + " up to " + max + ", jitter " + jitter + "]";
    }
}
