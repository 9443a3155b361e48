package dev.lstudio.api;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.util.List;

/** An exposed port ({@code V1Endpoint}); the port comes as {@code port} or as a list of {@code ports}. */
public record Endpoint(
        String id,
        String name,
        @JsonAlias("cloudspace_id") String cloudspaceId,
        @JsonAlias("endpoint_type") EndpointType endpointType,
        Integer port,
        List<String> ports,
        List<String> urls) {
}
