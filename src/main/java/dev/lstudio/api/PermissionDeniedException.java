package dev.lstudio.api;

/** The credentials are valid but may not do this (HTTP 403, gRPC 7). */
public final class PermissionDeniedException extends ApiException {
    PermissionDeniedException(String message, int httpStatus, Integer grpcCode, String serverMessage, Throwable cause) {
        super(message, httpStatus, grpcCode, serverMessage, cause);
    }
}
