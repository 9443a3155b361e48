package dev.lstudio.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The process that owns studios in the ledger: its pid and the instant it started (so that a
 * later process that happens to get the same pid is not taken for the owner), the host it runs
 * on (a ledger in a home folder shared between machines must not judge another host's pids),
 * and the script it runs, for the messages.
 */
public record Owner(long pid, Instant started, String host, String script) {

    /** Whether the owner still runs, as far as this host can tell. */
    public enum Liveness {
        /** Runs now (or it cannot be told apart from a process that does): its studios are its own. */
        RUNNING,
        /** Gone: its pid is free, or taken by a process that started at another instant. */
        ENDED,
        /** On another host: this one cannot tell. */
        ELSEWHERE
    }

    /** This process, running {@code script}. */
    public static Owner current(String script) {
        ProcessHandle self = ProcessHandle.current();
        return new Owner(self.pid(), self.info().startInstant().orElse(null), currentHost(), script);
    }

    public Liveness liveness() {
        if (host != null && !host.equals(currentHost())) {
            return Liveness.ELSEWHERE;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return Liveness.ENDED;
        }
        Optional<Instant> startedNow = process.get().info().startInstant();
        if (started == null || startedNow.isEmpty()) {
            return Liveness.RUNNING; // cannot tell a reused pid apart: never stop what a live process may own
        }
        return startedNow.get().equals(started) ? Liveness.RUNNING : Liveness.ENDED;
    }

    /** "run 1234 (script nightly.groovy)"; for a command's own name, "run 1234 (lstudio repl)". */
    public String describe() {
        if (script == null || script.isBlank()) {
            return "run " + pid;
        }
        return "run " + pid + (script.startsWith("lstudio ") ? " (" + script + ")" : " (script " + script + ")");
    }

    /**
     * The host name without a name-service lookup ({@code InetAddress.getLocalHost()} can wait on
     * DNS for seconds): the kernel's name on Linux, else the usual variables, else the lookup.
     */
    static String currentHost() {
        return Host.NAME;
    }

    private static final class Host {
        static final String NAME = find();

        private static String find() {
            try {
                String kernel = Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.UTF_8).strip();
                if (!kernel.isEmpty()) {
                    return kernel;
                }
            } catch (IOException | RuntimeException e) {
                // Not Linux: try the next source.
            }
            for (String variable : new String[] {"HOSTNAME", "COMPUTERNAME"}) {
                String value = System.getenv(variable);
                if (value != null && !value.isBlank()) {
                    return value.strip();
                }
            }
            try {
                return java.net.InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                return "localhost";
            }
        }
    }
}
