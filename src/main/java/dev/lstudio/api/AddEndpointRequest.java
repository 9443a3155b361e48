package dev.lstudio.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of {@code POST .../endpoints}. */
public record AddEndpointRequest(
        @JsonProperty("port") int port,
        @JsonProperty("name") String name,
        @JsonProperty("cloudspace_id") String cloudspaceId,
        @JsonProperty("endpoint_type") EndpointType endpointType) {
}
