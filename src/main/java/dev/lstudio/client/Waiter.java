package dev.lstudio.client;

import dev.lstudio.api.NetworkException;
import dev.lstudio.api.RateLimitedException;
import dev.lstudio.api.ServerErrorException;
import dev.lstudio.api.Sleeper;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one polling loop of lstudio: poll, judge, report progress, sleep with growing jittered
 * delays, until done, failed or the deadline. Transient API failures (network, 5xx, 429 that
 * outlasted the API's own retries) do not end a long wait: they are reported and polled again.
 */
final class Waiter {
    enum Verdict { DONE, WAIT, FAILED }

    private final Sleeper sleeper;
    private final Duration initial;
    private final Duration max;
    private final Progress progress;

    Waiter(ClientOptions options) {
        this.sleeper = options.sleeper();
        this.initial = options.pollInitial();
        this.max = options.pollMax();
        this.progress = options.progress();
    }

    /**
     * Polls until {@code judge} says DONE (returns that value) or FAILED (throws
     * {@link StudioFailedException}), or {@code timeout} passes (throws {@link WaitTimeoutException}).
     */
    <T> T until(String studio, String operation, Duration timeout, Supplier<T> poll,
                Function<T, Verdict> judge, Function<T, String> describe) {
        String what = studio + ": " + operation;
        try (Progress.Task task = progress.begin(what)) {
            return until(what, studio, operation, timeout, poll, judge, describe, task);
        }
    }

    private <T> T until(String what, String studio, String operation, Duration timeout, Supplier<T> poll,
                        Function<T, Verdict> judge, Function<T, String> describe, Progress.Task task) {
        long start = sleeper.nanoTime();
        Duration delay = initial;
        String last = "not polled yet";
        while (true) {
            try {
                T value = poll.get();
                last = describe.apply(value);
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
                        + human(timeout) + " (last seen: " + last + "); check it on lightning.ai or wait longer",
                        Duration.ofNanos(sleeper.nanoTime() - start), last);
            }
            sleep(min(jitter(delay), remaining));
            delay = nextDelay(delay);
        }
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

    Duration nextDelay(Duration delay) {
        return min(Duration.ofMillis(delay.toMillis() * 3 / 2), max);
    }

    Duration initialDelay() {
        return initial;
    }

    /** Half the delay plus a random part of the other half: spread out, never zero. */
    static Duration jitter(Duration delay) {
        long half = delay.toMillis() / 2;
        return Duration.ofMillis(half + (half > 0 ? ThreadLocalRandom.current().nextLong(half + 1) : 0));
    }

    static String human(Duration d) {
        long s = d.toSeconds();
        return s >= 120 ? (s / 60) + " min" : s + " s";
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
