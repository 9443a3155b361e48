package dev.lstudio.emulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The plugin catalogue (the reference's built-ins) and a studio's installed plugins. */
final class PluginEndpoints {
    static final Map<String, String> BUILT_IN = new LinkedHashMap<>();

    static {
        BUILT_IN.put("jobs", "Run async Jobs from the Studio");
        BUILT_IN.put("multi-machine-training", "Multi-machine distributed training");
        BUILT_IN.put("inference-server", "Deploy inference servers");
        BUILT_IN.put("custom-port", "Expose custom ports");
    }

    private final Store store;
    private final ExecEndpoints exec;
    private final Settings settings;

    PluginEndpoints(Store store, ExecEndpoints exec, Settings settings) {
        this.store = store;
        this.exec = exec;
        this.settings = settings;
    }

    void register(Router r) {
        String base = "/v1/projects/{projectId}/cloudspaces/{id}/plugins";
        r.add("GET", "/v1/cloudspaces/plugins", req -> Reply.json(new Wire.PluginMap(BUILT_IN)))
                .add("GET", base, this::installed)
                .add("POST", base + "/{plugin}", this::install)
                .add("DELETE", base + "/{plugin}", this::uninstall)
                .add("POST", base + "/{plugin}/execute", this::execute);
    }

    /**
     * The live answer to every plugin action: HTTP 200 whatever happened, success only in {@code state}
     * with an empty {@code error}. The SDK names only the success states; the failure states are ours.
     */
    private static Reply result(Request req, String plugin, String state, String error, String info) {
        return Reply.json(new Wire.PluginResult("pr-" + UUID.randomUUID().toString().substring(0, 13), plugin,
                req.param("projectId"), state, error, info));
    }

    private static String unknown(String plugin) {
        return BUILT_IN.containsKey(plugin) ? null
                : "unknown plugin '" + plugin + "'; available plugins: " + String.join(", ", BUILT_IN.keySet());
    }

    private Reply installed(Request req) {
        return store.read(() -> {
            StudioRecord s = store.studio(req.param("projectId"), req.param("id"));
            Map<String, String> out = new LinkedHashMap<>();
            BUILT_IN.forEach((name, description) -> {
                if (s.plugins.contains(name)) {
                    out.put(name, description);
                }
            });
            return Reply.json(new Wire.PluginMap(out));
        });
    }

    private Reply install(Request req) {
        String plugin = req.param("plugin");
        String error = unknown(plugin);
        return store.write(() -> {
            StudioRecord s = store.studio(req.param("projectId"), req.param("id"));
            if (error != null) {
                return result(req, plugin, "installation_failed", error, "");
            }
            s.plugins.add(plugin);
            return result(req, plugin, "installation_success", "", BUILT_IN.get(plugin));
        });
    }

    private Reply uninstall(Request req) {
        String plugin = req.param("plugin");
        String unknown = unknown(plugin);
        return store.write(() -> {
            StudioRecord s = store.studio(req.param("projectId"), req.param("id"));
            if (unknown != null) {
                return result(req, plugin, "uninstallation_failed", unknown, "");
            }
            if (!s.plugins.remove(plugin)) {
                return result(req, plugin, "uninstallation_failed", "plugin '" + plugin + "' is not installed in"
                        + " studio " + s.name, "");
            }
            return result(req, plugin, "uninstallation_success", "", "");
        });
    }

    /** Runs the body's {@code command} (if any) as the plugin; {@code additionalInfo} carries its output. */
    private Reply execute(Request req) throws InterruptedException {
        String plugin = req.param("plugin");
        String unknown = unknown(plugin);
        if (unknown != null) {
            return result(req, plugin, "execution_failed", unknown, "");
        }
        String command = Json.text(req.body(), "command");
        String missing = store.read(() -> {
            StudioRecord s = store.studio(req.param("projectId"), req.param("id"));
            return s.plugins.contains(plugin) ? null : "plugin '" + plugin + "' is not installed in studio " + s.name
                    + "; install it with POST .../cloudspaces/" + s.id + "/plugins/" + plugin;
        });
        if (missing != null) {
            return result(req, plugin, "execution_failed", missing, "");
        }
        if (command == null || command.isBlank()) {
            return result(req, plugin, "execution_success", "", plugin + " is installed and ready\n");
        }
        CommandRun run = exec.launch(req.param("projectId"), req.param("id"), command, null);
        CommandRun.Chunk c = run.awaitExit(settings.detachAfter().toNanos());
        if (c.done() && c.exitCode() != 0) {
            return result(req, plugin, "execution_failed", "exit code " + c.exitCode(), c.text());
        }
        return result(req, plugin, "execution_success", "", c.text());
    }
}
