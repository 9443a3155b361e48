package dev.lstudio.client;

import dev.lstudio.api.Backoff;
import dev.lstudio.api.NetworkException;
import dev.lstudio.api.RateLimitedException;
import dev.lstudio.api.ServerErrorException;
import dev.lstudio.api.StorageException;
import java.io.IOException;
import java.time.Duration;

/**
 * When a transfer tries again: storage refusing a signature (401/403: expired), 429, 5xx, a
 * dropped connection or a short body; at most {@link #ATTEMPTS} tries, waiting the one backoff's
 * delays between them (the API's own resends of its calls happen below, in api).
 */
final class TransferRetry {
    static final int ATTEMPTS = 5;

    private final Backoff backoff = Backoff.of(Duration.ofMillis(500), 2, Duration.ofSeconds(8));
    private final Waiter waiter;

    TransferRetry(Waiter waiter) {
        this.waiter = waiter;
    }

    static boolean transientFailure(Throwable e) {
        return e instanceof StorageException s ? s.resendable()
                : e instanceof NetworkException || e instanceof ServerErrorException || e instanceof RateLimitedException
                || e instanceof IOException;
    }

    /** Whether another try may follow failure {@code e} of try {@code attempt} (1-based); sleeps first when it may. */
    boolean again(int attempt, Throwable e) {
        if (attempt >= ATTEMPTS || !transientFailure(e) || Thread.currentThread().isInterrupted()) {
            return false;
        }
        waiter.sleep(backoff.delay(attempt));
        return true;
    }
}
