package dev.lstudio.api;

import java.time.Duration;
import java.util.Objects;

/**
 * How HTTP calls that are safe to repeat are sent again: at most {@code maxAttempts} sends in
 * all, waiting the {@link Backoff}'s n-th delay before the n-th retry (full jitter), or the
 * server's Retry-After when it sends one, and never past {@code totalBudget} from the first send.
 * A script's {@code retry} block has its own settings, in the DSL.
 */
public record HttpRetryPolicy(int maxAttempts, Backoff backoff, Duration totalBudget, Sleeper sleeper) {

    public HttpRetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(totalBudget, "totalBudget");
        Objects.requireNonNull(sleeper, "sleeper");
    }

    /**
     * Five sends, 0.5 s doubling to at most 8 s, within 60 s. Five rather than the SDK's four:
     * the soak test (a fifth of all calls failing) still lost about one run in thirty to four
     * failures in a row of some read.
     */
    public static HttpRetryPolicy defaults() {
        return new HttpRetryPolicy(5, Backoff.of(Duration.ofMillis(500), 2, Duration.ofSeconds(8)),
                Duration.ofSeconds(60), Sleeper.system());
    }

    /** Send once, never again. */
    public static HttpRetryPolicy none() {
        return defaults().withMaxAttempts(1);
    }

    public HttpRetryPolicy withMaxAttempts(int attempts) {
        return new HttpRetryPolicy(attempts, backoff, totalBudget, sleeper);
    }

    /** Doubling from {@code base} up to {@code max}, with full jitter. */
    public HttpRetryPolicy withDelays(Duration base, Duration max) {
        return withBackoff(Backoff.of(base, 2, max));
    }

    public HttpRetryPolicy withBackoff(Backoff delays) {
        return new HttpRetryPolicy(maxAttempts, delays, totalBudget, sleeper);
    }

    public HttpRetryPolicy withTotalBudget(Duration budget) {
        return new HttpRetryPolicy(maxAttempts, backoff, budget, sleeper);
    }

    public HttpRetryPolicy withSleeper(Sleeper time) {
        return new HttpRetryPolicy(maxAttempts, backoff, totalBudget, time);
    }
}
