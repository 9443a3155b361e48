package dev.lstudio.api;

/**
 * Root of every error lstudio reports to a person: its message is one line that says what
 * went wrong and what to do, and never contains a credential. Callers that print errors can
 * print {@link #getMessage()} alone.
 */
public abstract class LightningException extends RuntimeException {
    protected LightningException(String message, Throwable cause) {
        super(message, cause);
    }
}
