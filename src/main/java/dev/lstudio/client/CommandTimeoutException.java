package dev.lstudio.client;

import dev.lstudio.api.LightningException;

/** A command ran past its timeout; it may still be running in the Studio (see {@link #session()}). */
public final class CommandTimeoutException extends LightningException {
    private final String partialOutput;
    private final String session;

    CommandTimeoutException(String message, String partialOutput, String session) {
        super(message, null);
        this.partialOutput = partialOutput;
        this.session = session;
    }

    /** The output received before the timeout. */
    public String partialOutput() {
        return partialOutput;
    }

    public String session() {
        return session;
    }
}
