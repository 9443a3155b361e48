package dev.lstudio.api;

/** It already exists, or changed underneath (HTTP 409, gRPC 6 or 10). */
public final class ConflictException extends ApiException {
    ConflictException(String message, int httpStatus, Integer grpcCode, String serverMessage, Throwable cause) {
        super(message, httpStatus, grpcCode, serverMessage, cause);
    }
}
