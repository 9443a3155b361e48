package dev.lstudio.emulator;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;

/**
 * Runs studio commands for real: {@code /bin/sh -c} in the studio's directory with its env vars
 * and a PATH that has the machine's {@code nvidia-smi}. Keeps each studio's sessions so they can
 * be polled and streamed, and ends them all when the studio stops.
 */
final class ShellSessions {
    private static final int SESSIONS_KEPT = 200;
    private static final String SETSID = "/usr/bin/setsid";

    private final ExecutorService threads;
    private final Path binRoot;
    private final boolean hostHasNvidiaSmi;
    private final boolean useSetsid = Files.isExecutable(Path.of(SETSID));
    private final Map<String, Map<String, CommandRun>> sessions = new HashMap<>();

    ShellSessions(ExecutorService threads, Path binRoot) {
        this.threads = threads;
        this.binRoot = binRoot;
        this.hostHasNvidiaSmi = onHostPath("nvidia-smi");
    }

    private static boolean onHostPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return true;
            }
        }
        return false;
    }

    /** Starts a command; the caller holds the store lock and has checked that the studio runs. */
    synchronized CommandRun launch(StudioRecord studio, Path dir, String command, String sessionName) {
        Map<String, CommandRun> runs = sessions.computeIfAbsent(studio.id, k -> new LinkedHashMap<>());
        String name = sessionName == null || sessionName.isBlank()
                ? "session-" + UUID.randomUUID().toString().substring(0, 13) : sessionName;
        CommandRun old = runs.get(name);
        if (old != null && !old.done()) {
            throw ApiError.alreadyExists("session '" + name + "' is still running a command;"
                    + " poll it with GET .../execute/" + name + " or use another session name");
        }
        ProcessBuilder pb = new ProcessBuilder(useSetsid
                ? List.of(SETSID, "/bin/sh", "-c", command) : List.of("/bin/sh", "-c", command));
        pb.directory(dir.toFile());
        pb.redirectErrorStream(true);
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> env = pb.environment();
        env.clear();
        env.putAll(environment(studio, dir));
        CommandRun run;
        try {
            Files.createDirectories(dir);
            run = CommandRun.start(name, command, pb, useSetsid, threads);
        } catch (IOException e) {
            throw ApiError.internal("could not start /bin/sh in " + dir + ": " + e.getMessage());
        }
        runs.remove(name);
        runs.put(name, run);
        trim(runs);
        return run;
    }

    private static void trim(Map<String, CommandRun> runs) {
        var it = runs.entrySet().iterator();
        while (runs.size() > SESSIONS_KEPT && it.hasNext()) {
            if (it.next().getValue().done()) {
                it.remove();
            }
        }
    }

    /** The host's environment without its credentials, then the studio's own variables. */
    private Map<String, String> environment(StudioRecord studio, Path dir) {
        Map<String, String> env = new HashMap<>();
        System.getenv().forEach((k, v) -> {
            if (!secretLooking(k)) {
                env.put(k, v);
            }
        });
        String hostPath = env.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        String extra = nvidiaDir(studio.inUse == null ? studio.machine : studio.inUse.machine);
        env.put("PATH", extra == null ? hostPath : extra + File.pathSeparator + hostPath);
        env.put("PWD", dir.toString());
        env.put("LIGHTNING_CLOUD_SPACE_ID", studio.id);
        env.put("LIGHTNING_CLOUD_PROJECT_ID", studio.projectId);
        env.put("LIGHTNING_CLOUD_SPACE_NAME", studio.name);
        env.put("LIGHTNING_MACHINE", studio.inUse == null ? studio.machine : studio.inUse.machine);
        env.put("LSTUDIO_EMULATOR", "1");
        for (StudioRecord.EnvVar v : studio.envVars) {
            env.put(v.name(), v.value());
        }
        return env;
    }

    static boolean secretLooking(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        return n.startsWith("LIGHTNING_") || n.contains("API_KEY") || n.contains("SECRET") || n.contains("TOKEN")
                || n.contains("PASSWORD") || n.contains("CREDENTIAL");
    }

    private String nvidiaDir(String slug) {
        try {
            MachineCatalog.Machine m = MachineCatalog.require(slug);
            if (m.hasGpu()) {
                return NvidiaSmi.binDir(binRoot, m).toString();
            }
            // CPU machines have no nvidia-smi, even when this host has one.
            return hostHasNvidiaSmi ? NvidiaSmi.missingDir(binRoot).toString() : null;
        } catch (IOException e) {
            throw ApiError.internal("could not write nvidia-smi for " + slug + ": " + e.getMessage());
        }
    }

    synchronized CommandRun session(String studioId, String name) {
        Map<String, CommandRun> runs = sessions.get(studioId);
        return runs == null ? null : runs.get(name);
    }

    synchronized boolean busy(String studioId) {
        Map<String, CommandRun> runs = sessions.get(studioId);
        return runs != null && runs.values().stream().anyMatch(r -> !r.done());
    }

    /** When the studio's last command ended (0 if none has). */
    synchronized long lastFinishedNanos(String studioId) {
        Map<String, CommandRun> runs = sessions.get(studioId);
        long last = 0;
        if (runs != null) {
            for (CommandRun r : runs.values()) {
                if (r.done()) {
                    last = Math.max(last, r.finishedNanos());
                }
            }
        }
        return last;
    }

    /** Ends every command the studio has started, including ones left running in the background. */
    void killStudio(String studioId) {
        List<CommandRun> victims;
        synchronized (this) {
            Map<String, CommandRun> runs = sessions.get(studioId);
            victims = runs == null ? List.of() : new ArrayList<>(runs.values());
        }
        victims.forEach(CommandRun::kill);
    }

    /** Every process the studio's commands have left running. */
    List<ProcessHandle> processes(String studioId) {
        List<CommandRun> runs;
        synchronized (this) {
            Map<String, CommandRun> all = sessions.get(studioId);
            runs = all == null ? List.of() : new ArrayList<>(all.values());
        }
        List<ProcessHandle> out = new ArrayList<>();
        runs.forEach(r -> out.addAll(r.processes()));
        return out;
    }

    void forget(String studioId) {
        killStudio(studioId);
        synchronized (this) {
            sessions.remove(studioId);
        }
    }

    void killAll() {
        List<String> ids;
        synchronized (this) {
            ids = new ArrayList<>(sessions.keySet());
        }
        ids.forEach(this::killStudio);
    }
}
