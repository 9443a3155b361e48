package dev.lstudio.api;

/**
 * The API answered with an error, or could not be reached or understood. Subclasses name the
 * kind; this class itself is used for statuses that have no kind of their own. Carries the
 * HTTP status (0 when there was no answer), the gRPC code (null when the body had none) and
 * the server's own message.
 */
public class ApiException extends LightningException {
    private final int httpStatus;
    private final Integer grpcCode;
    private final String serverMessage;

    ApiException(String message, int httpStatus, Integer grpcCode, String serverMessage, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.grpcCode = grpcCode;
        this.serverMessage = serverMessage;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public Integer grpcCode() {
        return grpcCode;
    }

    public String serverMessage() {
        return serverMessage;
    }
}
