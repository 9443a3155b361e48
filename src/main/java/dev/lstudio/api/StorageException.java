package dev.lstudio.api;

/**
 * Storage (a presigned URL) refused the bytes or the download: the status and storage's own text
 * (S3's XML reduced to its Code and Message). No URL is in the message: its query is a signature.
 * {@link #resendable()} says whether a freshly signed URL may do better (an expired signature,
 * 401/403; 429; 5xx).
 */
public final class StorageException extends ApiException {
    StorageException(String message, int httpStatus, String serverMessage) {
        super(message, httpStatus, null, serverMessage, null);
    }

    public boolean resendable() {
        int s = httpStatus();
        return s == 401 || s == 403 || s == 429 || s >= 500;
    }
}
