package dev.lstudio.client;

import dev.lstudio.api.LightningException;

/**
 * A call the Studio's state does not allow yet (an exec on a stopped Studio, or on one still
 * starting or switching): a precondition the script can fix, told in plain words with the verb
 * that fixes it. The server's answer (REST path, ids, gRPC code) is the cause, shown with --debug.
 */
public final class NotReadyException extends LightningException {
    private final StudioStatus status;

    private NotReadyException(String message, StudioStatus status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** Why {@code studio}, now {@code status}, cannot run a command; {@code machine} is the one to suggest starting on. */
    static NotReadyException forExec(String studio, StudioStatus status, String machine, Throwable cause) {
        String slug = Machines.comparable(machine) ? machine : Machines.DEFAULT;
        String start = "start '" + slug + "'";
        String subject = "studio '" + studio + "' ";
        String message;
        if (status.switching()) {
            message = subject + "is switching machine: wait until the switch is done (switchTo waits for it), then exec";
        } else if (status.status() == Status.PENDING || status.running()) {
            message = subject + "is still starting (" + status.describe() + "): wait until it runs (" + start
                    + " waits for it), then exec";
        } else if (status.status() == Status.STOPPING) {
            message = subject + "is stopping: start it again first, e.g. " + start;
        } else if (status.status() == Status.FAILED) {
            message = subject + "failed: start it again first, e.g. " + start;
        } else {
            message = subject + "is stopped: start it first, e.g. " + start;
        }
        return new NotReadyException(message, status, cause);
    }

    /** The status read when the call was refused. */
    public StudioStatus status() {
        return status;
    }
}
