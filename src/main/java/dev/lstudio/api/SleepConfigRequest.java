package dev.lstudio.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code PUT .../sleepconfig} in the live form: flat, not nested under the
 * reference's {@code code_config}. Null fields are left out.
 */
public record SleepConfigRequest(
        @JsonProperty("disableAutoShutdown") Boolean disableAutoShutdown,
        @JsonProperty("idleShutdownSeconds") Long idleShutdownSeconds,
        @JsonProperty("switchToDefaultMachineOnIdle") Boolean switchToDefaultMachineOnIdle) {
}
