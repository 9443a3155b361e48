package dev.lstudio.api;

/** The credentials were refused (HTTP 401, gRPC 16). */
public final class UnauthenticatedException extends ApiException {
    UnauthenticatedException(String message, int httpStatus, Integer grpcCode, String serverMessage, Throwable cause) {
        super(message, httpStatus, grpcCode, serverMessage, cause);
    }
}
