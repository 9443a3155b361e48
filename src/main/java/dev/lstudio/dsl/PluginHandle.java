package dev.lstudio.dsl;

import dev.lstudio.client.PluginInfo;
import dev.lstudio.client.Studio;

/** {@code plugin('jobs')} inside a studio block: one plugin of one studio. */
public final class PluginHandle {
    private final Studio studio;
    private final String id;

    PluginHandle(Studio studio, String id) {
        this.studio = studio;
        this.id = id;
    }

    public String getId() {
        return id;
    }

    /** Runs the plugin's action in the studio (it must be installed: {@code install 'jobs'}) and returns the server's answer. */
    public PluginInfo execute() {
        return ClientCalls.call(() -> studio.runPlugin(id));
    }

    @Override
    public String toString() {
        return "plugin '" + id + "' of studio '" + studio.name() + "'";
    }
}
