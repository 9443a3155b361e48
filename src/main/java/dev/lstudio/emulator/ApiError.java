package dev.lstudio.emulator;

/** An error the API reports as a gRPC status body with the matching HTTP status. */
final class ApiError extends RuntimeException {
    private final int httpStatus;
    private final int grpcCode;

    private ApiError(int httpStatus, int grpcCode, String message) {
        super(message, null, false, false);
        this.httpStatus = httpStatus;
        this.grpcCode = grpcCode;
    }

    static ApiError invalid(String message) {
        return new ApiError(400, 3, message);
    }

    static ApiError notFound(String message) {
        return new ApiError(404, 5, message);
    }

    static ApiError alreadyExists(String message) {
        return new ApiError(409, 6, message);
    }

    /** Wrong state for the request (stopped studio, no pending switch): 409 so it reads as a conflict. */
    static ApiError failedPrecondition(String message) {
        return new ApiError(409, 9, message);
    }

    static ApiError unauthenticated(String message) {
        return new ApiError(401, 16, message);
    }

    static ApiError permissionDenied(String message) {
        return new ApiError(403, 7, message);
    }

    static ApiError methodNotAllowed(String message) {
        return new ApiError(405, 12, message);
    }

    static ApiError tooLarge(String message) {
        return new ApiError(413, 3, message);
    }

    /** The injected faults: 429 RESOURCE_EXHAUSTED, 500 INTERNAL, 502/503 UNAVAILABLE. */
    static ApiError fault(int httpStatus) {
        int code = switch (httpStatus) {
            case 429 -> 8;
            case 500 -> 13;
            default -> 14;
        };
        String what = switch (httpStatus) {
            case 429 -> "rate limit exceeded, retry later";
            case 500 -> "internal error";
            case 502 -> "bad gateway";
            default -> "service unavailable, retry later";
        };
        return new ApiError(httpStatus, code, what + " (fault injected by the lstudio emulator)");
    }

    static ApiError internal(String message) {
        return new ApiError(500, 13, message);
    }

    int httpStatus() {
        return httpStatus;
    }

    int grpcCode() {
        return grpcCode;
    }
}
