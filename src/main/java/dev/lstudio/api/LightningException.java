package dev.lstudio.api;

/**
 * Root of every error lstudio reports to a person: its message is one line that says what
 * went wrong and what to do, and never contains a credential. Callers that print errors can
 * print {@link #getMessage()} alone.
 */
public abstract class LightningException extends RuntimeException {
    private volatile String subject;
    private volatile String note;

    protected LightningException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Names what the failed call was about ({@code studio 'x'}) in front of the message, for the
     * callers that know it when the API path only has ids. The first subject given stays, and
     * none is added when the message names it already.
     */
    public LightningException about(String subject) {
        String own = super.getMessage();
        if (this.subject == null && subject != null && (own == null || !own.contains(subject))) {
            this.subject = subject;
        }
        return this;
    }

    /** Adds what the caller knows about the consequence after the message (the first note given stays). */
    public LightningException noting(String note) {
        if (this.note == null) {
            this.note = note;
        }
        return this;
    }

    @Override
    public String getMessage() {
        String own = super.getMessage();
        String text = subject == null ? own : subject + ": " + own;
        return note == null ? text : text + " (" + note + ")";
    }
}
