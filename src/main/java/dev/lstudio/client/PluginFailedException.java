package dev.lstudio.client;

import dev.lstudio.api.LightningException;

/**
 * A plugin install, uninstall or run the server answered without success (the live service
 * answers 200 and says so in the answer's {@code state} and {@code error}).
 */
public final class PluginFailedException extends LightningException {
    private final String pluginId;
    private final String state;

    PluginFailedException(String message, String pluginId, String state) {
        super(message, null);
        this.pluginId = pluginId;
        this.state = state;
    }

    public String pluginId() {
        return pluginId;
    }

    /** The state the server answered, or null. */
    public String state() {
        return state;
    }
}
