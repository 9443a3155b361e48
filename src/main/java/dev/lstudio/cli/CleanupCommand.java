package dev.lstudio.cli;

import dev.lstudio.client.CleanupOutcome;
import dev.lstudio.client.Dirs;
import dev.lstudio.client.Cleanup;
import dev.lstudio.dsl.DslContext;
import dev.lstudio.dsl.ErrorLine;
import dev.lstudio.dsl.JsonLines;
import dev.lstudio.dsl.Teardown;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@code lstudio cleanup [--dry-run]}: stops the studios that runs which ended without stopping
 * them left in the ledger of owned studios (see {@link Cleanup}), one line per studio on
 * stderr (and a JSON line each on stdout with {@code --json}); exits non-zero when a studio
 * could not be stopped. {@link #beforeRun} does the same quietly at the start of every run.
 */
final class CleanupCommand {
    private final Console console;
    private final GlobalOptions options;
    private final Map<String, String> env;

    CleanupCommand(Console console, GlobalOptions options, Map<String, String> env) {
        this.console = console;
        this.options = options;
        this.env = env;
    }

    int run(boolean dryRun) {
        Path folder = Dirs.from(env).owned();
        if (!Cleanup.anyRecords(folder)) {
            console.log("cleanup: no studios in the ledger (" + folder + "); nothing to do");
            return ExitCode.SUCCESS.code();
        }
        ContextFactory.Run run;
        try {
            run = ContextFactory.create(options, List.of(), env, console, Teardown.create(console::log), "lstudio cleanup");
        } catch (ContextFactory.SetupFailed e) {
            console.error("lstudio: " + e.getMessage());
            return ExitCode.USAGE.code();
        }
        try {
            List<CleanupOutcome> outcomes = Cleanup.in(folder).dryRun(dryRun).teamspace(options.teamspace)
                    .warnings(w -> console.log("warning: " + w))
                    .each(this::print)
                    .run(run.context::client);
            return summary(outcomes, dryRun);
        } catch (RuntimeException e) { // no credentials, an unknown --teamspace
            console.error("lstudio: cleanup: " + ErrorLine.of(e));
            return ExitCode.of(e).code();
        } finally {
            run.close();
        }
    }

    private void print(CleanupOutcome outcome) {
        if (outcome.action() == CleanupOutcome.Action.FAILED) {
            console.error("lstudio: " + outcome.message());
        } else {
            console.log(outcome.message());
        }
        if (options.json) {
            console.out().println(JsonLines.write(outcome.toMap()));
        }
    }

    private int summary(List<CleanupOutcome> outcomes, boolean dryRun) {
        Map<CleanupOutcome.Action, Integer> counts = new EnumMap<>(CleanupOutcome.Action.class);
        outcomes.forEach(o -> counts.merge(o.action(), 1, Integer::sum));
        int dropped = (int) outcomes.stream().filter(o -> o.action().dropsRecord()).count();
        int failed = counts.getOrDefault(CleanupOutcome.Action.FAILED, 0);
        int leftAlone = outcomes.size() - dropped - failed - counts.getOrDefault(CleanupOutcome.Action.WOULD_STOP, 0);
        String line = dryRun
                ? "cleanup --dry-run: would stop " + counts.getOrDefault(CleanupOutcome.Action.WOULD_STOP, 0)
                        + ", would drop " + dropped + " record(s), " + leftAlone + " left alone; nothing was changed"
                : "cleanup: stopped " + counts.getOrDefault(CleanupOutcome.Action.STOPPED, 0) + ", dropped "
                        + dropped + " record(s), " + leftAlone + " left alone" + (failed > 0 ? ", " + failed
                        + " could not be stopped" : "");
        console.log(line);
        return outcomes.stream().filter(o -> o.failure() != null).findFirst()
                .map(o -> ExitCode.of(o.failure()).code()).orElse(ExitCode.SUCCESS.code());
    }

    /**
     * At the start of a run (or a REPL session): the same cleanup, silent unless it stops a
     * studio (one line each) or cannot; never fails the caller. With no ledger folder, or an
     * empty one, it costs one folder check: no file is read and the client is not built.
     */
    static void beforeRun(Path ownedFolder, DslContext context, Console console) {
        if (!Cleanup.anyRecords(ownedFolder)) {
            return;
        }
        try {
            Cleanup.in(ownedFolder).showProgress(false)
                    .warnings(w -> console.log("warning: " + w))
                    .each(o -> {
                        if (o.action() == CleanupOutcome.Action.STOPPED) {
                            console.log(o.message());
                        } else if (o.action() == CleanupOutcome.Action.FAILED) {
                            console.log("warning: " + o.message());
                        }
                    })
                    .run(context::client);
        } catch (RuntimeException e) {
            console.log("warning: could not check for studios left running by ended runs: " + ErrorLine.of(e)
                    + "; run 'lstudio cleanup' to retry");
        }
    }
}
