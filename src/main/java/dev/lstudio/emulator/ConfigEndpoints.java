package dev.lstudio.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * update, sleepconfig and fork. Update is a full replace, as on the live service: every field of the
 * update body that is absent is reset (which is why the SDK reads the Studio and sends every field
 * back). The reference's {@code code_config} (env vars, sleep settings, default machine) is still
 * read unless the emulator is strict, where the body check refuses it first.
 */
final class ConfigEndpoints {
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Store store;
    private final Memberships teamspaces;
    private final PhaseMachine lifecycle;
    private final StudioEndpoints studios;
    private final Settings settings;

    ConfigEndpoints(Store store, Memberships teamspaces, PhaseMachine lifecycle, StudioEndpoints studios, Settings settings) {
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

    /** Sleep and machine settings, read and checked before anything changes, so a bad request changes nothing. */
    private record SleepSettings(Boolean disableAutoShutdown, Long idleShutdownSeconds, Boolean switchToDefault,
                                 String machine, Boolean spot) {
        static SleepSettings read(JsonNode cc) {
            if (cc == null) {
                return new SleepSettings(null, null, null, null, null);
            }
            Long idle = Json.integer(cc, "idle_shutdown_seconds");
            if (idle != null && idle < 0) {
                throw ApiError.invalid("idleShutdownSeconds must be 0 or more, not " + idle);
            }
            JsonNode compute = Json.objectField(cc, "compute_config");
            String machine = Json.text(compute, "name");
            if (machine != null) {
                MachineCatalog.require(machine);
            }
            return new SleepSettings(Json.bool(cc, "disable_auto_shutdown"), idle,
                    Json.bool(cc, "switch_to_default_machine_on_idle"), machine, Json.bool(compute, "spot"));
        }

        boolean isEmpty() {
            return disableAutoShutdown == null && idleShutdownSeconds == null && switchToDefault == null;
        }

        void applyTo(StudioRecord s) {
            if (disableAutoShutdown != null) {
                s.disableAutoShutdown = disableAutoShutdown;
            }
            if (idleShutdownSeconds != null) {
                s.idleShutdownSeconds = idleShutdownSeconds;
            }
            if (switchToDefault != null) {
                s.switchToDefaultMachineOnIdle = switchToDefault;
            }
            if (machine != null) {
                s.machine = machine;
            }
            if (spot != null) {
                s.spot = spot;
            }
        }
    }

    private static List<StudioRecord.EnvVar> readEnv(List<JsonNode> items) {
        List<StudioRecord.EnvVar> out = new ArrayList<>();
        if (items == null) {
            return out;
        }
        for (JsonNode item : items) {
            String name = Json.text(item, "name");
            if (name == null || !ENV_NAME.matcher(name).matches()) {
                throw ApiError.invalid("env var name '" + name + "' is not valid: use letters, digits and '_',"
                        + " not starting with a digit");
            }
            String value = Json.text(item, "value");
            out.add(new StudioRecord.EnvVar(name, value == null ? "" : value,
                    Boolean.TRUE.equals(Json.bool(item, "from_secret"))));
        }
        return out;
    }

    private static List<StudioRecord.Tag> readTags(List<JsonNode> items) {
        List<StudioRecord.Tag> out = new ArrayList<>();
        if (items != null) {
            for (JsonNode t : items) {
                out.add(new StudioRecord.Tag(Json.text(t, "id"), Json.text(t, "name"),
                        Boolean.TRUE.equals(Json.bool(t, "internal"))));
            }
        }
        return out;
    }

    private static String textOrEmpty(JsonNode body, String snake) {
        String v = Json.text(body, snake);
        return v == null ? "" : v;
    }

    private Reply update(Request req) {
        JsonNode body = req.body();
        String displayName = Json.text(body, "display_name");
        if (displayName != null && displayName.isBlank()) {
            throw ApiError.invalid("displayName must not be blank");
        }
        JsonNode codeConfig = Json.objectField(body, "code_config");
        SleepSettings sleep = SleepSettings.read(codeConfig);
        // the reference keeps env vars in code_config.env_vars; live has the top-level env
        List<JsonNode> envItems = Json.array(body, "env");
        List<StudioRecord.EnvVar> env = readEnv(envItems != null ? envItems : Json.array(codeConfig, "env_vars"));
        List<StudioRecord.Tag> tags = readTags(Json.array(body, "tags"));
        List<JsonNode> mounts = Json.array(body, "data_connection_mounts");
        String description = textOrEmpty(body, "description");
        String userMetadata = textOrEmpty(body, "user_metadata");
        boolean favorite = Boolean.TRUE.equals(Json.bool(body, "is_favorite"));
        boolean switchToDefault = Boolean.TRUE.equals(Json.bool(body, "switch_to_default_machine_on_idle"));
        return store.write(() -> {
            StudioRecord s = store.studio(req.param("projectId"), req.param("id"));
            s.displayName = displayName == null ? s.name : displayName;
            s.description = description;
            s.userMetadata = userMetadata;
            s.favorite = favorite;
            s.envVars = env;
            s.tags = tags;
            s.dataConnectionMounts = mounts == null ? new ArrayList<>() : new ArrayList<>(mounts);
            s.switchToDefaultMachineOnIdle = switchToDefault;
            sleep.applyTo(s);
            s.updatedAt = PhaseMachine.now();
            return Reply.json(Wire.cloudSpace(s));
        });
    }

    private Reply sleepConfig(Request req) {
        JsonNode body = req.body();
        JsonNode cc = Json.objectField(body, "code_config");
        SleepSettings read = SleepSettings.read(cc == null ? body : cc);
        if (read.isEmpty()) {
            throw ApiError.invalid("send disableAutoShutdown, idleShutdownSeconds and/or switchToDefaultMachineOnIdle,"
                    + " e.g. {\"disableAutoShutdown\": false, \"idleShutdownSeconds\": 600}");
        }
        SleepSettings sleep = new SleepSettings(read.disableAutoShutdown(), read.idleShutdownSeconds(),
                read.switchToDefault(), null, null);
        return store.write(() -> {
            StudioRecord s = store.studio(req.param("projectId"), req.param("id"));
            sleep.applyTo(s);
            s.updatedAt = PhaseMachine.now();
            return Reply.json(Wire.cloudSpace(s));
        });
    }

    /** Live: {newName, targetProjectId, targetClusterId, versionId}; the reference: {new_name, project_id, compute_config}. */
    private Reply fork(Request req) {
        JsonNode body = req.body();
        String target = Json.text(body, "target_project_id");
        if (target == null) {
            target = Json.text(body, "project_id");
        }
        String targetProject = target;
        String cluster = Json.text(body, "target_cluster_id");
        String newName = Json.text(body, "new_name");
        if (newName != null) {
            StudioEndpoints.checkName(newName);
        }
        String machine = Json.text(Json.objectField(body, "compute_config"), "name");
        if (machine != null) {
            MachineCatalog.require(machine);
        }
        return store.write(() -> {
            StudioRecord src = store.studio(req.param("projectId"), req.param("id"));
            String projectId = targetProject == null || targetProject.isBlank() ? src.projectId : targetProject;
            teamspaces.require(projectId);
            String name = newName != null ? newName : freeName(projectId, src.name + "-copy");
            studios.requireFreeName(projectId, name);
            StudioRecord copy = copyOf(src, projectId, name, machine);
            if (cluster != null && !cluster.isBlank()) {
                copy.clusterId = cluster;
            }
            copy.displayName = newName != null ? newName : src.displayName + " (copy)";
            StudioFiles.copyTree(store.dir(src), store.dir(copy));
            store.add(copy);
            // the copy is not started: the SDK waits for READY and starts it itself
            lifecycle.after(copy, settings.forkDelay(), () -> copy.state = StudioRecord.READY);
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

    private StudioRecord copyOf(StudioRecord src, String projectId, String name, String machine) {
        StudioRecord c = new StudioRecord();
        c.id = UUID.randomUUID().toString();
        c.name = name;
        c.projectId = projectId;
        c.userId = store.identity().userId();
        c.clusterId = src.clusterId;
        c.state = StudioRecord.SYNCING;
        c.createdAt = PhaseMachine.now();
        c.updatedAt = c.createdAt;
        c.disableSecrets = src.disableSecrets;
        c.environmentTemplateId = src.environmentTemplateId;
        c.machine = machine == null ? src.machine : machine;
        c.spot = src.spot;
        c.disableAutoShutdown = src.disableAutoShutdown;
        c.idleShutdownSeconds = src.idleShutdownSeconds;
        c.switchToDefaultMachineOnIdle = src.switchToDefaultMachineOnIdle;
        c.envVars = new ArrayList<>(src.envVars);
        c.description = src.description;
        c.userMetadata = src.userMetadata;
        c.tags = new ArrayList<>(src.tags);
        c.plugins = new LinkedHashSet<>(src.plugins);
        return c;
    }
}
