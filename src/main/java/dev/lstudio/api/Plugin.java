package dev.lstudio.api;

import com.fasterxml.jackson.annotation.JsonAlias;

/** A plugin as listed, installed or executed ({@code V1Plugin}); servers fill different subsets. */
public record Plugin(
        String id,
        @JsonAlias("plugin_id") String pluginId,
        @JsonAlias("project_id") String projectId,
        String name,
        String description,
        String state,
        String error,
        @JsonAlias("additional_info") String additionalInfo) {

    /** The name to install it by: {@code pluginId}, else {@code name}, else {@code id}. */
    public String key() {
        if (pluginId != null && !pluginId.isBlank()) {
            return pluginId;
        }
        return name != null && !name.isBlank() ? name : id;
    }
}
