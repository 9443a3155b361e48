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

    ScriptRunner(Console console, GlobalOptions options, Map<String, String> env, boolean handleSignals) {
        this.console = console;
        this.options = options;
        this.env = env;
        this.dirs = Dirs.from(env);
        this.handleSignals = handleSignals;
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
            }
            return ExitCode.USAGE.code();
        }
        console.debug((holdsKey ? "compiled, not cached (the script holds the API key)"
                : (lookup.hit() ? "compiled-script cache hit" : "compiled and cached")) + " in "
                + (System.nanoTime() - started) / 1_000_000 + " ms" + (holdsKey ? "" : ": " + lookup.file()));
        return execute(source, lookup, args);
    }

    private int execute(ScriptSource source, ScriptCache.Lookup lookup, List<String> args) {
        Teardown teardown = Teardown.create(console::log);
        ContextFactory.Run run;
        try {
            run = ContextFactory.create(options, args, env, console, teardown, source.displayName());
        } catch (ContextFactory.SetupFailed e) {
            console.error("lstudio: " + e.getMessage());
            return ExitCode.USAGE.code();
        }
        DslContext context = run.context;
        SignalGuard guard = handleSignals ? SignalGuard.install(teardown, console, Thread.currentThread()) : null;
        if (guard != null) {
            guard.watchLimits(context::overdueLimit);
        }
        String mainClass = lookup.script().mainClassName();
        int status = ExitCode.SCRIPT_FAILED.code();
        try {
            long cleanup = System.nanoTime();
            CleanupCommand.beforeRun(dirs.owned(), context, console);
            SharedCleanupCommand.beforeRun(context, console, env);
            console.debug("ledger of owned studios checked in " + (System.nanoTime() - cleanup) / 1000 + " us");
            if (guard != null && guard.received() != null) {
                throw new InterruptedException("signal during the cleanup of studios left running");
            }
            lookup.script().newInstance(context).run();
            status = ExitCode.SUCCESS.code();
        } catch (Throwable failure) { // scripts throw anything, checked exceptions included
            Throwable limit = context.expiredLimit();
            status = report(source, mainClass, limit != null ? limit : failure, guard);
        } finally {
            if (guard != null) {
                guard.scriptEnded();
            }
            List<Throwable> failures = teardown.runAll();
            if (!failures.isEmpty()) {
                console.error("lstudio: " + failures.size() + " teardown action(s) failed; see the lines above");
            }
            if (status == ExitCode.SUCCESS.code() && context.expiredLimit() != null) {
                status = report(source, mainClass, context.expiredLimit(), guard);
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

    private int report(ScriptSource source, String mainClass, Throwable failure, SignalGuard guard) {
        if (guard != null && guard.received() != null) {
            console.debug("script ended by the signal: " + failure);
            return guard.received().code();
        }
        ExitCode code = ExitCode.of(failure);
        String where = ScriptLocation.of(failure, mainClass, source.displayName());
        console.error("lstudio: " + ErrorLine.of(failure) + (where.isEmpty() ? "" : " (at " + where + ")"));
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
