package dev.lstudio.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of start and of switch ({@code PUT codeconfig}): {@code {"computeConfig": {...}}}, as the live service names it. */
public record ComputeRequest(@JsonProperty("computeConfig") @com.fasterxml.jackson.annotation.JsonAlias("compute_config") ComputeConfig computeConfig) {
    public static ComputeRequest of(ComputeConfig config) {
        return new ComputeRequest(config);
    }
}
