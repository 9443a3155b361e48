package dev.lstudio.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of start and of switch ({@code PUT codeconfig}): {@code {"compute_config": {...}}}. */
public record ComputeRequest(@JsonProperty("compute_config") ComputeConfig computeConfig) {
    public static ComputeRequest of(ComputeConfig config) {
        return new ComputeRequest(config);
    }
}
