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
 *
 * <p>The host is told by its machine id where there is one: each {@code docker run} gets a new
 * hostname, but the same image (or a mounted {@code /etc/machine-id}) keeps the id, so a shared
 * HOME volume does not turn every earlier run into "another host". The hostname stays for the
 * messages, and decides alone for records written before the id was kept (machine null).
 */
public record Owner(long pid, Instant started, String host, String script, String machine) {

    /** A record of an lstudio that kept no machine id: judged by the hostname alone. */
    public Owner(long pid, Instant started, String host, String script) {
        this(pid, started, host, script, null);
    }

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
        return new Owner(self.pid(), self.info().startInstant().orElse(null), currentHost(), script,
                currentMachine());
    }

    /** Whether this record was written on the host this process runs on. */
    public boolean thisHost() {
        String here = currentMachine();
        if (machine != null && here != null) {
            return machine.equals(here);
        }
        return host == null || host.equals(currentHost());
    }

    /** Whether {@code name} (as {@code --host} gives it) names this owner's host: its hostname or machine id. */
    public boolean onHost(String name) {
        return name != null && (name.equals(host) || name.equals(machine));
    }

    public Liveness liveness() {
        return thisHost() ? localLiveness() : Liveness.ELSEWHERE;
    }

    /** As if the owner ran on this host: for records a person has taken over with {@code --host}. */
    public Liveness localLiveness() {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive() || zombie(pid)) {
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
     * A killed process its parent has not reaped yet still "is alive" to {@link ProcessHandle},
     * but will never stop a studio: its state in {@code /proc/PID/stat} (after the name, which
     * may hold spaces and parentheses) is Z (zombie) or X (dead).
     */
    private static boolean zombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            int end = stat.lastIndexOf(')');
            if (end < 0 || end + 2 >= stat.length()) {
                return false;
            }
            char state = stat.charAt(end + 2);
            return state == 'Z' || state == 'X';
        } catch (IOException | RuntimeException e) {
            return false; // not Linux, or gone meanwhile (then isAlive says so next time)
        }
    }

    /** The machine id ({@code /etc/machine-id}, else dbus's copy); null where there is none. */
    static String currentMachine() {
        return MachineId.ID;
    }

    private static final class MachineId {
        static final String ID = find();

        private static String find() {
            for (String file : new String[] {"/etc/machine-id", "/var/lib/dbus/machine-id"}) {
                try {
                    String id = Files.readString(Path.of(file), StandardCharsets.US_ASCII).strip();
                    if (!id.isEmpty() && id.length() <= 64) {
                        return id;
                    }
                } catch (IOException | RuntimeException e) {
                    // missing or unreadable: try the next one
                }
            }
            return null;
        }
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
