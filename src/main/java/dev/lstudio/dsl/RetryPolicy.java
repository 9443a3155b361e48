package dev.lstudio.dsl;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How {@code retry} retries: at most {@code times} attempts in all; after failure n it waits
 * {@code backoff * 2^(n-1)}, plus up to 50% random jitter, capped at {@code maxBackoff}.
 */
public final class RetryPolicy {
    static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(1);
    static final Duration DEFAULT_MAX_BACKOFF = Duration.ofMinutes(1);

    private final int times;
    private final Duration backoff;
    private final Duration maxBackoff;

    private RetryPolicy(int times, Duration backoff, Duration maxBackoff) {
        if (times < 1) {
            throw new DslException("retry: times must be at least 1, got " + times);
        }
        if (backoff.isNegative() || maxBackoff.isNegative()) {
            throw new DslException("retry: backoff must not be negative");
        }
        this.times = times;
        this.backoff = backoff;
        this.maxBackoff = maxBackoff;
    }

    public static RetryPolicy times(int times) {
        return new RetryPolicy(times, DEFAULT_BACKOFF, DEFAULT_MAX_BACKOFF);
    }

    public RetryPolicy backoff(Duration first) {
        return new RetryPolicy(times, Objects.requireNonNull(first, "backoff"), maxBackoff);
    }

    public RetryPolicy maxBackoff(Duration max) {
        return new RetryPolicy(times, backoff, Objects.requireNonNull(max, "maxBackoff"));
    }

    public int times() {
        return times;
    }

    public Duration backoff() {
        return backoff;
    }

    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** The wait after failure {@code failure} (1-based), given a random number in [0, 1). */
    Duration delayAfter(int failure, double random) {
        double base = backoff.toNanos() * Math.pow(2, failure - 1);
        double jittered = base * (1 + 0.5 * random);
        return Duration.ofNanos((long) Math.min(jittered, maxBackoff.toNanos()));
    }

    /** {@code retry(times: 3, backoff: 2.seconds, maxBackoff: 1.minutes)} from a script. */
    static RetryPolicy fromOptions(Map<String, ?> options) {
        Options.check("retry", options, "times", "backoff", "maxBackoff");
        RetryPolicy policy = times(Options.integer("retry", options, "times", 3));
        policy = policy.backoff(Options.duration("retry", options, "backoff", policy.backoff));
        return policy.maxBackoff(Options.duration("retry", options, "maxBackoff", policy.maxBackoff));
    }

    @Override
    public String toString() {
        return "retry(times: " + times + ", backoff: " + Durations.format(backoff)
                + ", maxBackoff: " + Durations.format(maxBackoff) + ")";
    }
}
