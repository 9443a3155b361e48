package dev.lstudio.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        r.add("GET", "/v1/cloudspaces/plugins", req -> Reply.json(new Wire.PluginList(catalogue(null))))
                .add("GET", base, this::installed)
                .add("POST", base + "/{plugin}", this::install)
                .add("DELETE", base + "/{plugin}", this::uninstall)
                .add("POST", base + "/{plugin}/execute", this::execute);
    }

    private static List<Wire.Plugin> catalogue(Boolean installed) {
        List<Wire.Plugin> out = new ArrayList<>();
        BUILT_IN.forEach((id, description) -> out.add(new Wire.Plugin(id, id, description, installed)));
        return out;
    }

    private static String known(String plugin) {
        if (!BUILT_IN.containsKey(plugin)) {
            throw ApiError.notFound("unknown plugin '" + plugin + "'; available plugins: " + String.join(", ", BUILT_IN.keySet()));
        }
        return plugin;
    }

    private Reply installed(Request req) {
        return store.read(() -> {
            Studio s = store.studio(req.param("projectId"), req.param("id"));
            return Reply.json(new Wire.PluginList(catalogue(true).stream().filter(p -> s.plugins.contains(p.id())).toList()));
        });
    }

    private Reply install(Request req) {
        String plugin = known(req.param("plugin"));
        return store.write(() -> {
            store.studio(req.param("projectId"), req.param("id")).plugins.add(plugin);
            return Reply.json(new Wire.Plugin(plugin, plugin, BUILT_IN.get(plugin), true));
        });
    }

    private Reply uninstall(Request req) {
        String plugin = known(req.param("plugin"));
        return store.write(() -> {
            Studio s = store.studio(req.param("projectId"), req.param("id"));
            if (!s.plugins.remove(plugin)) {
                throw ApiError.notFound("plugin '" + plugin + "' is not installed in studio " + s.name);
            }
            return Reply.empty();
        });
    }

    /** Runs the body's {@code command} (if any) as the plugin; without one, reports the plugin ready. */
    private Reply execute(Request req) throws InterruptedException {
        String plugin = known(req.param("plugin"));
        JsonNode body = req.body();
        String command = Json.text(body, "command");
        store.read(() -> {
            Studio s = store.studio(req.param("projectId"), req.param("id"));
            if (!s.plugins.contains(plugin)) {
                throw ApiError.failedPrecondition("plugin '" + plugin + "' is not installed in studio " + s.name
                        + "; install it with POST .../cloudspaces/" + s.id + "/plugins/" + plugin);
            }
            return s;
        });
        if (command == null || command.isBlank()) {
            return Reply.json(new Wire.ExecResult(plugin + " is installed and ready\n", 0, 0, "", "", false));
        }
        CommandRun run = exec.launch(req.param("projectId"), req.param("id"), command, null);
        return Reply.json(Wire.ExecResult.of(run, run.awaitExit(settings.detachAfter().toNanos())));
    }
}
