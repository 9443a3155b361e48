package dev.lstudio.emulator;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The emulator's own response types, in the live service's form (api-facts.md, "The live wire
 * format"): camelCase names, 64-bit integers as strings. Deliberately not shared with the
 * client's wire classes.
 */
final class Wire {
    /** What a detached execute answers at once on the live service, whatever the command does. */
    static final String STARTED = "Command Started Successfully";

    private Wire() {
    }

    record StartupStatus(boolean initialRestoreFinished, boolean topUpRestoreFinished) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ComputeConfig(String name, boolean spot, String requestedRunDurationSeconds) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Instance(String phase, String cloudSpaceInstanceId, ComputeConfig computeConfig,
                    StartupStatus startupStatus, String startupEtaSeconds, String startupPercentage,
                    String startupPhase, String statusMessage, Double price, String startTimestamp,
                    String instanceType) {
    }

    /** Both keys always present, as the reference shows {@code "requested": null}. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record CodeStatus(Instance inUse, Instance requested) {
    }

    record EnvVar(String name, String value, boolean fromSecret) {
    }

    record Tag(String id, String name, boolean internal) {
    }

    /** Environment variables are not here on the live service: they are the Studio's top-level {@code env}. */
    record CodeConfig(ComputeConfig computeConfig, boolean disableAutoShutdown, long idleShutdownSeconds) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CloudSpace(String id, String name, String displayName, String description, String projectId, String userId,
                      String clusterId, String state, @JsonProperty("isFavorite") boolean isFavorite,
                      List<EnvVar> env, String userMetadata, List<Tag> tags, boolean switchToDefaultMachineOnIdle,
                      List<JsonNode> dataConnectionMounts, String maxRunDuration, CodeConfig codeConfig,
                      CodeStatus codeStatus, String createdAt, String updatedAt, boolean disableSecrets,
                      String source, String environmentTemplateId) {
    }

    record CloudSpaceList(List<CloudSpace> cloudspaces, String nextPageToken) {
    }

    /** getbyname's answer: the Studio with the teamspace it is in. */
    record Located(CloudSpace cloudspace, Project project) {
    }

    record Project(String id, String name, String displayName, String ownerId, String ownerType) {
    }

    record Membership(String projectId, String name, String displayName, String ownerId, String ownerType,
                      @JsonProperty("isDefault") boolean isDefault, String userId, String role, String createdAt) {
    }

    record MembershipList(List<Membership> memberships, String nextPageToken) {
    }

    record User(String id, String userId, String username, String email, String firstName, String lastName) {
    }

    /** Execute's answer (the placeholder when detached; the result of a synchronous run otherwise). */
    record Submitted(int exitCode, String output, String sessionName) {
    }

    /** {@code GET execute/{session}}: all output so far, exit code -1 while running. */
    record SessionOutput(String output, int exitCode) {
        static SessionOutput of(CommandRun.Chunk c) {
            return new SessionOutput(c.text(), c.exitCode());
        }
    }

    /** One line of the NDJSON stream (and the data of one server-sent event). */
    record StreamLine(StreamResult result) {
        static StreamLine of(String output, int exitCode) {
            return new StreamLine(new StreamResult(output, exitCode));
        }
    }

    record StreamResult(String output, int exitCode) {
    }

    /** Plugins available or installed: name to description, as the live service answers them. */
    record PluginMap(Map<String, String> plugins) {
    }

    /** The answer to install, uninstall and execute of a plugin: HTTP 200 either way, the state says how it went. */
    record PluginResult(String id, String pluginId, String projectId, String state, String error,
                        String additionalInfo) {
    }

    record EndpointTarget(String cloudspaceId, String port, String type) {
    }

    record Endpoint(String id, String name, List<String> ports, List<String> urls, EndpointTarget cloudspace,
                    String projectId, String userId, String createdAt) {
        static Endpoint of(Store.Endpoint e) {
            String port = String.valueOf(e.port());
            return new Endpoint(e.id(), e.name(), List.of(port), List.of("http://127.0.0.1:" + e.port()),
                    new EndpointTarget(e.cloudspaceId(), port, e.endpointType()), e.projectId(), e.userId(),
                    e.createdAt());
        }
    }

    record EndpointList(List<Endpoint> endpoints, String nextPageToken) {
    }

    record Run(String id, String cloudspaceId, String clusterId, boolean localSource, String createdAt) {
    }

    static CloudSpace cloudSpace(StudioRecord s) {
        List<EnvVar> env = s.envVars.stream().map(v -> new EnvVar(v.name(), v.value(), v.fromSecret())).toList();
        List<Tag> tags = s.tags.stream().map(t -> new Tag(t.id(), t.name(), t.internal())).toList();
        CodeConfig config = new CodeConfig(new ComputeConfig(s.machine, s.spot, null), s.disableAutoShutdown,
                s.idleShutdownSeconds);
        Long duration = s.inUse == null ? null : s.inUse.runDurationSeconds;
        return new CloudSpace(s.id, s.name, s.displayName, s.description, s.projectId, s.userId, s.clusterId, s.state,
                s.favorite, env, s.userMetadata, tags, s.switchToDefaultMachineOnIdle, List.copyOf(s.dataConnectionMounts),
                duration == null ? "0" : String.valueOf(duration), config, codeStatus(s), s.createdAt, s.updatedAt,
                s.disableSecrets, s.source, s.environmentTemplateId);
    }

    static CodeStatus codeStatus(StudioRecord s) {
        return new CodeStatus(instance(s.inUse), instance(s.requested));
    }

    private static Instance instance(StudioRecord.Instance i) {
        if (i == null) {
            return null;
        }
        String duration = i.runDurationSeconds == null ? null : String.valueOf(i.runDurationSeconds);
        MachineCatalog.Machine m = MachineCatalog.find(i.machine);
        boolean up = !StudioRecord.STOPPING.equals(i.phase) && !StudioRecord.STOPPED.equals(i.phase);
        return new Instance(i.phase, i.instanceId, new ComputeConfig(i.machine, i.spot, duration),
                new StartupStatus(i.initialRestoreFinished, i.topUpRestoreFinished), eta(i), percentage(i),
                startupPhase(i), statusMessage(i), m == null ? null : m.price(i.spot), i.startedAt,
                m == null || !up ? null : m.instanceType());
    }

    private static boolean starting(StudioRecord.Instance i) {
        return !i.topUpRestoreFinished && i.readyAtNanos >= 0 && !StudioRecord.STOPPING.equals(i.phase)
                && !StudioRecord.STOPPED.equals(i.phase);
    }

    /** Whole seconds until a start is done (rounded up), while it is under way; else absent. */
    private static String eta(StudioRecord.Instance i) {
        if (!starting(i)) {
            return null;
        }
        long left = Math.max(0, i.readyAtNanos - System.nanoTime());
        return String.valueOf((left + 999_999_999L) / 1_000_000_000L);
    }

    /** How far a start has come, 0 to 99, while it is under way (the live service sends it as a string). */
    private static String percentage(StudioRecord.Instance i) {
        if (!starting(i) || i.startNanos < 0 || i.readyAtNanos <= i.startNanos) {
            return null;
        }
        double done = (double) (System.nanoTime() - i.startNanos) / (i.readyAtNanos - i.startNanos);
        return String.valueOf((int) Math.max(0, Math.min(99, done * 100)));
    }

    // The live names of the start-up phases are not in the SDK's models; these describe what the emulator does.
    private static String startupPhase(StudioRecord.Instance i) {
        if (StudioRecord.STOPPING.equals(i.phase) || StudioRecord.STOPPED.equals(i.phase)) {
            return null;
        }
        if (i.topUpRestoreFinished) {
            return "READY";
        }
        if (i.initialRestoreFinished) {
            return "RESTORING_FILES";
        }
        return StudioRecord.PENDING.equals(i.phase) ? "STARTING_MACHINE" : "ALLOCATING_MACHINE";
    }

    private static String statusMessage(StudioRecord.Instance i) {
        if (StudioRecord.STOPPED.equals(i.phase)) {
            return "Stopped";
        }
        if (StudioRecord.STOPPING.equals(i.phase)) {
            return "Stopping machine";
        }
        if (i.topUpRestoreFinished) {
            return "Running";
        }
        return i.initialRestoreFinished ? "Restoring your files" : "Starting machine";
    }
}
