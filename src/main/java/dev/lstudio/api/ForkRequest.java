package dev.lstudio.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code PUT .../fork} in the live form. There is no machine: the copy is started
 * afterwards, once its {@code state} is READY. Null targets fork into the Studio's own
 * teamspace and cluster.
 */
public record ForkRequest(
        @JsonProperty("newName") String newName,
        @JsonProperty("targetProjectId") String targetProjectId,
        @JsonProperty("targetClusterId") String targetClusterId) {
}
