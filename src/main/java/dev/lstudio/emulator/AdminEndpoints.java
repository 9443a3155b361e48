package dev.lstudio.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The admin API under /_emulator/ (loopback only, no auth): what runs and what it has cost,
 * the commands each studio ran, fault rules, and reset. For tests and for people debugging scripts.
 */
final class AdminEndpoints {
    private final Store store;
    private final PhaseMachine lifecycle;
    private final Faults faults;
    private final Settings settings;
    private final RequestCounts counts;
    private final Runnable seed;

    AdminEndpoints(Store store, PhaseMachine lifecycle, Faults faults, Settings settings, RequestCounts counts,
                   Runnable seed) {
        this.seed = seed;
        this.counts = counts;
        this.store = store;
        this.lifecycle = lifecycle;
        this.faults = faults;
        this.settings = settings;
    }

    void register(Router r) {
        r.add("GET", "/_emulator", req -> index())
                .add("GET", "/_emulator/studios", req -> studios())
                .add("GET", "/_emulator/commands", req -> commands())
                .add("GET", "/_emulator/faults", req -> faultRules())
                .add("PUT", "/_emulator/faults", this::setFaults)
                .add("DELETE", "/_emulator/faults", req -> {
                    faults.replace(List.of(), null);
                    return faultRules();
                })
                .add("GET", "/_emulator/requests", req -> Reply.json(counts.snapshot()))
                .add("DELETE", "/_emulator/requests", req -> {
                    counts.clear();
                    return Reply.json(counts.snapshot());
                })
                .add("POST", "/_emulator/reset", req -> reset());
    }

    private Reply index() {
        return Reply.json(Map.of("service", "lstudio emulator", "endpoints", List.of(
                "GET /_emulator/studios", "GET /_emulator/commands", "GET /_emulator/faults",
                "PUT /_emulator/faults", "DELETE /_emulator/faults", "GET /_emulator/requests",
                "DELETE /_emulator/requests", "POST /_emulator/reset")));
    }

    private Reply studios() {
        return store.read(() -> {
            List<Map<String, Object>> out = new ArrayList<>();
            double total = store.retiredMachineSeconds();
            int active = 0;
            for (StudioRecord s : store.studios()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", s.id);
                m.put("name", s.name);
                m.put("projectId", s.projectId);
                m.put("userId", s.userId);
                m.put("owner", Teammate.owner(s, store.identity()));
                m.put("state", s.state);
                m.put("phase", s.phase());
                m.put("machine", s.inUse == null ? null : s.inUse.machine);
                m.put("requestedMachine", s.requested == null ? null : s.requested.machine);
                m.put("active", s.isActive());
                m.put("machineSeconds", PhaseMachine.machineSeconds(s));
                m.put("commandsExecuted", s.executed);
                m.put("lastStopReason", s.lastStopReason);
                out.add(m);
                total += PhaseMachine.machineSeconds(s);
                active += s.isActive() ? 1 : 0;
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("studios", out);
            body.put("activeCount", active);
            body.put("totalMachineSeconds", total);
            body.put("deletedStudiosMachineSeconds", store.retiredMachineSeconds());
            return Reply.json(body);
        });
    }

    private Reply commands() {
        return store.read(() -> {
            List<Map<String, Object>> out = new ArrayList<>();
            long total = 0;
            for (StudioRecord s : store.studios()) {
                List<Map<String, Object>> counts = new ArrayList<>();
                s.commandCounts.forEach((command, n) -> counts.add(Map.of("command", command, "count", n)));
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", s.id);
                m.put("name", s.name);
                m.put("executed", s.executed);
                m.put("commands", counts);
                out.add(m);
                total += s.executed;
            }
            return Reply.json(Map.of("studios", out, "total", total));
        });
    }

    private Reply faultRules() {
        return Reply.json(Map.of("rules", faults.rules(), "injected", faults.injected()));
    }

    /** Replaces the rules: {"rules": [{"method","path","faults":{"503":0.5},...} or {"spec": "..."}], "seed": 1}. */
    private Reply setFaults(Request req) {
        JsonNode body = req.body();
        List<JsonNode> items = Json.array(body, "rules");
        List<Faults.Rule> rules = new ArrayList<>();
        if (items != null) {
            items.forEach(item -> rules.add(Faults.Rule.fromJson(item)));
        }
        List<JsonNode> specs = Json.array(body, "specs");
        if (specs != null) {
            specs.forEach(spec -> rules.add(Faults.Rule.parse(spec.asText())));
        }
        faults.replace(rules, Json.integer(body, "seed"));
        return faultRules();
    }

    private Reply reset() {
        store.update(() -> {
            for (StudioRecord s : store.studios()) {
                lifecycle.discard(s);
                StudioFiles.deleteTree(store.dir(s));
            }
            store.clear();
            seed.run();
        });
        faults.replace(settings.faults(), settings.seed());
        faults.resetCounts();
        return Reply.empty();
    }
}
