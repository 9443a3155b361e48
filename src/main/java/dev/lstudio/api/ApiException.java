package dev.lstudio.api;

/**
 * The API answered with an error, or could not be reached or understood. Subclasses name the
 * kind; this class itself is used for statuses that have no kind of their own. Carries the
 * HTTP status (0 when there was no answer), the gRPC code (null when the body had none) and
 * the server's own message. Its message says what the call was for in words; the REST path, its
 * ids and the gRPC code are in {@link #technical()}, which {@code --debug} prints.
 */
public class ApiException extends LightningException {
    private final int httpStatus;
    private final Integer grpcCode;
    private final String serverMessage;
    private volatile String technical;

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

    /** The same failure with the call as sent (method, path with ids) and the gRPC code: for --debug. */
    public String technical() {
        return technical != null ? technical : getMessage();
    }

    ApiException withTechnical(String detail) {
        this.technical = detail;
        return this;
    }
}
