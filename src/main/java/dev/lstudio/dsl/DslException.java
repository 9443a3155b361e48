package dev.lstudio.dsl;

/** A script used the DSL wrongly or a DSL operation failed; the message says what to do. */
public class DslException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DslException(String message) {
        super(message);
    }

    public DslException(String message, Throwable cause) {
        super(message, cause);
    }
}
