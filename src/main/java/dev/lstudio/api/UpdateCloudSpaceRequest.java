package dev.lstudio.api;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Body of update ({@code PUT .../cloudspaces/{id}}), in the live form. The live service treats
 * it as a full replace: a field left out is cleared. So a body is made {@link #of} the Studio as
 * just read, with every field of the update body it has, and one {@code with...} change on top;
 * fields lstudio does not model travel back as they came. There is no {@code codeConfig} here:
 * the live body has none (machine, sleep and env have their own calls or fields).
 */
public record UpdateCloudSpaceRequest(
        String displayName,
        List<EnvVar> env,
        String description,
        List<ResourceTag> tags,
        String userMetadata,
        Boolean isFavorite,
        Boolean switchToDefaultMachineOnIdle,
        Map<String, JsonNode> rest) {

    /** The live update body's fields that lstudio does not model (SDK: CloudSpaceServiceUpdateCloudSpaceBody). */
    static final List<String> UNMODELLED = List.of("autoSwitchMachine", "codeUrl", "dataConnectionMounts", "featured",
            "hideFiles", "isCloudspacePrivate", "isCodePrivate", "isPublished", "license", "licenseUrl", "message",
            "multiUserEdit", "operatingCost", "paperAuthors", "paperOrg", "paperOrgAvatarUrl", "paperUrl",
            "publishWithComputeName", "thumbnail", "thumbnailFileType");

    public UpdateCloudSpaceRequest {
        env = env == null ? null : List.copyOf(env);
        tags = tags == null ? null : List.copyOf(tags);
        rest = rest == null ? Map.of() : Map.copyOf(rest);
    }

    /** Everything {@code studio} has of the update body, unchanged. */
    public static UpdateCloudSpaceRequest of(CloudSpace studio) {
        Map<String, JsonNode> rest = new LinkedHashMap<>();
        for (String name : UNMODELLED) {
            JsonNode value = studio.other(name);
            if (value != null && !value.isNull()) {
                rest.put(name, value);
            }
        }
        return new UpdateCloudSpaceRequest(studio.displayName(), studio.envVars(), studio.description(), studio.tags(),
                studio.userMetadata(), studio.isFavorite(), studio.switchToDefaultMachineOnIdle(), rest);
    }

    public UpdateCloudSpaceRequest withDisplayName(String name) {
        return new UpdateCloudSpaceRequest(name, env, description, tags, userMetadata, isFavorite,
                switchToDefaultMachineOnIdle, rest);
    }

    public UpdateCloudSpaceRequest withEnv(List<EnvVar> variables) {
        return new UpdateCloudSpaceRequest(displayName, variables, description, tags, userMetadata, isFavorite,
                switchToDefaultMachineOnIdle, rest);
    }

    public UpdateCloudSpaceRequest withUserMetadata(String metadata) {
        return new UpdateCloudSpaceRequest(displayName, env, description, tags, metadata, isFavorite,
                switchToDefaultMachineOnIdle, rest);
    }

    /** The JSON body: camelCase, the modelled fields first, nulls left out. */
    @JsonValue
    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        put(body, "displayName", displayName);
        put(body, "env", env);
        put(body, "description", description);
        put(body, "tags", tags);
        put(body, "userMetadata", userMetadata);
        put(body, "isFavorite", isFavorite);
        put(body, "switchToDefaultMachineOnIdle", switchToDefaultMachineOnIdle);
        body.putAll(rest);
        return body;
    }

    private static void put(Map<String, Object> body, String name, Object value) {
        if (value != null) {
            body.put(name, value);
        }
    }

    @Override
    public String toString() {
        return "UpdateCloudSpaceRequest" + body().keySet();
    }
}
