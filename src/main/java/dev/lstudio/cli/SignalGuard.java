package dev.lstudio.cli;

import dev.lstudio.dsl.Teardown;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * Makes SIGINT and SIGTERM run the teardown registry before the process exits 130 or 143.
 * The handler interrupts the script thread and gives the runner a grace period to unwind and
 * run teardown itself (so its messages come out in order); then it runs whatever is left and
 * exits. A second signal exits at once. Where {@code sun.misc.Signal} is missing, a shutdown
 * hook still runs teardown (the JVM then exits 130/143 by itself).
 */
final class SignalGuard implements AutoCloseable {
    static final long GRACE_SECONDS = 30;
    private static final long LIMIT_POLL_MILLIS = 250;

    private final Teardown teardown;
    private final Console console;
    private final Thread scriptThread;
    private final IntConsumer exit;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final CountDownLatch scriptEnded = new CountDownLatch(1);
    private final Thread hook;
    private final long graceSeconds;
    private volatile ExitCode received;
    private Object previousInt;
    private Object previousTerm;

    private SignalGuard(Teardown teardown, Console console, Thread scriptThread, IntConsumer exit, long graceSeconds) {
        this.teardown = teardown;
        this.console = console;
        this.scriptThread = scriptThread;
        this.exit = exit;
        this.graceSeconds = graceSeconds;
        this.hook = new Thread(teardown::runAll, "lstudio-teardown-hook");
    }

    /** Installs the handlers for a run whose script runs on {@code scriptThread}. */
    static SignalGuard install(Teardown teardown, Console console, Thread scriptThread) {
        SignalGuard guard = new SignalGuard(teardown, console, scriptThread, System::exit, GRACE_SECONDS);
        Runtime.getRuntime().addShutdownHook(guard.hook);
        guard.previousInt = guard.tryHandle("INT", ExitCode.INTERRUPTED);
        guard.previousTerm = guard.tryHandle("TERM", ExitCode.TERMINATED);
        return guard;
    }

    /**
     * For the REPL: SIGTERM runs teardown at once (the REPL's thread waits on the keyboard, there
     * is nothing to unwind), and a closed terminal (SIGHUP ends the JVM) runs it from the
     * shutdown hook. SIGINT stays the terminal's: Ctrl-C stops an evaluation, not the session.
     */
    static SignalGuard installForRepl(Teardown teardown, Console console) {
        SignalGuard guard = new SignalGuard(teardown, console, Thread.currentThread(), System::exit, 0);
        Runtime.getRuntime().addShutdownHook(guard.hook);
        guard.previousTerm = guard.tryHandle("TERM", ExitCode.TERMINATED);
        return guard;
    }

    /** Each signal on its own: a JVM that refuses one (or lacks sun.misc.Signal) still gets the other. */
    private Object tryHandle(String name, ExitCode code) {
        try {
            return OsSignals.handle(name, () -> handle(code));
        } catch (LinkageError | RuntimeException e) {
            console.debug("no handler for SIG" + name + " (" + e + "); teardown runs from a shutdown hook");
            return null;
        }
    }

    /** For tests: a guard with no OS hooks whose exit is recorded instead of performed. */
    static SignalGuard detached(Teardown teardown, Console console, Thread scriptThread, IntConsumer exit) {
        return new SignalGuard(teardown, console, scriptThread, exit, GRACE_SECONDS);
    }

    /** The signal that ended the run, or null. */
    ExitCode received() {
        return received;
    }

    void handle(ExitCode signal) {
        if (received != null) {
            console.error("lstudio: second signal; exiting without waiting for teardown");
            Runtime.getRuntime().halt(received.code());
        }
        received = signal;
        console.error("lstudio: " + (signal == ExitCode.INTERRUPTED ? "interrupted (SIGINT)" : "terminated (SIGTERM)")
                + "; running teardown");
        scriptThread.interrupt();
        try {
            finished.await(graceSeconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        teardown.runAll();
        exit.accept(signal.code());
    }

    /**
     * Watches for a limit that ran out ({@code timeout}, {@code maxRuntime}, {@code budget}) while
     * the script goes on: its thread was interrupted, but code that ignores interrupts (a loop
     * that never waits, Groovy's {@code sleep}) would keep the run, and a studio it left running,
     * alive for ever. If the script has not returned {@link #GRACE_SECONDS} after the limit, this
     * runs teardown and exits 124, as a signal would.
     */
    void watchLimits(Supplier<? extends Throwable> overdue) {
        Thread watcher = new Thread(() -> {
            try {
                Throwable limit = null;
                while (limit == null) {
                    if (scriptEnded.await(LIMIT_POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                        return;
                    }
                    limit = overdue.get();
                }
                if (!scriptEnded.await(GRACE_SECONDS, TimeUnit.SECONDS) && received == null) {
                    console.error("lstudio: " + limit.getMessage() + "; the script did not stop within " + GRACE_SECONDS
                            + "s of being interrupted (code that never waits, or Groovy's sleep, which ignores"
                            + " interrupts; Thread.sleep does not); running teardown");
                    teardown.runAll();
                    exit.accept(ExitCode.TIMEOUT.code());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "lstudio-limit-guard");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** The script returned (or threw): from here the runner does the teardown. */
    void scriptEnded() {
        scriptEnded.countDown();
    }

    @Override
    public void close() {
        scriptEnded.countDown();
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // Shutting down already (the hook is running or ran), or never added (detached).
        }
        if (received == null) {
            OsSignals.restore("INT", previousInt);
            OsSignals.restore("TERM", previousTerm);
        }
    }
}
