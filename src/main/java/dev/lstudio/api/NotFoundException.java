package dev.lstudio.api;

/** The thing named does not exist (HTTP 404, gRPC 5). */
public final class NotFoundException extends ApiException {
    NotFoundException(String message, int httpStatus, Integer grpcCode, String serverMessage, Throwable cause) {
        super(message, httpStatus, grpcCode, serverMessage, cause);
    }
}
