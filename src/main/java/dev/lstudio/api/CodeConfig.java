package dev.lstudio.api;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A Studio's code config as read: auto-sleep, the reference's environment variables (the live
 * service has them at the top level of the Studio instead) and, when the server says, its
 * machine. Never sent: the live update and sleepconfig bodies have no code config.
 */
public record CodeConfig(
        @JsonProperty("disable_auto_shutdown") @JsonAlias("disableAutoShutdown") Boolean disableAutoShutdown,
        @JsonProperty("idle_shutdown_seconds") @JsonAlias("idleShutdownSeconds") Long idleShutdownSeconds,
        @JsonProperty("env_vars") @JsonAlias("envVars") List<EnvVar> envVars,
        @JsonProperty("compute_config") @JsonAlias("computeConfig") ComputeConfig computeConfig) {
}
