package dev.lstudio.emulator;

import com.fasterxml.jackson.databind.JsonNode;

/** start, stop, restart, codestatus, machine switch (codeconfig, switch-confirm, switch-cancel), keep-alive. */
final class LifecycleEndpoints {
    private final Store store;
    private final PhaseMachine lifecycle;

    LifecycleEndpoints(Store store, PhaseMachine lifecycle) {
        this.store = store;
        this.lifecycle = lifecycle;
    }

    void register(Router r) {
        String base = "/v1/projects/{projectId}/cloudspaces/{id}";
        r.add("POST", base + "/start", this::start)
                .add("POST", base + "/stop", req -> act(req, s -> lifecycle.stop(s, "stopped by request")))
                .add("POST", base + "/restart", req -> act(req, lifecycle::restart))
                .add("GET", base + "/codestatus", this::codeStatus)
                .add("PUT", base + "/codeconfig", this::switchMachine)
                .add("POST", base + "/switch-confirm", req -> act(req, lifecycle::confirmSwitch))
                .add("POST", base + "/switch-cancel", req -> act(req, lifecycle::cancelSwitch))
                .add("POST", base + "/keep-alive", req -> act(req, lifecycle::keepAlive));
    }

    private Reply act(Request req, java.util.function.Consumer<StudioRecord> action) {
        return store.write(() -> {
            action.accept(store.studio(req.param("projectId"), req.param("id")));
            return Reply.empty();
        });
    }

    /** The compute_config of a body (also accepted nested in code_config, as the SDK's update sends it). */
    static JsonNode computeConfig(JsonNode body) {
        JsonNode cc = Json.objectField(body, "compute_config");
        if (cc == null) {
            JsonNode code = Json.objectField(body, "code_config");
            cc = code == null ? null : Json.objectField(code, "compute_config");
        }
        return cc;
    }

    private Reply start(Request req) {
        JsonNode cc = computeConfig(req.body());
        String machine = Json.text(cc, "name");
        boolean spot = Boolean.TRUE.equals(Json.bool(cc, "spot"));
        Long duration = Json.integer(cc, "requested_run_duration_seconds");
        return store.write(() -> {
            StudioRecord s = store.studio(req.param("projectId"), req.param("id"));
            lifecycle.start(s, machine == null ? s.machine : machine, spot, duration);
            return Reply.empty();
        });
    }

    private Reply codeStatus(Request req) {
        return store.read(() -> Reply.json(Wire.codeStatus(store.studio(req.param("projectId"), req.param("id")))));
    }

    private Reply switchMachine(Request req) {
        JsonNode cc = computeConfig(req.body());
        if (cc == null) {
            throw ApiError.invalid("compute_config is required, e.g. {\"compute_config\": {\"name\": \"lit-a100-1\"}}");
        }
        String machine = Json.text(cc, "name");
        boolean spot = Boolean.TRUE.equals(Json.bool(cc, "spot"));
        return store.write(() -> {
            StudioRecord s = store.studio(req.param("projectId"), req.param("id"));
            lifecycle.switchMachine(s, machine, spot);
            return Reply.json(Wire.codeStatus(s));
        });
    }
}
