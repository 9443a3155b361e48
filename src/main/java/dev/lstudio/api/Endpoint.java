package dev.lstudio.api;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.util.List;

/**
 * An exposed port ({@code V1Endpoint}). The live shape nests the Studio and port under
 * {@code cloudspace}; the reference's flat {@code cloudspace_id}, {@code port} and
 * {@code endpoint_type} are still read. Use {@link #studioId()} and {@link #portNumber()}.
 */
public record Endpoint(
        String id,
        String name,
        @JsonAlias("cloudspace_id") String cloudspaceId,
        @JsonAlias("endpoint_type") EndpointType endpointType,
        Integer port,
        List<String> ports,
        List<String> urls,
        EndpointTarget cloudspace,
        @JsonAlias("project_id") String projectId,
        @JsonAlias("user_id") String userId,
        @JsonAlias("created_at") String createdAt) {

    /** The Studio it leads to, from either shape; null when the server did not say. */
    public String studioId() {
        return cloudspace != null && cloudspace.cloudspaceId() != null ? cloudspace.cloudspaceId() : cloudspaceId;
    }

    /** The port inside the Studio, from either shape; null when none is a number. */
    public Integer portNumber() {
        if (cloudspace != null && cloudspace.port() != null && cloudspace.port().matches("\\d{1,5}")) {
            return Integer.valueOf(cloudspace.port());
        }
        if (port != null) {
            return port;
        }
        return ports == null ? null : ports.stream().filter(p -> p != null && p.matches("\\d{1,5}"))
                .map(Integer::valueOf).findFirst().orElse(null);
    }

    /** The kind, from either shape. */
    public EndpointType type() {
        return cloudspace != null && cloudspace.type() != null ? cloudspace.type() : endpointType;
    }
}
