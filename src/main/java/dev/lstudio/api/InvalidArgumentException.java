package dev.lstudio.api;

/** The request was refused as malformed (HTTP 400, gRPC 3 or 11). */
public final class InvalidArgumentException extends ApiException {
    InvalidArgumentException(String message, int httpStatus, Integer grpcCode, String serverMessage, Throwable cause) {
        super(message, httpStatus, grpcCode, serverMessage, cause);
    }
}
