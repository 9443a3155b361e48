package dev.lstudio.api;

/** The Studio is not in a state that allows this, e.g. not running (gRPC 9). */
public final class FailedPreconditionException extends ApiException {
    FailedPreconditionException(String message, int httpStatus, Integer grpcCode, String serverMessage, Throwable cause) {
        super(message, httpStatus, grpcCode, serverMessage, cause);
    }
}
