package dev.lstudio.api;

import com.fasterxml.jackson.annotation.JsonAlias;

/**
 * Output of a command: the answer of execute and of a session poll, and each event of the
 * stream. An exit code of {@code -1} (or none) means the command is still running.
 */
public record ExecuteResult(
        String output,
        @JsonAlias("exit_code") Integer exitCode,
        @JsonAlias({"sessionName", "session_name"}) String session) {

    public boolean finished() {
        return exitCode != null && exitCode != -1;
    }
}
