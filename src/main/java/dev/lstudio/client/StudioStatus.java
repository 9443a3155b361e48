package dev.lstudio.client;

import dev.lstudio.api.CodeStatus;
import dev.lstudio.api.InstanceStatus;

/**
 * A Studio's status at one moment: the small {@link Status}, the machine slug when the server
 * says it (else null), whether it is {@code ready} (running with its files restored, so commands
 * can run), and whether a machine switch is under way.
 */
public record StudioStatus(Status status, String machine, boolean ready, boolean switching) {

    static StudioStatus of(CodeStatus code) {
        InstanceStatus inUse = code == null ? null : code.inUse();
        Status status = inUse == null ? Status.STOPPED : Status.of(inUse.phase());
        boolean ready = status == Status.RUNNING && inUse.topUpRestoreFinished();
        boolean switching = code != null && code.requested() != null;
        return new StudioStatus(status, inUse == null ? null : inUse.machine(), ready, switching);
    }

    public boolean running() {
        return status == Status.RUNNING;
    }

    public boolean stopped() {
        return status == Status.STOPPED;
    }

    /** e.g. "RUNNING on cpu-4", "PENDING", "RUNNING (restoring files)". */
    public String describe() {
        String text = status.name();
        if (machine != null && status != Status.STOPPED) {
            text += " on " + machine;
        }
        if (status == Status.RUNNING && !ready) {
            text += " (restoring files)";
        }
        return switching ? text + " (switching machine)" : text;
    }
}
