package dev.lstudio.dsl;

import dev.lstudio.client.ExecResult;

/** A command run with {@code exec} exited non-zero (and {@code check: false} was not given). */
public final class CommandFailedException extends DslException {
    private static final long serialVersionUID = 1L;
    private final transient ExecResult result;

    CommandFailedException(String studio, String command, ExecResult result) {
        super("exec in studio '" + studio + "' failed: '" + command + "' exited with code " + result.exitCode()
                + "; pass check: false to go on after a failing command");
        this.result = result;
    }

    /** The command's output, exit code and duration. */
    public ExecResult result() {
        return result;
    }
}
