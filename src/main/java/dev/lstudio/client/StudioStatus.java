package dev.lstudio.client;

import dev.lstudio.api.CodeStatus;
import dev.lstudio.api.InstanceStatus;
import java.time.Instant;

/**
 * A Studio's status at one moment: the small {@link Status}, the machine as the server names it
 * (a slug, or on the live service sometimes an instance type such as {@code p5.48xlarge}; null
 * when it does not say), whether it is {@code ready} (running with its files restored, so
 * commands can run), and whether a machine switch is under way. While starting, the server may
 * say how far it is ({@code startupPercentage}, a string such as "40") and what it does
 * ({@code statusMessage}). {@code pricePerHour} is what the machine in use costs an hour, and
 * {@code instanceType} the cloud's name for it; both null when the server does not say.
 * {@code since} is when the instance in use was started (null: not said, or not readable).
 */
public record StudioStatus(Status status, String machine, boolean ready, boolean switching, String startupPercentage,
                           String statusMessage, Double pricePerHour, String instanceType, Instant since) {

    public StudioStatus(Status status, String machine, boolean ready, boolean switching) {
        this(status, machine, ready, switching, null, null, null, null, null);
    }

    static StudioStatus of(CodeStatus code) {
        InstanceStatus inUse = code == null ? null : code.inUse();
        Status status = inUse == null ? Status.STOPPED : Status.of(inUse.phase());
        boolean ready = status == Status.RUNNING && inUse.topUpRestoreFinished();
        boolean switching = code != null && code.requested() != null;
        if (inUse == null) {
            return new StudioStatus(status, null, false, switching);
        }
        return new StudioStatus(status, inUse.machine(), ready, switching, blankToNull(inUse.startupPercentage()),
                blankToNull(inUse.statusMessage()), inUse.price(), blankToNull(inUse.instanceType()),
                instant(inUse.startTimestamp()));
    }

    /** An RFC 3339 time as the live service writes it; anything else reads as not said. */
    static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(text.strip()).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public boolean running() {
        return status == Status.RUNNING;
    }

    public boolean stopped() {
        return status == Status.STOPPED;
    }

    /** e.g. "RUNNING on cpu-4", "PENDING 40% (Pulling the image)", "RUNNING (restoring files)". */
    public String describe() {
        String text = status.name();
        if (machine != null && status != Status.STOPPED) {
            text += " on " + machine;
        }
        if (!ready && status != Status.STOPPED && status != Status.STOPPING) {
            if (startupPercentage != null) {
                text += " " + startupPercentage + (startupPercentage.endsWith("%") ? "" : "%");
            }
            if (statusMessage != null) {
                text += " (" + statusMessage + ")";
            }
        }
        if (status == Status.RUNNING && !ready && statusMessage == null) {
            text += " (restoring files)";
        }
        return switching ? text + " (switching machine)" : text;
    }
}
