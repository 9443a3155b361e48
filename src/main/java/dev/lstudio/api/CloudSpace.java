package dev.lstudio.api;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Studio as the API returns it ({@code V1CloudSpace}). Environment variables are the live
 * top-level {@code env}; the reference's {@code code_config.env_vars} is still read. Fields
 * lstudio does not model are kept in {@code other}, so that an update, which the live service
 * treats as a full replace, can send them back unchanged ({@link UpdateCloudSpaceRequest#of}).
 */
public record CloudSpace(
        String id,
        String name,
        @JsonAlias("display_name") String displayName,
        @JsonAlias("project_id") String projectId,
        @JsonAlias("user_id") String userId,
        @JsonAlias("cluster_id") String clusterId,
        @JsonAlias("code_status") CodeStatus codeStatus,
        @JsonAlias("code_config") CodeConfig codeConfig,
        CloudSpaceState state,
        @JsonAlias("is_favorite") Boolean isFavorite,
        @JsonAlias("created_at") String createdAt,
        List<EnvVar> env,
        String description,
        List<ResourceTag> tags,
        @JsonAlias("user_metadata") String userMetadata,
        @JsonAlias("switch_to_default_machine_on_idle") Boolean switchToDefaultMachineOnIdle,
        @JsonAnySetter Map<String, JsonNode> other) {

    public CloudSpace {
        other = other == null ? Map.of() : new LinkedHashMap<>(other);
    }

    /** The phase of the instance in use as listed, or {@code null} when none is running. */
    public InstancePhase phase() {
        return codeStatus == null || codeStatus.inUse() == null ? null : codeStatus.inUse().phase();
    }

    /**
     * The environment variables: the live {@code env} when the server sent it, else the
     * reference's {@code code_config.env_vars}; empty when neither.
     */
    public List<EnvVar> envVars() {
        if (env != null) {
            return env;
        }
        if (codeConfig != null && codeConfig.envVars() != null) {
            return codeConfig.envVars();
        }
        return List.of();
    }

    /** A field lstudio does not model, under its camelCase or snake_case name; null when absent. */
    public JsonNode other(String camelName) {
        JsonNode value = other.get(camelName);
        return value != null ? value : other.get(snake(camelName));
    }

    static String snake(String camel) {
        StringBuilder out = new StringBuilder();
        for (char c : camel.toCharArray()) {
            out.append(Character.isUpperCase(c) ? "_" + Character.toLowerCase(c) : String.valueOf(c));
        }
        return out.toString();
    }

    /** Used by tests and by code that builds a Studio by hand. */
    public static CloudSpace of(String id, String name) {
        return new CloudSpace(id, name, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null);
    }

    @Override
    public String toString() {
        List<String> names = new ArrayList<>(other.keySet());
        return "CloudSpace[id=" + id + ", name=" + name + ", displayName=" + displayName + ", projectId=" + projectId
                + ", state=" + state + ", env=" + env + ", other fields=" + names + "]";
    }
}
