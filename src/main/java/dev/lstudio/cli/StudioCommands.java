package dev.lstudio.cli;

import dev.lstudio.client.Durations;
import dev.lstudio.client.LightningClient;
import dev.lstudio.client.LookupException;
import dev.lstudio.client.Machine;
import dev.lstudio.client.MachineKind;
import dev.lstudio.client.Nearest;
import dev.lstudio.client.Machines;
import dev.lstudio.client.PluginInfo;
import dev.lstudio.client.Port;
import dev.lstudio.client.Studio;
import dev.lstudio.client.StudioFilter;
import dev.lstudio.client.StudioStatus;
import dev.lstudio.client.Teamspace;
import dev.lstudio.dsl.ErrorLine;
import dev.lstudio.dsl.Teardown;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Runs the one-word commands of {@link StudioCommandLines} over the client, as a script's verbs
 * would: the same context (credentials, {@code --teamspace}, {@code --emulator}, {@code --debug}),
 * the same error lines and exit codes. The listing commands are here; those that change a Studio
 * are in {@link StudioActions}. No Groovy is compiled and no REPL class is loaded, so the
 * commands people run most start fast.
 */
final class StudioCommands {
    static final List<Results.Column> STUDIO_COLUMNS = List.of(new Results.Column("name", "name"),
            new Results.Column("teamspace", "teamspace"), new Results.Column(Results.STATUS, "status"),
            new Results.Column("machine", "machine"), new Results.Column("runningFor", "running for"),
            new Results.Column("costSoFar", "cost so far"));

    private final Console console;
    private final GlobalOptions options;
    private final Map<String, String> env;
    private final Results results;
    private final InputStream answers;
    private final boolean handleSignals;
    private final CompletionFiles completion;
    private LightningClient client;
    private String teamspaceName;
    private Teamspace teamspace;

    /** {@code answers}: where a confirmation is read, or null off a terminal. */
    StudioCommands(Console console, GlobalOptions options, Map<String, String> env, boolean stdoutTerminal,
                   InputStream answers, boolean handleSignals) {
        this.console = console;
        this.options = options;
        this.env = env;
        this.results = new Results(console.out(), options.json, stdoutTerminal && !options.json);
        this.answers = answers;
        this.handleSignals = handleSignals;
        this.completion = new CompletionFiles(dev.lstudio.client.Dirs.from(env), w -> console.log("warning: " + w));
    }

    int run(StudioCommandLines.Base command) {
        if (command instanceof StudioCommandLines.Machines m) { // no client: the slugs are lstudio's own
            machines(m);
            return ExitCode.SUCCESS.code();
        }
        if (command instanceof StudioCommandLines.Exec exec) { // run as a script runs: teardown, signals
            return new StudioActions(this).exec(exec, new ScriptRunner(console, options, env, handleSignals));
        }
        ContextFactory.Run run;
        try {
            run = ContextFactory.create(options, List.of(), env, console, Teardown.create(console::log),
                    "lstudio " + command.word());
        } catch (ContextFactory.SetupFailed e) {
            console.error("lstudio: " + e.getMessage());
            return ExitCode.USAGE.code();
        }
        try {
            client = run.context.client();
            teamspaceName = run.context.teamspace();
            return dispatch(command);
        } catch (RuntimeException e) { // no credentials, an unknown --teamspace, the API down
            return failed(command.word(), e);
        } finally {
            run.close();
            console.finish();
        }
    }

    private int dispatch(StudioCommandLines.Base command) {
        StudioActions actions = new StudioActions(this);
        if (command instanceof StudioCommandLines.Studios s) {
            studios(s);
            return ExitCode.SUCCESS.code();
        }
        if (command instanceof StudioCommandLines.Teamspaces) {
            teamspaces();
            return ExitCode.SUCCESS.code();
        }
        if (command instanceof FileCommandLines.Cp || command instanceof FileCommandLines.Ls
                || command instanceof FileCommandLines.Rm) {
            return new FileCommands(this).run(command);
        }
        if (command instanceof StudioCommandLines.Status s) {
            List<Map<String, Object>> records = new ArrayList<>();
            int exit = each(s, name -> records.add(status(find(name))));
            results.records(records);
            return exit;
        }
        return actions.run((StudioCommandLines.Named) command);
    }

    // --- what the actions share

    Console console() {
        return console;
    }

    Results results() {
        return results;
    }

    LightningClient client() {
        return client;
    }

    CompletionFiles completion() {
        return completion;
    }

    InputStream answers() {
        return answers;
    }

    dev.lstudio.client.Dirs dirs() {
        return dev.lstudio.client.Dirs.from(env);
    }

    Map<String, String> env() {
        return env;
    }

    /** Where relative local paths resolve (lstudio cp). */
    java.nio.file.Path workingDir() {
        return options.workingDir();
    }

    Teamspace teamspace() {
        if (teamspace == null) {
            teamspace = client.teamspaceOrDefault(teamspaceName);
        }
        return teamspace;
    }

    /** The Studio of that name; none is a failure naming the nearest existing name. */
    Studio find(String name) {
        try {
            return client.studio(teamspace(), name);
        } catch (LookupException e) {
            Optional<String> near = Nearest.likely(name, e.candidates());
            throw new BadName("studio '" + name + "' not found in teamspace '" + teamspace().label() + "'"
                    + near.map(n -> "; did you mean '" + n + "'?").orElse("")
                    + " (lstudio studios lists them)", e);
        }
    }

