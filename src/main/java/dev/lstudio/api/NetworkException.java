package dev.lstudio.api;

/** No answer: the server could not be reached, or the connection broke or timed out. */
public final class NetworkException extends ApiException {
    NetworkException(String message, Throwable cause) {
        super(message, 0, null, null, cause);
    }
}
