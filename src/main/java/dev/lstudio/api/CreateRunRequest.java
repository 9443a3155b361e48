package dev.lstudio.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of the {@code POST .../cloudspaces/{id}/runs} call that follows a create, in the SDK's camelCase. */
public record CreateRunRequest(
        @JsonProperty("clusterId") String clusterId,
        @JsonProperty("localSource") Boolean localSource) {

    public static CreateRunRequest localSource(String clusterId) {
        return new CreateRunRequest(clusterId, true);
    }
}
