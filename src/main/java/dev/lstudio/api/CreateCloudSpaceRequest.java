package dev.lstudio.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Body of {@code POST .../cloudspaces}, in the live camelCase (the service reads snake_case too). */
public record CreateCloudSpaceRequest(
        @JsonProperty("name") String name,
        @JsonProperty("displayName") String displayName,
        @JsonProperty("clusterId") String clusterId,
        @JsonProperty("seedFiles") List<SeedFile> seedFiles,
        @JsonProperty("source") String source,
        @JsonProperty("disableSecrets") Boolean disableSecrets,
        @JsonProperty("cloudSpaceEnvironmentTemplateId") String environmentTemplateId) {

    public static CreateCloudSpaceRequest named(String name) {
        return new CreateCloudSpaceRequest(name, null, null, null, null, null, null);
    }
}
