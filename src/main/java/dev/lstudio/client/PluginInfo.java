package dev.lstudio.client;

import dev.lstudio.api.Plugin;

/**
 * A plugin as listed (available or installed), or the answer of an install or a run:
 * {@code id} is the name to install it by ({@code jobs}); {@code state}, {@code error} and
 * {@code additionalInfo} are what the server said about the call, null where it said nothing
 * (a listing says nothing of them).
 */
public record PluginInfo(String id, String description, String state, String error, String additionalInfo) {

    static PluginInfo of(Plugin plugin) {
        return new PluginInfo(plugin.key(), plugin.description(), plugin.state(), plugin.error(), plugin.additionalInfo());
    }
}
