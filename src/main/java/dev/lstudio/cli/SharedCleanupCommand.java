package dev.lstudio.cli;

import dev.lstudio.client.LightningClient;
import dev.lstudio.client.SharedCleanup;
import dev.lstudio.client.Teamspace;
import dev.lstudio.dsl.DslContext;
import dev.lstudio.dsl.ErrorLine;
import dev.lstudio.dsl.JsonLines;
import dev.lstudio.dsl.Teardown;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@code lstudio cleanup --shared [--grace DURATION] [--dry-run] [--json]}: the pass of
 * {@link SharedCleanup} over the teamspace's running Studios (the one of {@code --teamspace}, or
 * the default), a line per Studio on stderr (and a JSON line each on stdout with {@code --json}),
 * a summary, and the exit code of a run: non-zero when a Studio whose lease expired could not be
 * stopped. {@link #beforeRun} does the same at the start of a run when
 * {@value #AT_START_VAR}{@code =on}.
 */
final class SharedCleanupCommand {
    static final String AT_START_VAR = "LSTUDIO_SHARED_CLEANUP";

    private final Console console;
    private final GlobalOptions options;
    private final Map<String, String> env;

    SharedCleanupCommand(Console console, GlobalOptions options, Map<String, String> env) {
        this.console = console;
        this.options = options;
        this.env = env;
    }

    int run(Commands.Cleanup command) {
        if (!command.shared) {
            console.error("lstudio: cleanup: --grace goes with --shared");
            return ExitCode.USAGE.code();
        }
        if (command.host != null || command.allHosts || command.yes) {
            console.error("lstudio: cleanup: --shared judges studios by their lease, not by host: leave out "
                    + "--host, --all-hosts and --yes");
            return ExitCode.USAGE.code();
        }
        if (command.grace != null && command.grace.isNegative()) {
            console.error("lstudio: cleanup: --grace must not be negative");
            return ExitCode.USAGE.code();
        }
        ContextFactory.Run run;
        try {
            run = ContextFactory.create(options, List.of(), env, console, Teardown.create(console::log),
                    "lstudio cleanup --shared");
        } catch (ContextFactory.SetupFailed e) {
            console.error("lstudio: " + e.getMessage());
            return ExitCode.USAGE.code();
        }
        try {
            LightningClient client = run.context.client();
            Teamspace teamspace = client.teamspaceOrDefault(options.teamspace);
            SharedCleanup pass = new SharedCleanup().dryRun(command.dryRun).stopTimeout(command.timeout)
                    .warnings(w -> console.log("warning: " + w)).each(this::print);
            if (command.grace != null) {
                pass.grace(command.grace);
            }
            return summary(pass.run(client, teamspace), command.dryRun, teamspace);
        } catch (RuntimeException e) { // no credentials, an unknown --teamspace
            console.error("lstudio: cleanup: " + ErrorLine.of(e));
            return ExitCode.of(e).code();
        } finally {
            run.close();
        }
    }

    private void print(SharedCleanup.Outcome outcome) {
        if (outcome.verdict() == SharedCleanup.Verdict.FAILED) {
            console.error("lstudio: " + outcome.message());
        } else {
            console.log(outcome.message());
        }
        if (options.json) {
            console.out().println(JsonLines.write(outcome.toMap()));
        }
    }

    private int summary(List<SharedCleanup.Outcome> outcomes, boolean dryRun, Teamspace teamspace) {
        Map<SharedCleanup.Verdict, Integer> counts = new EnumMap<>(SharedCleanup.Verdict.class);
        outcomes.forEach(o -> counts.merge(o.verdict(), 1, Integer::sum));
        int stopped = counts.getOrDefault(dryRun ? SharedCleanup.Verdict.WOULD_STOP : SharedCleanup.Verdict.STOPPED, 0);
        int failed = counts.getOrDefault(SharedCleanup.Verdict.FAILED, 0);
        console.log("cleanup --shared" + (dryRun ? " --dry-run" : "") + " in teamspace " + teamspace.label() + ": "
                + outcomes.size() + " running, " + (dryRun ? "would stop " : "stopped ") + stopped + ", "
                + (outcomes.size() - stopped - failed) + " left alone" + (failed > 0 ? ", " + failed + " could not be stopped" : "")
                + (dryRun ? "; nothing was changed" : ""));
        return outcomes.stream().filter(o -> o.failure() != null).findFirst()
                .map(o -> ExitCode.of(o.failure()).code()).orElse(ExitCode.SUCCESS.code());
    }

    /**
     * At the start of a run, when {@value #AT_START_VAR}{@code =on}: the same pass, silent unless
     * it stops a Studio (a line each) or cannot; never fails the run.
     */
    static void beforeRun(DslContext context, Console console, Map<String, String> env) {
        if (!"on".equalsIgnoreCase(String.valueOf(env.get(AT_START_VAR)).strip())) {
            return;
        }
        try {
            new SharedCleanup().warnings(w -> console.log("warning: " + w))
                    .each(o -> {
                        if (o.verdict() == SharedCleanup.Verdict.STOPPED) {
                            console.log(o.message());
                        } else if (o.verdict() == SharedCleanup.Verdict.FAILED) {
                            console.log("warning: " + o.message());
                        }
                    })
                    .run(context.client(), context.client().teamspaceOrDefault(context.teamspace()));
        } catch (RuntimeException e) {
            console.log("warning: the shared cleanup (" + AT_START_VAR + "=on) could not run: " + ErrorLine.of(e)
                    + "; run 'lstudio cleanup --shared' to retry");
        }
    }
}
