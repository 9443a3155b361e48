package dev.lstudio.client;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;

/**
 * A Studio's auto-sleep as the service has it: off when {@code disableAutoShutdown}, else it
 * sleeps after {@code idleShutdownSeconds} without use (null: the server did not say). Kept in
 * the ownership record and in the lease, so the settings a run replaced are put back.
 */
public record SleepSettings(Boolean disableAutoShutdown, Long idleShutdownSeconds) {

    @JsonCreator
    public SleepSettings(@JsonProperty("disableAutoShutdown") Boolean disableAutoShutdown,
                         @JsonProperty("idleShutdownSeconds") Long idleShutdownSeconds) {
        this.disableAutoShutdown = disableAutoShutdown;
        this.idleShutdownSeconds = idleShutdownSeconds;
    }

    /** Whether these settings already stop an idle Studio within {@code limit}. */
    public boolean sleepsWithin(Duration limit) {
        return !Boolean.TRUE.equals(disableAutoShutdown) && idleShutdownSeconds != null && idleShutdownSeconds > 0
                && idleShutdownSeconds <= limit.toSeconds();
    }

    public String describe() {
        return Boolean.TRUE.equals(disableAutoShutdown) ? "auto-sleep off"
                : idleShutdownSeconds == null ? "auto-sleep as the service defaults"
                : "auto-sleep after " + Durations.format(Duration.ofSeconds(idleShutdownSeconds));
    }
}
