package dev.lstudio.emulator;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.UUID;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * All studios and endpoints, behind one lock. Every {@link #write} saves the whole state when a
 * state file is configured, so a change is on disk before its response is sent.
 */
final class Store {
    private final Map<String, StudioRecord> studios = new LinkedHashMap<>();
    private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    private final StateFile file;
    private final Identity identity;
    private final Path studiosRoot;
    private long seq;
    private double retiredMachineSeconds;

    /** The credentials and name the emulator answers to; saved so a restart keeps them. */
    record Identity(String userId, String apiKey, String username) {
        @Override
        public String toString() {
            return "Identity[userId=" + userId + ", username=" + username + "]";
        }

        /** Explicit settings win; then what the state directory saved; then fresh ones. */
        static Identity resolve(Settings settings, StateFile.Snapshot saved) {
            String user = settings.userId() != null ? settings.userId() : saved != null && saved.userId != null
                    ? saved.userId : UUID.randomUUID().toString();
            String key = settings.apiKey() != null ? settings.apiKey() : saved != null && saved.apiKey != null
                    ? saved.apiKey : randomKey();
            String name = settings.username() != null ? settings.username() : saved != null && saved.username != null
                    ? saved.username : "demo";
            return new Identity(user, key, name);
        }

        /**
         * 20 characters (about 100 bits): short enough that base64 of "uuid:key" stays on one line,
         * because the reference's {@code echo -n "$ID:$KEY" | base64} wraps longer input at 76 columns.
         */
        private static String randomKey() {
            String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
            SecureRandom random = new SecureRandom();
            StringBuilder key = new StringBuilder();
            for (int i = 0; i < 20; i++) {
                key.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            return key.toString();
        }
    }

    /** A port exposed with POST /v1/projects/{projectId}/endpoints. */
    record Endpoint(String id, String projectId, String cloudspaceId, String name, int port, String endpointType,
                    String createdAt, String userId) {
    }

    Store(StateFile file, StateFile.Snapshot saved, Identity identity, Path studiosRoot) {
        this.file = file;
        this.identity = identity;
        this.studiosRoot = studiosRoot;
        if (saved != null) {
            seq = saved.seq;
            retiredMachineSeconds = saved.retiredMachineSeconds;
            for (StudioRecord s : saved.studios) {
                comeBackStopped(s);
                studios.put(s.id, s);
                seq = Math.max(seq, s.seq);
            }
            for (Endpoint e : saved.endpoints) {
                endpoints.put(e.id(), e);
            }
        }
    }

    /** Nothing runs across a restart: a studio that was up is back as stopped. */
    private static void comeBackStopped(StudioRecord s) {
        if (s.inUse != null && !StudioRecord.STOPPED.equals(s.inUse.phase)) {
            s.inUse.phase = StudioRecord.STOPPED;
            s.inUse.initialRestoreFinished = false;
            s.inUse.topUpRestoreFinished = false;
            s.lastStopReason = "emulator restarted";
        }
        if (StudioRecord.SYNCING.equals(s.state)) {
            s.state = StudioRecord.READY;
        }
    }

    Identity identity() {
        return identity;
    }

    synchronized <T> T read(Supplier<T> op) {
        return op.get();
    }

    synchronized <T> T write(Supplier<T> op) {
        T result = op.get();
        save();
        return result;
    }

    synchronized void update(Runnable op) {
        op.run();
        save();
    }

    synchronized void save() {
        if (file == null) {
            return;
        }
        StateFile.Snapshot s = new StateFile.Snapshot();
        s.userId = identity.userId();
        s.apiKey = identity.apiKey();
        s.username = identity.username();
        s.seq = seq;
        s.retiredMachineSeconds = retiredMachineSeconds;
        s.studios = new ArrayList<>(studios.values());
        s.endpoints = new ArrayList<>(endpoints.values());
        file.save(s);
    }

    Path dir(StudioRecord s) {
        return studiosRoot.resolve(s.id);
    }

    // The methods below expect the caller to hold the lock (inside read/write/update).

    StudioRecord studio(String projectId, String id) {
        StudioRecord s = studios.get(id);
        if (s == null || !s.projectId.equals(projectId)) {
            throw ApiError.notFound("studio " + id + " not found in project " + projectId
                    + "; list studios with GET /v1/projects/" + projectId + "/cloudspaces?userId=...");
        }
        return s;
    }

    StudioRecord byId(String id) {
        return studios.get(id);
    }

    StudioRecord byName(String projectId, String name) {
        for (StudioRecord s : studios.values()) {
            if (s.projectId.equals(projectId) && s.name.equals(name)) {
                return s;
            }
        }
        return null;
    }

    List<StudioRecord> studios() {
        List<StudioRecord> all = new ArrayList<>(studios.values());
        all.sort(Comparator.comparingLong(s -> s.seq));
        return all;
    }

    void add(StudioRecord s) {
        s.seq = ++seq;
        studios.put(s.id, s);
    }

    void remove(StudioRecord s) {
        studios.remove(s.id);
        endpoints.values().removeIf(e -> e.cloudspaceId().equals(s.id));
    }

    void retire(double machineSeconds) {
        retiredMachineSeconds += machineSeconds;
    }

    double retiredMachineSeconds() {
        return retiredMachineSeconds;
    }

    List<Endpoint> endpoints() {
        return new ArrayList<>(endpoints.values());
    }

    Endpoint endpoint(String id) {
        return endpoints.get(id);
    }

    void putEndpoint(Endpoint e) {
        endpoints.put(e.id(), e);
    }

    void removeEndpoint(String id) {
        endpoints.remove(id);
    }

    void clear() {
        studios.clear();
        endpoints.clear();
        retiredMachineSeconds = 0;
    }
}
