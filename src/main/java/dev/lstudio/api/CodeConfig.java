package dev.lstudio.api;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A Studio's code config: auto-sleep, environment variables and (when the server says) its machine. */
public record CodeConfig(
        @JsonProperty("disable_auto_shutdown") @JsonAlias("disableAutoShutdown") Boolean disableAutoShutdown,
        @JsonProperty("idle_shutdown_seconds") @JsonAlias("idleShutdownSeconds") Long idleShutdownSeconds,
        @JsonProperty("env_vars") @JsonAlias("envVars") List<EnvVar> envVars,
        @JsonProperty("compute_config") @JsonAlias("computeConfig") ComputeConfig computeConfig) {

    public static CodeConfig sleep(Boolean disableAutoShutdown, Long idleShutdownSeconds) {
        return new CodeConfig(disableAutoShutdown, idleShutdownSeconds, null, null);
    }
}
