package dev.lstudio.api;

/** The server failed (HTTP 5xx, gRPC 2, 4, 13, 14). */
public final class ServerErrorException extends ApiException {
    ServerErrorException(String message, int httpStatus, Integer grpcCode, String serverMessage, Throwable cause) {
        super(message, httpStatus, grpcCode, serverMessage, cause);
    }
}
