package dev.lstudio.client;

import dev.lstudio.api.LightningException;

/**
 * A file that could not be moved, listed or removed, told in words that name the path and say
 * what to do (a missing local file, no space left here, a path outside the content root, a
 * transfer that failed after its retries). {@link #kind()} is what {@link Failure#of} reports.
 */
public final class FileTransferException extends LightningException {
    private final Failure kind;
    private final String path;

    public FileTransferException(Failure kind, String path, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.path = path;
    }

    public Failure kind() {
        return kind;
    }

    /** The path the message is about (local or remote, as the caller gave it). */
    public String path() {
        return path;
    }
}
