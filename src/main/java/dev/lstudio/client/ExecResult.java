package dev.lstudio.client;

import java.time.Duration;

/** A finished command: all its output, its exit code, how long it took, and the server's session name. */
public record ExecResult(String output, int exitCode, Duration duration, String session) {
    public boolean succeeded() {
        return exitCode == 0;
    }
}
