package dev.lstudio.api;

import java.time.Duration;

/** Too many requests (HTTP 429, gRPC 8), still so after the retries allowed. */
public final class RateLimitedException extends ApiException {
    private final Duration retryAfter;

    RateLimitedException(String message, int httpStatus, Integer grpcCode, String serverMessage, Duration retryAfter) {
        super(message, httpStatus, grpcCode, serverMessage, null);
        this.retryAfter = retryAfter;
    }

    /** The server's Retry-After, or {@code null} when it sent none. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
