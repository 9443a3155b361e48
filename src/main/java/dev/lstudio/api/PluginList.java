package dev.lstudio.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Plugins of {@code GET /v1/cloudspaces/plugins} and {@code GET .../plugins}. The live service
 * answers a map of plugin name to description ({@code {"plugins": {"jobs": "Run async Jobs"}}});
 * a list of plugin objects, and a map of name to object, are read too. A map key fills a
 * missing {@code pluginId}.
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
                if (!entry.getValue().isObject()) {
                    // the live form: name -> description
                    String description = entry.getValue().isNull() ? null : entry.getValue().asText();
                    result.add(new Plugin(null, entry.getKey(), null, entry.getKey(), description, null, null, null));
                    continue;
                }
                Plugin p = Json.mapper().convertValue(entry.getValue(), Plugin.class);
                String key = p.pluginId() != null ? p.pluginId() : entry.getKey();
                result.add(new Plugin(p.id(), key, p.projectId(), p.name(), p.description(), p.state(), p.error(),
                        p.additionalInfo()));
            }
        }
        return new PluginList(result);
    }
}
