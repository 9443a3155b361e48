package dev.lstudio.emulator;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.stream.Stream;

/**
 * One command running in a studio: its process (a session leader, so the whole process group can
 * be ended), and its merged stdout+stderr as it grows.
 */
final class CommandRun {
    static final int MAX_OUTPUT = 16 * 1024 * 1024;
    private static final long QUIET_NANOS = 500_000_000L;
    private static final long LINGER_NANOS = 2_000_000_000L;

    final String session;
    final String command;
    private final Process process;
    private final boolean ownGroup;
    private final StringBuilder output = new StringBuilder();
    private boolean eof;
    private boolean done;
    private boolean truncated;
    private int exitCode = -1;
    private long lastOutputNanos = System.nanoTime();
    private final java.time.Instant startedAt = java.time.Instant.now().minusSeconds(1);
    private long finishedNanos;

    /** What arrived after an offset, and whether the command has ended with it. */
    record Chunk(String text, int end, boolean done, int exitCode) {
    }

    private CommandRun(String session, String command, Process process, boolean ownGroup) {
        this.session = session;
        this.command = command;
        this.process = process;
        this.ownGroup = ownGroup;
    }

    static CommandRun start(String session, String command, ProcessBuilder builder, boolean ownGroup,
                            Executor threads) throws IOException {
        CommandRun run = new CommandRun(session, command, builder.start(), ownGroup);
        threads.execute(run::pump);
        run.process.onExit().thenRunAsync(run::settle, threads);
        return run;
    }

    private void pump() {
        char[] buf = new char[8192];
        try (Reader in = new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                append(buf, n);
            }
        } catch (IOException e) {
            // the process was killed or its pipe closed: what was read is what there is
        }
        synchronized (this) {
            eof = true;
            notifyAll();
        }
    }

    /**
     * Ends the run once the shell has exited and its output is drained. A background child may
     * keep the pipe open for ever; the run still ends shortly after the shell, as exec APIs do.
     */
    private void settle() {
        long exited = System.nanoTime();
        int code = process.exitValue();
        synchronized (this) {
            while (!eof && !done) {
                long now = System.nanoTime();
                boolean quiet = now - exited >= QUIET_NANOS && now - lastOutputNanos >= QUIET_NANOS;
                if (quiet || now - exited >= LINGER_NANOS) {
                    break;
                }
                try {
                    wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            finish(code);
        }
    }

    private synchronized void append(char[] buf, int n) {
        lastOutputNanos = System.nanoTime();
        if (done) {
            return;
        }
        if (output.length() + n > MAX_OUTPUT) {
            if (!truncated) {
                truncated = true;
                output.append("\n[lstudio emulator: output truncated at 16 MiB]\n");
            }
        } else {
            output.append(buf, 0, n);
        }
        notifyAll();
    }

    private synchronized void finish(int code) {
        if (!done) {
            done = true;
            exitCode = code;
            finishedNanos = System.nanoTime();
            notifyAll();
        }
    }

    synchronized boolean done() {
        return done;
    }

    synchronized long finishedNanos() {
        return finishedNanos;
    }

    synchronized Chunk all() {
        return new Chunk(output.toString(), output.length(), done, done ? exitCode : -1);
    }

    /** Waits until the command ends or the time is up, and returns what it has. */
    synchronized Chunk awaitExit(long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        while (!done) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return all();
    }

    /**
     * Output after {@code offset}, at most {@code max} characters of it, waiting up to the timeout
     * for some to arrive or for the end. Done only with the last piece, so a stream of a big output
     * is many events of a bounded size, as a real server's would be.
     */
    synchronized Chunk since(int offset, int max, long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        while (output.length() <= offset && !done) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        int from = Math.min(offset, output.length());
        int to = (int) Math.min(output.length(), (long) from + max);
        boolean last = done && to == output.length();
        return new Chunk(output.substring(from, to), to, last, last ? exitCode : -1);
    }

    /** Ends the command and everything it started (its process group and its descendants). */
    void kill() {
        List<ProcessHandle> victims = processes();
        process.destroyForcibly();
        victims.forEach(ProcessHandle::destroyForcibly);
    }

    /** The shell, its descendants and what is left of its process group (e.g. servers started with &). */
    List<ProcessHandle> processes() {
        List<ProcessHandle> all = new ArrayList<>();
        if (process.isAlive()) {
            all.add(process.toHandle());
        }
        process.descendants().forEach(all::add);
        if (ownGroup) {
            // A finished run's group id may since have been reused: only take processes born after it.
            for (ProcessHandle p : groupMembers(process.pid())) {
                if (!all.contains(p) && p.info().startInstant().map(t -> !t.isBefore(startedAt)).orElse(false)) {
                    all.add(p);
                }
            }
        }
        return all;
    }

    /** Processes whose process group is {@code pgid}, read from /proc; empty where there is no /proc. */
    static List<ProcessHandle> groupMembers(long pgid) {
        List<ProcessHandle> out = new ArrayList<>();
        if (pgid == ownGroup()) {
            return out;
        }
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.forEach(p -> {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit) || groupOf(p) != pgid) {
                    return;
                }
                ProcessHandle.of(Long.parseLong(name)).ifPresent(out::add);
            });
        } catch (IOException | RuntimeException e) {
            // no /proc: descendants are all we can find
        }
        return out;
    }

    private static long ownGroup() {
        return groupOf(Path.of("/proc/self"));
    }

    private static long groupOf(Path proc) {
        try {
            String stat = Files.readString(proc.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[2]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