    /** A name that names no Studio, or one already taken: exit 1, as a script's studio('x') that is not there. */
    static final class BadName extends RuntimeException implements ExitCoded {
        BadName(String message, Throwable cause) {
            super(message, cause);
        }

        @Override
        public ExitCode exitCode() {
            return ExitCode.SCRIPT_FAILED;
        }
    }

    interface Action {
        void on(String name);
    }

    /**
     * Acts on each name in turn, each failure one error line; the exit status is the first
     * failure's, or 0 when all succeeded, so a script can tell.
     */
    int each(StudioCommandLines.Named command, Action action) {
        int exit = ExitCode.SUCCESS.code();
        for (String name : command.names) {
            try {
                action.on(name);
            } catch (RuntimeException e) {
                int code = failed(command.word(), e);
                exit = exit == ExitCode.SUCCESS.code() ? code : exit;
            }
        }
        return exit;
    }

    int failed(String word, RuntimeException e) {
        console.error("lstudio: " + word + ": " + ErrorLine.of(e));
        if (console.debugging()) {
            console.stackTrace(e);
        }
        return ExitCode.of(e).code();
    }

    /** A Studio's row: its name, teamspace, and the status and machine given (or as listed). */
    static Map<String, Object> row(Studio studio, StudioStatus now) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", studio.name());
        row.put("teamspace", studio.teamspace().label());
        row.put(Results.STATUS, now == null ? studio.listedStatus().name() : now.status().name());
        row.put("machine", now == null ? studio.listedMachine()
                : now.machine() != null ? now.machine() : studio.listedMachine());
        StudioStatus up = now != null ? now : studio.listed();
        Instant since = up.stopped() ? null : up.since();
        Duration running = since == null ? null : Duration.between(since, Instant.now());
        row.put("runningFor", running == null || running.isNegative() ? null : Durations.format(running.withNanos(0)));
        row.put("runningSeconds", running == null || running.isNegative() ? null : running.getSeconds());
        row.put("pricePerHour", up.stopped() ? null : up.pricePerHour());
        // The price now times the time up: an estimate, as in a run's summary; the bill is the service's.
        row.put("costSoFar", running == null || running.isNegative() || up.pricePerHour() == null ? null
                : String.format(Locale.ROOT, "$%.2f", up.pricePerHour() * running.getSeconds() / 3600.0));
        return row;
    }

    // --- the listing commands

    private void studios(StudioCommandLines.Studios command) {
        List<Teamspace> teamspaces = command.allTeamspaces ? client.teamspaces() : List.of(teamspace());
        StudioFilter filter = command.running ? StudioFilter.all().onlyRunning() : StudioFilter.all();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Teamspace t : teamspaces) {
            client.studios(t, filter).forEach(s -> rows.add(row(s, null)));
        }
        results.list(STUDIO_COLUMNS, rows);
        if (!command.running && !command.allTeamspaces) { // the whole list of the one teamspace TAB completes in
            completion.write(CompletionFiles.STUDIOS, rows.stream().map(r -> (String) r.get("name")).toList());
        }
        if (rows.isEmpty() && !results.json()) {
            console.log("no " + (command.running ? "running " : "") + "studios in "
                    + (command.allTeamspaces ? "any teamspace" : "teamspace '" + teamspace().label() + "'"));
        }
    }

    private static Map<String, Object> status(Studio studio) {
        StudioStatus now = studio.status();
        Map<String, Object> record = row(studio, now);
        record.put("ready", now.ready());
        record.put("switching", now.switching());
        Duration idle = studio.listedAutoSleep();
        record.put("autoSleep", idle == null ? "off" : "after " + Durations.format(idle) + " idle");
        record.put("env", new ArrayList<>(new TreeSet<>(studio.env().keySet())));
        record.put("ports", studio.ports().stream().map(Port::number).toList());
        record.put("plugins", studio.plugins().stream().map(PluginInfo::id).toList());
        return record;
    }

    private void teamspaces() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Teamspace t : client.teamspaces()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("teamspace", t.label());
            row.put("name", t.name());
            row.put("id", t.projectId());
            row.put("default", t.isDefault());
            rows.add(row);
        }
        completion.write(CompletionFiles.TEAMSPACES, rows.stream().map(r -> (String) r.get("name")).toList());
        results.list(List.of(new Results.Column("teamspace", "teamspace"), new Results.Column("id", "id"),
                new Results.Column("default", "default")), rows);
    }

    private void machines(StudioCommandLines.Machines command) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Machine m : Machines.known()) {
            if (command.gpu && m.kind() != MachineKind.GPU) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("slug", m.slug());
            row.put("kind", m.kind().name());
            row.put("gpus", m.gpuCount());
            row.put("gpuModel", m.gpuModel());
            row.put("vcpus", m.vcpus());
            row.put("description", m.describe());
            rows.add(row);
        }
        results.list(List.of(new Results.Column("slug", "slug"), new Results.Column("description", "machine")), rows);
        console.finish();
    }
}
