package dev.lstudio.dsl;

import dev.lstudio.client.Durations;
import java.time.Duration;

/**
 * A {@code timeout(...)} block ran past its limit, or a studio's {@code maxRuntime} or the run's
 * {@code budget} ran out; the runner exits 124 for it.
 */
public final class DslTimeoutException extends DslException {
    private static final long serialVersionUID = 1L;
    private final transient Duration limit;

    DslTimeoutException(Duration limit, Throwable cause) {
        super("timed out after " + Durations.format(limit), cause);
        this.limit = limit;
    }

    /** A limit on studios that the watchdog enforced; the message says which and what it did. */
    DslTimeoutException(String message, Duration limit) {
        super(message);
        this.limit = limit;
    }

    public Duration limit() {
        return limit;
    }
}
