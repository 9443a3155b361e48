package dev.lstudio.client;

import dev.lstudio.api.Backoff;
import dev.lstudio.api.NetworkException;
import dev.lstudio.api.RateLimitedException;
import dev.lstudio.api.ServerErrorException;
import dev.lstudio.api.Sleeper;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one polling loop of lstudio: poll, judge, report progress, sleep with growing jittered
 * delays, until done, failed or the deadline. Transient API failures (network, 5xx, 429 that
 * outlasted the API's own retries) do not end a long wait: they are reported and polled again.
 */
final class Waiter {
    enum Verdict { DONE, WAIT, FAILED }

    /** Within this of the server's estimate, poll every {@link #NEAR_POLL}; past it by {@link #GRACE}, back off again. */
    private static final Duration NEAR = Duration.ofSeconds(1);
    private static final Duration NEAR_POLL = Duration.ofMillis(500);
    private static final Duration GRACE = Duration.ofSeconds(2);

    private final Sleeper sleeper;
    private final Backoff backoff;
    private final Duration max;
    private final Progress progress;

    Waiter(ClientOptions options) {
        this.sleeper = options.sleeper();
        // Growing by half, and never sooner than half the delay: a poll is a call, and full jitter
        // would now and then send two of them back to back.
        this.backoff = Backoff.of(options.pollInitial(), 1.5, options.pollMax()).withJitter(-0.5);
        this.max = options.pollMax();
        this.progress = options.progress();
    }

    /**
     * Polls until {@code judge} says DONE (returns that value) or FAILED (throws
     * {@link StudioFailedException}), or {@code timeout} passes (throws {@link WaitTimeoutException}).
     */
    <T> T until(String studio, String operation, Duration timeout, Supplier<T> poll,
                Function<T, Verdict> judge, Function<T, String> describe) {
        return until(studio, operation, timeout, poll, judge, describe, value -> null);
    }

    /**
     * As above, with {@code eta} reading the server's estimate of the time left (null when it gives
     * none, e.g. {@code startupEtaSeconds}): then polls sleep until just before the estimate (at most
     * {@code pollMax} at a time, so failures still show) and come every 500 ms around it, instead of
     * backing off past it: a 60 s start is noticed within about half a second, in about ten calls.
     */
    <T> T until(String studio, String operation, Duration timeout, Supplier<T> poll,
                Function<T, Verdict> judge, Function<T, String> describe, Function<T, Duration> eta) {
        String what = studio + ": " + operation;
        try (Progress.Task task = progress.begin(what)) {
            return until(what, studio, operation, timeout, poll, judge, describe, eta, task);
        }
    }

    private <T> T until(String what, String studio, String operation, Duration timeout, Supplier<T> poll,
                        Function<T, Verdict> judge, Function<T, String> describe, Function<T, Duration> eta,
                        Progress.Task task) {
        long start = sleeper.nanoTime();
        int pause = 1;
        String last = "not polled yet";
        Long etaAt = null;
        while (true) {
            try {
                T value = poll.get();
                last = describe.apply(value);
                etaAt = estimate(eta.apply(value), etaAt);
                task.update(what + ": " + last);
                Verdict verdict = judge.apply(value);
                if (verdict == Verdict.DONE) {
                    return value;
                }
                if (verdict == Verdict.FAILED) {
                    throw new StudioFailedException("studio '" + studio + "' failed during " + operation + " (" + last
                            + "); look at it on lightning.ai, then stop or restart it");
                }
            } catch (NetworkException | ServerErrorException | RateLimitedException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw e; // an interrupted call is no outage: the caller was cancelled
                }
                last = "API unavailable: " + e.getMessage();
                task.update(what + ": retrying (" + e.getClass().getSimpleName() + ")");
            }
            Duration remaining = timeout.minus(Duration.ofNanos(sleeper.nanoTime() - start));
            if (remaining.isNegative() || remaining.isZero()) {
                throw new WaitTimeoutException(operation + " of studio '" + studio + "' did not finish within "
                        + Durations.format(timeout) + " (last seen: " + last + "); check it on lightning.ai or wait longer",
                        Duration.ofNanos(sleeper.nanoTime() - start), last);
            }
            Duration nearEta = etaAt == null ? null : nearEstimate(etaAt - sleeper.nanoTime());
            sleep(min(nearEta != null ? nearEta : backoff.delay(pause), remaining));
            pause = nearEta != null ? 1 : pause + 1;
        }
    }

    /**
     * When the estimate says the wait ends. A server past its estimate may keep saying "0 s left":
     * that keeps the first such moment, so that polling goes back to backing off after the grace.
     */
    private Long estimate(Duration left, Long previous) {
        if (left == null) {
            return previous;
        }
        if (left.isZero() || left.isNegative()) {
            return previous != null ? previous : Long.valueOf(sleeper.nanoTime());
        }
        return sleeper.nanoTime() + left.toNanos();
    }

    /** How long to sleep given the estimate is {@code nanosLeft} away; null once it is well past. */
    private Duration nearEstimate(long nanosLeft) {
        if (nanosLeft > NEAR.toNanos()) {
            return min(Duration.ofNanos(nanosLeft - NEAR_POLL.toNanos()), max);
        }
        return nanosLeft > -GRACE.toNanos() ? NEAR_POLL : null;
    }

    /** Sleeps, turning an interrupt into an unchecked exception that keeps the flag set. */
    void sleep(Duration duration) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
