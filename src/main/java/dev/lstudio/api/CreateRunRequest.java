package dev.lstudio.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of the {@code POST .../cloudspaces/{id}/runs} call that follows a create. The SDK writes
 * it in camelCase; the server reads both spellings, so it is written in the reference's
 * snake_case like every other body here.
 */
public record CreateRunRequest(
        @JsonProperty("cluster_id") String clusterId,
        @JsonProperty("local_source") Boolean localSource) {

    public static CreateRunRequest localSource(String clusterId) {
        return new CreateRunRequest(clusterId, true);
    }
}
