package dev.lstudio.dsl;

import dev.lstudio.client.ExecResult;

/**
 * A command run with {@code exec} exited non-zero (and {@code check: false} was not given). Its
 * message is {@link ExecFailure#describe()}: the studio, the command, the exit code and why, and
 * the last lines of its output.
 */
public final class CommandFailedException extends DslException {
    private static final long serialVersionUID = 1L;
    private final transient ExecResult result;
    private final transient ExecFailure failure;

    CommandFailedException(ExecFailure failure, ExecResult result) {
        super(failure.describe());
        this.result = result;
        this.failure = failure;
    }

    /** The command's output, exit code and duration. */
    public ExecResult result() {
        return result;
    }

    /** What the error line says, in parts. */
    public ExecFailure failure() {
        return failure;
    }
}
