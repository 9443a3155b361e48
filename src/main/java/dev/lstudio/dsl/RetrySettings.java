package dev.lstudio.dsl;

import dev.lstudio.client.Durations;
import dev.lstudio.client.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A script's {@code retry} settings: at most {@code times} attempts in all; after failure n it
 * waits {@code backoff * 2^(n-1)}, plus up to 50% random jitter, capped at {@code maxBackoff}
 * (the client's one backoff, reached through {@link Clock#backoff}). HTTP calls are retried
 * below, by the API's own policy, whatever the script says.
 */
public final class RetrySettings {
    static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(1);
    static final Duration DEFAULT_MAX_BACKOFF = Duration.ofMinutes(1);

    private final int times;
    private final Duration backoff;
    private final Duration maxBackoff;

    private RetrySettings(int times, Duration backoff, Duration maxBackoff) {
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

    public static RetrySettings times(int times) {
        return new RetrySettings(times, DEFAULT_BACKOFF, DEFAULT_MAX_BACKOFF);
    }

    public RetrySettings backoff(Duration first) {
        return new RetrySettings(times, Objects.requireNonNull(first, "backoff"), maxBackoff);
    }

    public RetrySettings maxBackoff(Duration max) {
        return new RetrySettings(times, backoff, Objects.requireNonNull(max, "maxBackoff"));
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

    /** The wait after failure {@code failure} (1-based): the least is {@code backoff}, doubling, jitter adds up to half again. */
    Duration delayAfter(int failure, Clock clock) {
        return clock.backoff(failure, backoff, 2, maxBackoff, 0.5);
    }

    /** {@code retry(times: 3, backoff: 2.seconds, maxBackoff: 1.minutes)} from a script. */
    static RetrySettings fromOptions(Map<String, ?> options) {
        Options.check("retry", options, "times", "backoff", "maxBackoff");
        RetrySettings policy = times(Options.integer("retry", options, "times", 3));
        policy = policy.backoff(Options.duration("retry", options, "backoff", policy.backoff));
        return policy.maxBackoff(Options.duration("retry", options, "maxBackoff", policy.maxBackoff));
    }

    @Override
    public String toString() {
        return "retry(times: " + times + ", backoff: " + Durations.format(backoff)
                + ", maxBackoff: " + Durations.format(maxBackoff) + ")";
    }
}
