package dev.lstudio.emulator;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One studio as the emulator keeps it. Guarded by the {@link Store} lock. Fields without
 * {@code @JsonIgnore} are what the state file saves; the rest only lives while the emulator runs.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
final class StudioRecord {
    static final String RUNNING = "CLOUD_SPACE_INSTANCE_STATE_RUNNING";
    static final String UNSPECIFIED = "CLOUD_SPACE_INSTANCE_STATE_UNSPECIFIED";
    static final String PENDING = "CLOUD_SPACE_INSTANCE_STATE_PENDING";
    static final String STOPPING = "CLOUD_SPACE_INSTANCE_STATE_STOPPING";
    static final String STOPPED = "CLOUD_SPACE_INSTANCE_STATE_STOPPED";
    static final String READY = "CLOUD_SPACE_STATE_READY";
    static final String SYNCING = "CLOUD_SPACE_STATE_INITIAL_SYNC_IN_PROGRESS";

    String id;
    long seq;
    String name;
    String displayName;
    String projectId;
    String userId;
    String clusterId;
    String state = READY;
    String createdAt;
    String updatedAt;
    boolean favorite;
    boolean disableSecrets;
    String source;
    String environmentTemplateId;
    String machine = MachineCatalog.DEFAULT;
    boolean spot;
    boolean disableAutoShutdown;
    long idleShutdownSeconds = 3600;
    List<EnvVar> envVars = new ArrayList<>();
    String description = "";
    /** Opaque to the service: kept exactly as sent. */
    String userMetadata = "";
    List<Tag> tags = new ArrayList<>();
    boolean switchToDefaultMachineOnIdle;
    /** Kept as sent; the emulator mounts nothing. */
    List<com.fasterxml.jackson.databind.JsonNode> dataConnectionMounts = new ArrayList<>();
    Set<String> plugins = new LinkedHashSet<>();
    List<Run> runs = new ArrayList<>();
    long machineMillis;
    long executed;
    Map<String, Long> commandCounts = new LinkedHashMap<>();
    String lastStopReason;
    Instance inUse;

    @JsonIgnore
    Instance requested;
    /** Bumped by every transition, so a delayed step that was overtaken does nothing. */
    @JsonIgnore
    long generation;
    @JsonIgnore
    long runningSinceNanos = -1;
    @JsonIgnore
    long lastActivityNanos;
    @JsonIgnore
    long deadlineNanos = -1;

    StudioRecord() {
    }

    String phase() {
        return inUse == null ? null : inUse.phase;
    }

    boolean isRunning() {
        return RUNNING.equals(phase());
    }

    /** Started and not yet fully stopped: what activeOnly lists and what uses machine time. */
    boolean isActive() {
        String p = phase();
        return p != null && !STOPPED.equals(p);
    }

    /** A studio's instance (in use, or requested during a machine switch). */
    @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
            isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
    static final class Instance {
        String phase;
        String instanceId;
        String machine;
        boolean spot;
        Long runDurationSeconds;
        boolean initialRestoreFinished;
        boolean topUpRestoreFinished;
        String startedAt;
        /** When a start will be done (System.nanoTime), for startupEtaSeconds; not saved (transient). */
        transient long readyAtNanos = -1;
        /** When the start began (System.nanoTime), for startupPercentage; not saved. */
        transient long startNanos = -1;

        Instance() {
        }

        Instance(String phase, String instanceId, String machine, boolean spot, Long runDurationSeconds,
                 String startedAt) {
            this.phase = phase;
            this.instanceId = instanceId;
            this.machine = machine;
            this.spot = spot;
            this.runDurationSeconds = runDurationSeconds;
            this.startedAt = startedAt;
        }
    }

    record EnvVar(String name, String value, boolean fromSecret) {
    }

    /** A resource tag, kept as sent. */
    record Tag(String id, String name, boolean internal) {
    }

    record Run(String id, String clusterId, boolean localSource, String createdAt) {
    }
}
