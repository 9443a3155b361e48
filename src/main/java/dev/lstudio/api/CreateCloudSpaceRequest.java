package dev.lstudio.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Body of {@code POST .../cloudspaces}, written as the reference writes it. */
public record CreateCloudSpaceRequest(
        @JsonProperty("name") String name,
        @JsonProperty("display_name") String displayName,
        @JsonProperty("cluster_id") String clusterId,
        @JsonProperty("seed_files") List<SeedFile> seedFiles,
        @JsonProperty("source") String source,
        @JsonProperty("disable_secrets") Boolean disableSecrets,
        @JsonProperty("cloud_space_environment_template_id") String environmentTemplateId) {

    public static CreateCloudSpaceRequest named(String name) {
        return new CreateCloudSpaceRequest(name, null, null, null, null, null, null);
    }
}
