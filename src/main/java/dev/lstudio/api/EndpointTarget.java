package dev.lstudio.api;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The Studio port an endpoint leads to ({@code cloudspace} of a live endpoint). The port is a
 * string on the wire.
 */
public record EndpointTarget(
        @JsonProperty("cloudspaceId") @JsonAlias("cloudspace_id") String cloudspaceId,
        @JsonProperty("port") String port,
        @JsonProperty("type") EndpointType type,
        @JsonProperty("autoStart") @JsonAlias("auto_start") Boolean autoStart) {
}
