package dev.lstudio.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Plugins of {@code GET /v1/cloudspaces/plugins} and {@code GET .../plugins}. The reference gives
 * no shape, and generated clients show both a list and a map keyed by plugin name, so both are
 * read; a map key fills a missing {@code pluginId}.
 */
public record PluginList(List<Plugin> plugins) {

    public PluginList {
        plugins = plugins == null ? List.of() : List.copyOf(plugins);
    }

    @JsonCreator
    static PluginList fromJson(@JsonProperty("plugins") JsonNode node) {
        List<Plugin> result = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(item -> result.add(Json.mapper().convertValue(item, Plugin.class)));
        } else if (node != null && node.isObject()) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                Plugin p = Json.mapper().convertValue(entry.getValue(), Plugin.class);
                String key = p.pluginId() != null ? p.pluginId() : entry.getKey();
                result.add(new Plugin(p.id(), key, p.projectId(), p.name(), p.description(), p.state(), p.error(),
                        p.additionalInfo()));
            }
        }
        return new PluginList(result);
    }
}
