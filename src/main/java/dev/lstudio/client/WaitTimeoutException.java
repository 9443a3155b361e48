package dev.lstudio.client;

import dev.lstudio.api.LightningException;
import java.time.Duration;

/** A wait reached its deadline; says what was last seen. */
public final class WaitTimeoutException extends LightningException {
    private final Duration elapsed;
    private final String lastPhase;

    WaitTimeoutException(String message, Duration elapsed, String lastPhase) {
        super(message, null);
        this.elapsed = elapsed;
        this.lastPhase = lastPhase;
    }

    public Duration elapsed() {
        return elapsed;
    }

    public String lastPhase() {
        return lastPhase;
    }
}
