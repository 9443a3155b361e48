package dev.lstudio.client;

import java.time.Duration;

/**
 * What became of one file: sent or received whole, skipped (the same file is there already),
 * or failed ({@code reason} says why in words, naming the path and what to do).
 * {@code bytes} is what crossed the network for it, retries included.
 */
public record FileResult(FileTransfer file, Outcome outcome, long bytes, Duration took, String reason) {
    public enum Outcome {
        SENT, RECEIVED, SKIPPED, FAILED
    }

    public boolean failed() {
        return outcome == Outcome.FAILED;
    }
}
