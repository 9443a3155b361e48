package dev.lstudio.cli;

import dev.lstudio.client.Dirs;
import dev.lstudio.client.Failure;
import dev.lstudio.dsl.DslContext;
import dev.lstudio.dsl.DslException;
import dev.lstudio.dsl.ErrorLine;
import dev.lstudio.dsl.ScriptCache;
import dev.lstudio.dsl.ScriptCompileException;
import dev.lstudio.dsl.ScriptCompiler;
import dev.lstudio.dsl.Teardown;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Runs one script headlessly: lock, load (from the compiled-script cache when it can), stop
 * what ended runs left running (see {@link CleanupCommand#beforeRun}), run with a fresh
 * teardown registry, report, and always run teardown before returning the exit status.
 */
final class ScriptRunner {
    private final Console console;
    private final GlobalOptions options;
    private final Map<String, String> env;
    private final Dirs dirs;
    private final boolean handleSignals;
    private boolean printLastValue;
    private boolean stdoutTerminal;
    private java.util.function.BooleanSupplier printedAlready;

    ScriptRunner(Console console, GlobalOptions options, Map<String, String> env, boolean handleSignals) {
        this.console = console;
        this.options = options;
        this.env = env;
        this.dirs = Dirs.from(env);
        this.handleSignals = handleSignals;
    }

    /**
     * {@code lstudio -e}: after the script, its last expression's value is printed (see
     * {@link LastValue}), unless the script printed results of its own: then it has said what it
     * had to ({@code studio('x') { start; exec 'nvidia-smi'; stop() }} ends with the studio, which
     * would only repeat what its output and the summary said).
     */
    ScriptRunner printingLastValue(boolean stdoutTerminal, java.util.function.BooleanSupplier printedAlready) {
        this.printLastValue = true;
        this.stdoutTerminal = stdoutTerminal;
        this.printedAlready = printedAlready;
        return this;
    }

    int run(ScriptSource source, List<String> args, boolean lockByDefault) {
        RunLock lock = null;
        try {
            if (options.lock(lockByDefault)) {
                lock = RunLock.acquire(dirs.locks(), source.lockKey(), source.lockName());
            }
            return load(source, args);
        } catch (RunLock.Held e) {
            console.error("lstudio: " + e.getMessage());
            return e.exitCode().code();
        } catch (IOException e) {
            console.error("lstudio: cannot take the run lock in " + dirs.locks() + ": " + e.getMessage()
                    + "; pass --no-lock to run without it");
            return ExitCode.USAGE.code();
        } finally {
            closeQuietly(lock);
        }
    }

    private int load(ScriptSource source, List<String> args) {
        ScriptCache.Lookup lookup;
        long started = System.nanoTime();
        String text = source.text();
        boolean holdsKey = !console.redaction().redact(text).equals(text);
        try {
            // a script that holds the key is compiled in memory only: the cache would keep the key on disk
            lookup = holdsKey
                    ? new ScriptCache.Lookup(ScriptCompiler.create().compile(source.className(), text), false, null)
                    : ScriptCache.at(dirs.scripts(), Version.get()).load(source.className(), text, ScriptCompiler::create);
        } catch (ScriptCompileException e) {
            for (ScriptCompileException.Problem p : e.problems()) {
                console.error(p.line() > 0
                        ? source.displayName() + ":" + p.line() + ":" + p.column() + ": " + p.message()
                        : source.displayName() + ": " + p.message());
                p.excerpt().forEach(console::error);
            }
            return ExitCode.USAGE.code();
        }
        console.debug((holdsKey ? "compiled, not cached (the script holds the API key)"
                : (lookup.hit() ? "compiled-script cache hit" : "compiled and cached")) + " in "
                + (System.nanoTime() - started) / 1_000_000 + " ms" + (holdsKey ? "" : ": " + lookup.file()));
        ScriptCache.Lookup loaded = lookup;
        return execute(source.displayName(), loaded.script().mainClassName(), args, context -> {
            Object value = loaded.script().newInstance(context).run();
            if (printLastValue && !printedAlready.getAsBoolean()) {
                LastValue.print(value, console.out(), options.json, stdoutTerminal);
            }
            return ExitCode.SUCCESS.code();
        });
    }

    /** What a run runs: a compiled script, or a command given in Java (lstudio exec --start); returns the exit status. */
    @FunctionalInterface
    interface Body {
        int run(DslContext context) throws Exception;
    }

    /**
     * Runs {@code body} as a script is run, with no lock and no compiler: the same cleanup first, a
     * teardown that stops what it started, signals and limits watched, failures reported and
     * mapped to exit codes. {@code displayName} names the run in the ledger and in error lines.
     */
    int run(String displayName, Body body) {
        return execute(displayName, null, List.of(), body);
    }

    private int execute(String displayName, String mainClass, List<String> args, Body body) {
        Teardown teardown = Teardown.create(console::log);
        ContextFactory.Run run;
        try {
            run = ContextFactory.create(options, args, env, console, teardown, displayName);
        } catch (ContextFactory.SetupFailed e) {
            console.error("lstudio: " + e.getMessage());
            return ExitCode.USAGE.code();
        }
        DslContext context = run.context;
        SignalGuard guard = handleSignals ? SignalGuard.install(teardown, console, Thread.currentThread()) : null;
        if (guard != null) {
            guard.watchLimits(context::overdueLimit);
        }
        int status = ExitCode.SCRIPT_FAILED.code();
        try {
            long cleanup = System.nanoTime();
            CleanupCommand.beforeRun(dirs.owned(), context, console);
            SharedCleanupCommand.beforeRun(context, console, env);
            console.debug("ledger of owned studios checked in " + (System.nanoTime() - cleanup) / 1000 + " us");
            if (guard != null && guard.received() != null) {
                throw new InterruptedException("signal during the cleanup of studios left running");
            }
            status = body.run(context);
        } catch (Throwable failure) { // scripts throw anything, checked exceptions included
            Throwable limit = context.expiredLimit();
            status = report(displayName, mainClass, limit != null ? limit : failure, guard);
        } finally {
            if (guard != null) {
                guard.scriptEnded();
            }
            List<Throwable> failures = teardown.runAll();
            if (!failures.isEmpty()) {
                console.error("lstudio: " + failures.size() + " teardown action(s) failed; see the lines above");
            }
            if (status == ExitCode.SUCCESS.code() && context.expiredLimit() != null) {
                status = report(displayName, mainClass, context.expiredLimit(), guard);
            }
            status = afterTeardown(status, failures, guard);
            run.close();
            if (guard != null) {
                guard.close();
            }
            console.finish();
        }
        return status;
    }

    private static int afterTeardown(int status, List<Throwable> failures, SignalGuard guard) {
        if (guard != null && guard.received() != null) {
            return guard.received().code();
        }
        return status == ExitCode.SUCCESS.code() && !failures.isEmpty() ? ExitCode.SCRIPT_FAILED.code() : status;
    }

    private int report(String displayName, String mainClass, Throwable failure, SignalGuard guard) {
        if (guard != null && guard.received() != null) {
            console.debug("script ended by the signal: " + failure);
            return guard.received().code();
        }
        ExitCode code = ExitCode.of(failure);
        String where = mainClass == null ? "" : ScriptLocation.of(failure, mainClass, displayName);
        String line = ErrorLine.of(failure) + (where.isEmpty() ? "" : " (at " + where + ")");
        if (ErrorLine.commandFailure(failure) != null) {
            console.failure(line); // part of the run's log, which says when: cron.md's alert mails this line
        } else {
            console.error("lstudio: " + line);
        }
        if (console.debugging()) {
            console.stackTrace(failure);
        } else if (code == ExitCode.SCRIPT_FAILED && !(failure instanceof DslException)
                && !Failure.explained(failure)) {
            console.error("lstudio: run with --debug for the full stack trace");
        }
        return code.code();
    }

    private static void closeQuietly(RunLock lock) {
        if (lock != null) {
            try {
                lock.close();
            } catch (IOException e) {
                // The OS releases the lock when the process exits anyway.
            }
        }
    }
}
