package dev.lstudio.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of {@code PUT .../fork}. A null project forks into the same teamspace. */
public record ForkRequest(
        @JsonProperty("project_id") String projectId,
        @JsonProperty("compute_config") ComputeConfig computeConfig,
        @JsonProperty("new_name") String newName) {
}
