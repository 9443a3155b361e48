package dev.lstudio.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** update (display name, favourite, env vars, sleep settings, default machine), sleepconfig and fork. */
final class ConfigEndpoints {
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Store store;
    private final Teamspaces teamspaces;
    private final Lifecycle lifecycle;
    private final StudioEndpoints studios;
    private final Settings settings;

    ConfigEndpoints(Store store, Teamspaces teamspaces, Lifecycle lifecycle, StudioEndpoints studios, Settings settings) {
        this.store = store;
        this.teamspaces = teamspaces;
        this.lifecycle = lifecycle;
        this.studios = studios;
        this.settings = settings;
    }

    void register(Router r) {
        String base = "/v1/projects/{projectId}/cloudspaces/{id}";
        r.add("PUT", base, this::update)
                .add("PUT", base + "/sleepconfig", this::sleepConfig)
                .add("PUT", base + "/fork", this::fork);
    }

    /** Code config fields read and checked before anything changes, so a bad request changes nothing. */
    private record CodeConfig(Boolean disableAutoShutdown, Long idleShutdownSeconds, List<Studio.EnvVar> envVars,
                              String machine, Boolean spot) {
        static CodeConfig read(JsonNode cc) {
            if (cc == null) {
                return new CodeConfig(null, null, null, null, null);
            }
            Long idle = Json.integer(cc, "idle_shutdown_seconds");
            if (idle != null && idle < 0) {
                throw ApiError.invalid("idle_shutdown_seconds must be 0 or more, not " + idle);
            }
            JsonNode compute = Json.objectField(cc, "compute_config");
            String machine = Json.text(compute, "name");
            if (machine != null) {
                Machines.require(machine);
            }
            return new CodeConfig(Json.bool(cc, "disable_auto_shutdown"), idle, readEnvVars(Json.array(cc, "env_vars")),
                    machine, Json.bool(compute, "spot"));
        }

        void applyTo(Studio s) {
            if (disableAutoShutdown != null) {
                s.disableAutoShutdown = disableAutoShutdown;
            }
            if (idleShutdownSeconds != null) {
                s.idleShutdownSeconds = idleShutdownSeconds;
            }
            if (envVars != null) {
                s.envVars = new ArrayList<>(envVars);
            }
            if (machine != null) {
                s.machine = machine;
            }
            if (spot != null) {
                s.spot = spot;
            }
        }
    }

    private static List<Studio.EnvVar> readEnvVars(List<JsonNode> items) {
        if (items == null) {
            return null;
        }
        List<Studio.EnvVar> out = new ArrayList<>();
        for (JsonNode item : items) {
            String name = Json.text(item, "name");
            if (name == null || !ENV_NAME.matcher(name).matches()) {
                throw ApiError.invalid("env var name '" + name + "' is not valid: use letters, digits and '_',"
                        + " not starting with a digit");
            }
            String value = Json.text(item, "value");
            out.add(new Studio.EnvVar(name, value == null ? "" : value));
        }
        return out;
    }

    private Reply update(Request req) {
        JsonNode body = req.body();
        String displayName = Json.text(body, "display_name");
        if (displayName != null && displayName.isBlank()) {
            throw ApiError.invalid("display_name must not be blank");
        }
        Boolean favorite = Json.bool(body, "is_favorite");
        CodeConfig config = CodeConfig.read(Json.objectField(body, "code_config"));
        return store.write(() -> {
            Studio s = store.studio(req.param("projectId"), req.param("id"));
            if (displayName != null) {
                s.displayName = displayName;
            }
            if (favorite != null) {
                s.favorite = favorite;
            }
            config.applyTo(s);
            s.updatedAt = Lifecycle.now();
            return Reply.json(Wire.cloudSpace(s));
        });
    }

    private Reply sleepConfig(Request req) {
        JsonNode body = req.body();
        JsonNode cc = Json.objectField(body, "code_config");
        CodeConfig config = CodeConfig.read(cc == null ? body : cc);
        if (config.disableAutoShutdown() == null && config.idleShutdownSeconds() == null) {
            throw ApiError.invalid("send code_config.disable_auto_shutdown and/or code_config.idle_shutdown_seconds");
        }
        return store.write(() -> {
            Studio s = store.studio(req.param("projectId"), req.param("id"));
            new CodeConfig(config.disableAutoShutdown(), config.idleShutdownSeconds(), null, null, null).applyTo(s);
            s.updatedAt = Lifecycle.now();
            return Reply.json(Wire.cloudSpace(s));
        });
    }

    private Reply fork(Request req) {
        JsonNode body = req.body();
        String target = Json.text(body, "project_id");
        String newName = Json.text(body, "new_name");
        if (newName != null) {
            StudioEndpoints.checkName(newName);
        }
        String machine = Json.text(Json.objectField(body, "compute_config"), "name");
        if (machine != null) {
            Machines.require(machine);
        }
        return store.write(() -> {
            Studio src = store.studio(req.param("projectId"), req.param("id"));
            String projectId = target == null || target.isBlank() ? src.projectId : target;
            teamspaces.require(projectId);
            String name = newName != null ? newName : freeName(projectId, src.name + "-copy");
            studios.requireFreeName(projectId, name);
            Studio copy = copyOf(src, projectId, name, machine);
            copy.displayName = newName != null ? newName : src.displayName + " (copy)";
            StudioFiles.copyTree(store.dir(src), store.dir(copy));
            store.add(copy);
            lifecycle.after(copy, settings.forkDelay(), () -> copy.state = Studio.READY);
            return Reply.json(Wire.cloudSpace(copy));
        });
    }

    private String freeName(String projectId, String base) {
        String name = base;
        for (int n = 2; store.byName(projectId, name) != null; n++) {
            name = base + "-" + n;
        }
        return name;
    }

    private Studio copyOf(Studio src, String projectId, String name, String machine) {
        Studio c = new Studio();
        c.id = UUID.randomUUID().toString();
        c.name = name;
        c.projectId = projectId;
        c.userId = src.userId;
        c.clusterId = src.clusterId;
        c.state = Studio.SYNCING;
        c.createdAt = Lifecycle.now();
        c.updatedAt = c.createdAt;
        c.disableSecrets = src.disableSecrets;
        c.environmentTemplateId = src.environmentTemplateId;
        c.machine = machine == null ? src.machine : machine;
        c.spot = src.spot;
        c.disableAutoShutdown = src.disableAutoShutdown;
        c.idleShutdownSeconds = src.idleShutdownSeconds;
        c.envVars = new ArrayList<>(src.envVars);
        c.plugins = new LinkedHashSet<>(src.plugins);
        return c;
    }
}
