package dev.lstudio.api;

/** An answer that is not the JSON expected: an HTML page, an empty body, a wrong shape. */
public final class MalformedResponseException extends ApiException {
    MalformedResponseException(String message, int httpStatus, Throwable cause) {
        super(message, httpStatus, null, null, cause);
    }
}
