package dev.lstudio.emulator;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The emulator's own response types, written from studios-api.md and api-facts.md: camelCase
 * names, 64-bit integers as strings. Deliberately not shared with the client's wire classes.
 */
final class Wire {
    private Wire() {
    }

    record StartupStatus(boolean initialRestoreFinished, boolean topUpRestoreFinished) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ComputeConfig(String name, boolean spot, String requestedRunDurationSeconds) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Instance(String phase, String cloudSpaceInstanceId, ComputeConfig computeConfig,
                    StartupStatus startupStatus, String startedAt, String startupEtaSeconds) {
    }

    /** Both keys always present, as the reference shows {@code "requested": null}. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record CodeStatus(Instance inUse, Instance requested) {
    }

    record EnvVar(String name, String value) {
    }

    record CodeConfig(ComputeConfig computeConfig, boolean disableAutoShutdown, long idleShutdownSeconds,
                      List<EnvVar> envVars) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CloudSpace(String id, String name, String displayName, String projectId, String userId, String clusterId,
                      String state, @JsonProperty("isFavorite") boolean isFavorite, CodeConfig codeConfig,
                      CodeStatus codeStatus, String createdAt, String updatedAt, boolean disableSecrets,
                      String source, String cloudSpaceEnvironmentTemplateId) {
    }

    record CloudSpaceList(List<CloudSpace> cloudspaces, String nextPageToken) {
    }

    record Membership(String projectId, String name, String displayName, String ownerId, String ownerType,
                      @JsonProperty("isDefault") boolean isDefault, String userId, String role, String createdAt) {
    }

    record MembershipList(List<Membership> memberships, String nextPageToken) {
    }

    record User(String id, String userId, String username, String email, String firstName, String lastName) {
    }

    /** Execute and session answers: both spellings of the exit code and of the session, as the SDK reads them. */
    record ExecResult(String output, int exitCode, @JsonProperty("exit_code") int exitCodeSnake, String session,
                      String sessionName, boolean running) {
        static ExecResult of(CommandRun run, CommandRun.Chunk chunk) {
            return new ExecResult(chunk.text(), chunk.exitCode(), chunk.exitCode(), run.session, run.session,
                    !chunk.done());
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

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Plugin(String id, String name, String description, @JsonProperty("isInstalled") Boolean isInstalled) {
    }

    record PluginList(List<Plugin> plugins) {
    }

    record Endpoint(String id, String name, String projectId, String cloudspaceId, int port, String endpointType,
                    List<String> urls, String createdAt) {
        static Endpoint of(Store.Endpoint e) {
            return new Endpoint(e.id(), e.name(), e.projectId(), e.cloudspaceId(), e.port(),
                    e.endpointType(), List.of("http://127.0.0.1:" + e.port()), e.createdAt());
        }
    }

    record EndpointList(List<Endpoint> endpoints, String nextPageToken) {
    }

    record Run(String id, String cloudspaceId, String clusterId, boolean localSource, String createdAt) {
    }

    static CloudSpace cloudSpace(Studio s) {
        List<EnvVar> env = s.envVars.stream().map(v -> new EnvVar(v.name(), v.value())).toList();
        CodeConfig config = new CodeConfig(new ComputeConfig(s.machine, s.spot, null), s.disableAutoShutdown,
                s.idleShutdownSeconds, env);
        return new CloudSpace(s.id, s.name, s.displayName, s.projectId, s.userId, s.clusterId, s.state, s.favorite,
                config, codeStatus(s), s.createdAt, s.updatedAt, s.disableSecrets, s.source, s.environmentTemplateId);
    }

    static CodeStatus codeStatus(Studio s) {
        return new CodeStatus(instance(s.inUse), instance(s.requested));
    }

    private static Instance instance(Studio.Instance i) {
        if (i == null) {
            return null;
        }
        String duration = i.runDurationSeconds == null ? null : String.valueOf(i.runDurationSeconds);
        return new Instance(i.phase, i.instanceId, new ComputeConfig(i.machine, i.spot, duration),
                new StartupStatus(i.initialRestoreFinished, i.topUpRestoreFinished), i.startedAt, eta(i));
    }

    /** Whole seconds until a start is done (rounded up), while it is under way; else absent. */
    private static String eta(Studio.Instance i) {
        if (i.topUpRestoreFinished || i.readyAtNanos < 0 || Studio.STOPPING.equals(i.phase)
                || Studio.STOPPED.equals(i.phase)) {
            return null;
        }
        long left = Math.max(0, i.readyAtNanos - System.nanoTime());
        return String.valueOf((left + 999_999_999L) / 1_000_000_000L);
    }
}
