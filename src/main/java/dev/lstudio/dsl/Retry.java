package dev.lstudio.dsl;

import dev.lstudio.client.Clock;
import dev.lstudio.client.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs a block until it succeeds or the policy's attempts are used up. */
final class Retry {
    private Retry() {
    }

    /**
     * Returns the block's value from the first attempt that succeeds; otherwise rethrows the
     * last failure with the earlier ones attached as suppressed. Interruption (and errors
     * other than assertion failures) end it at once: retrying must not outlive a cancel.
     */
    static <T> T run(RetrySettings policy, Callable<T> block, Clock clock, Consumer<String> log) throws Exception {
        List<Throwable> earlier = new ArrayList<>();
        for (int attempt = 1; ; attempt++) {
            try {
                return block.call();
            } catch (Throwable failure) { // Groovy closures throw checked exceptions unchecked
                if (!retryable(failure) || attempt >= policy.times()) {
                    earlier.forEach(failure::addSuppressed);
                    throw Rethrow.<Exception>rethrow(failure);
                }
                earlier.add(failure);
                Duration delay = policy.delayAfter(attempt, clock);
                log.accept("attempt " + attempt + " of " + policy.times() + " failed: " + describe(failure)
                        + "; retrying in " + Durations.format(delay));
                clock.sleep(delay);
            }
        }
    }

    private static boolean retryable(Throwable failure) {
        if (failure instanceof InterruptedException || Thread.currentThread().isInterrupted()) {
            return false;
        }
        return failure instanceof Exception || failure instanceof AssertionError;
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return message == null ? t.getClass().getSimpleName() : message.lines().findFirst().orElse("");
    }
}
