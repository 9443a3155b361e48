package dev.lstudio.cli;

import dev.lstudio.client.CleanupOutcome;
import dev.lstudio.client.Dirs;
import dev.lstudio.client.Cleanup;
import dev.lstudio.dsl.DslContext;
import dev.lstudio.dsl.ErrorLine;
import dev.lstudio.dsl.JsonLines;
import dev.lstudio.dsl.Teardown;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code lstudio cleanup [--dry-run] [--host NAME | --all-hosts] [--yes]}: stops the studios
 * that runs which ended without stopping them left in the ledger of owned studios (see
 * {@link Cleanup}), one line per studio on stderr (and a JSON line each on stdout with
 * {@code --json}); exits non-zero when a studio could not be stopped, and with
 * {@link ExitCode#LEFT_ALONE} when it left records it may not judge, each listed with how to
 * take it over: a cron job must not read "nothing left" from exit 0. {@link #beforeRun} does
 * the same quietly at the start of every run.
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

    /** {@code answers}: where a confirmation is read from, or null off a terminal (then {@code --yes} must be given). */
    int run(Commands.Cleanup command, InputStream answers) {
        if (command.shared || command.grace != null) {
            return new SharedCleanupCommand(console, options, env).run(command);
        }
        boolean dryRun = command.dryRun;
        if (command.host != null && command.allHosts) {
            console.error("lstudio: cleanup: give --host NAME or --all-hosts, not both");
            return ExitCode.USAGE.code();
        }
        Path folder = Dirs.from(env).owned();
        if (!Cleanup.anyRecords(folder)) {
            answer(dryRun, "cleanup: no studios in the ledger (" + folder + "); nothing to do");
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
            boolean takeOver = command.host != null || command.allHosts;
            if (takeOver && !dryRun && !command.yes && !confirmed(command, answers)) {
                return ExitCode.USAGE.code();
            }
            List<CleanupOutcome> outcomes = Cleanup.in(folder).dryRun(dryRun).teamspace(options.teamspace)
                    .takeOverHost(command.host).takeOverAllHosts(command.allHosts)
                    .stopTimeout(command.timeout)
                    .warnings(w -> console.log("warning: " + w))
                    .each(o -> print(o, dryRun))
                    .run(run.context::client);
            return summary(outcomes, dryRun);
        } catch (RuntimeException e) { // no credentials, an unknown --teamspace
            console.error("lstudio: cleanup: " + ErrorLine.of(e));
            return ExitCode.of(e).code();
        } finally {
            run.close();
        }
    }

    /** Taking over another host's records may stop what its live runs own: only when a person says so. */
    private boolean confirmed(Commands.Cleanup command, InputStream answers) {
        String whose = command.allHosts ? "every other host" : "host " + command.host;
        if (answers == null) {
            console.error("lstudio: cleanup: taking over the records of " + whose + " stops the studios of its ended"
                    + " runs; off a terminal add --yes to confirm");
            return false;
        }
        console.error("Take over the records of " + whose + "? Do so only if its runs no longer run. [y/N] ");
        try {
            String line = new BufferedReader(new InputStreamReader(answers, StandardCharsets.UTF_8)).readLine();
            if (line != null && (line.strip().equalsIgnoreCase("y") || line.strip().equalsIgnoreCase("yes"))) {
                return true;
            }
        } catch (IOException e) {
            // no answer is a no
        }
        console.error("lstudio: cleanup: not confirmed; nothing was changed");
        return false;
    }

    /**
     * {@code --dry-run} is a question, so its answer is the result and goes to stdout, where a pipe
     * gets it (with {@code --json} the JSON lines are the answer, and the text stays a log line).
     */
    private void answer(boolean dryRun, String line) {
        if (dryRun && !options.json) {
            console.out().println(line);
        } else {
            console.log(line);
        }
    }

    private void print(CleanupOutcome outcome, boolean dryRun) {
        if (outcome.action() == CleanupOutcome.Action.FAILED) {
            console.error("lstudio: " + outcome.message());
        } else {
            answer(dryRun, outcome.message());
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
        answer(dryRun, line);
        howToTakeOver(outcomes).forEach(l -> answer(dryRun, l));
        return outcomes.stream().filter(o -> o.failure() != null).findFirst()
                .map(o -> ExitCode.of(o.failure()).code())
                .orElse(outcomes.stream().anyMatch(o -> WAITING.contains(o.action()))
                        ? ExitCode.LEFT_ALONE.code() : ExitCode.SUCCESS.code());
    }

    /** Left alone because this cleanup may not judge them, not because --teamspace asked for fewer. */
    private static final Set<CleanupOutcome.Action> WAITING = EnumSet.of(CleanupOutcome.Action.OTHER_HOST,
            CleanupOutcome.Action.OWNER_RUNNING, CleanupOutcome.Action.OTHER_ACCOUNT);

    /** One line per reason a record waits, with what takes it over. */
    static List<String> howToTakeOver(List<CleanupOutcome> outcomes) {
        List<String> lines = new ArrayList<>();
        Map<String, Integer> hosts = new TreeMap<>();
        Map<Long, Integer> live = new TreeMap<>();
        int accounts = 0;
        for (CleanupOutcome o : outcomes) {
            switch (o.action()) {
                case OTHER_HOST -> hosts.merge(Cleanup.hostOf(o.owner()), 1, Integer::sum);
                case OWNER_RUNNING -> live.merge(o.owner().pid(), 1, Integer::sum);
                case OTHER_ACCOUNT -> accounts++;
                default -> { }
            }
        }
        hosts.forEach((host, n) -> lines.add("left alone: " + n + " record(s) of host " + host + ", whose runs this"
                + " host cannot see; if they ended, take them over: lstudio cleanup --host "
                + host.replaceFirst(" \\(machine .*", "") + " (or --all-hosts)"));
        live.forEach((pid, n) -> lines.add("left alone: " + n + " studio(s) of run " + pid + ", which still runs and"
                + " stops them when it ends; to take them over, end it (kill " + pid + ") and run lstudio cleanup"));
        if (accounts > 0) {
            lines.add("left alone: " + accounts + " record(s) of other credentials; run lstudio cleanup with those");
        }
        return lines;
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
        Map<String, Integer> otherHosts = new java.util.concurrent.ConcurrentSkipListMap<>();
        try {
            Cleanup.in(ownedFolder).showProgress(false)
                    .warnings(w -> console.log("warning: " + w))
                    .each(o -> {
                        if (o.action() == CleanupOutcome.Action.OTHER_HOST) {
                            otherHosts.merge(Cleanup.hostOf(o.owner()), 1, Integer::sum);
                        } else if (o.action() == CleanupOutcome.Action.STOPPED) {
                            console.log(o.message());
                        } else if (o.action() == CleanupOutcome.Action.FAILED) {
                            console.log("warning: " + o.message());
                        }
                    })
                    .run(context::client);
        } catch (RuntimeException e) {
            otherHosts.clear(); // the warning below says enough
            console.log("warning: could not check for studios left running by ended runs: " + ErrorLine.of(e)
                    + "; run 'lstudio cleanup' to retry");
        }
        if (!otherHosts.isEmpty()) { // once per run: a line per record would bury the run's own output
            int n = otherHosts.values().stream().mapToInt(Integer::intValue).sum();
            console.log("note: " + n + " studio record(s) of other hosts wait in the ledger (" + String.join(", ",
                    otherHosts.keySet()) + "); see lstudio cleanup --dry-run, take them over with --host NAME");
        }
    }
}
