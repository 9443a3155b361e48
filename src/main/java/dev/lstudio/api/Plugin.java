package dev.lstudio.api;

import com.fasterxml.jackson.annotation.JsonAlias;

/**
 * A plugin as listed, or the answer of an install, uninstall or execute
 * ({@code {"id", "pluginId", "projectId", "state", "error", "additionalInfo"}}); servers fill
 * different subsets.
 */
public record Plugin(
        String id,
        @JsonAlias("plugin_id") String pluginId,
        @JsonAlias("project_id") String projectId,
        String name,
        String description,
        String state,
        String error,
        @JsonAlias("additional_info") String additionalInfo) {

    /** The states of a plugin call that mean it worked; any other, or a non-empty error, is a failure. */
    static final java.util.Set<String> SUCCESS = java.util.Set.of("installation_success", "uninstallation_success",
            "execution_success");

    /**
     * Whether an install, uninstall or execute answer says it worked. The live service answers
     * 200 either way; only {@code state} and {@code error} tell.
     */
    public boolean succeeded() {
        return (error == null || error.isBlank()) && state != null && SUCCESS.contains(state.toLowerCase(java.util.Locale.ROOT));
    }

    /** The name to install it by: {@code pluginId}, else {@code name}, else {@code id}. */
    public String key() {
        if (pluginId != null && !pluginId.isBlank()) {
            return pluginId;
        }
        return name != null && !name.isBlank() ? name : id;
    }
}
