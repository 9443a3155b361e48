package dev.lstudio.cli;

import dev.lstudio.client.ExecResult;
import dev.lstudio.client.NewStudio;
import dev.lstudio.client.Studio;
import dev.lstudio.client.StudioStatus;
import dev.lstudio.dsl.Dsl;
import dev.lstudio.dsl.StudioHandle;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one-word commands that change Studios: {@code start}, {@code stop}, {@code restart},
 * {@code switch}, {@code create}, {@code delete} over the client, each name in turn, the rows of
 * those that succeeded printed at the end; and {@code exec}, run through the DSL by
 * {@link ScriptRunner} so that {@code --start} stops the Studio afterwards by a script's rules.
 * A Studio started by {@code lstudio start} is the user's to stop: it is not put in the ledger.
 */
final class StudioActions {
    private final StudioCommands commands;

    StudioActions(StudioCommands commands) {
        this.commands = commands;
    }

    int run(StudioCommandLines.Named command) {
        Duration maxRuntime = null;
        if (command instanceof StudioCommandLines.Start start && start.maxRuntime != null) {
            maxRuntime = duration(start.maxRuntime);
            if (maxRuntime == null) {
                commands.console().error("lstudio: start: --max-runtime '" + start.maxRuntime
                        + "' is not a duration; write e.g. 3h, 90m or 1h30m");
                return ExitCode.USAGE.code();
            }
        }
        if (command instanceof StudioCommandLines.Delete delete && !delete.yes && !confirmed(delete)) {
            return ExitCode.USAGE.code();
        }
        Duration runtime = maxRuntime;
        List<Map<String, Object>> rows = new ArrayList<>();
        int exit = commands.each(command, name -> rows.add(act(command, name, runtime)));
        commands.results().list(StudioCommands.STUDIO_COLUMNS, rows);
        return exit;
    }

    private Map<String, Object> act(StudioCommandLines.Named command, String name, Duration maxRuntime) {
        Console console = commands.console();
        if (command instanceof StudioCommandLines.Create) {
            if (commands.client().findStudio(commands.teamspace(), name).isPresent()) { // else a 409, read as the API failing
                throw new StudioCommands.BadName("studio '" + name + "' exists already in teamspace '"
                        + commands.teamspace().label() + "'", null);
            }
            Studio created = commands.client().createStudio(commands.teamspace(), name);
            console.log("created studio '" + name + "' (stopped)");
            commands.completion().change(CompletionFiles.STUDIOS, name, true);
            return StudioCommands.row(created, null);
        }
        if (command instanceof StudioCommandLines.Start start) {
            Studio studio = start.create
                    ? commands.client().createOrFind(commands.teamspace(), NewStudio.named(name))
                    : commands.find(name);
            if (start.noWait) {
                studio.requestStart(start.machine, start.spot, maxRuntime);
                console.log("asked studio '" + name + "' to start on " + start.machine + "; not waiting");
                return StudioCommands.row(studio, studio.status());
            }
            StudioStatus now = studio.start(start.machine, start.spot, maxRuntime,
                    commands.client().options().startTimeout());
            console.log("studio '" + name + "' is " + now.describe() + "; it runs until lstudio stop " + name);
            return StudioCommands.row(studio, now);
        }
        Studio studio = commands.find(name);
        StudioStatus now;
        if (command instanceof StudioCommandLines.Stop) {
            now = studio.stop();
        } else if (command instanceof StudioCommandLines.Restart) {
            now = studio.restart();
        } else if (command instanceof StudioCommandLines.Switch to) {
            now = studio.switchMachine(to.machine);
        } else {
            studio.delete();
            console.log("deleted studio '" + name + "'");
            commands.completion().change(CompletionFiles.STUDIOS, name, false);
            Map<String, Object> row = StudioCommands.row(studio, null);
            row.put(Results.STATUS, "DELETED");
            return row;
        }
        console.log("studio '" + name + "' is " + now.describe());
        return StudioCommands.row(studio, now);
    }

    /** Deleting loses the files for good: only when a person says so, or --yes does. */
    private boolean confirmed(StudioCommandLines.Delete delete) {
        Console console = commands.console();
        String which = String.join(", ", delete.names);
        if (commands.answers() == null) {
            console.error("lstudio: delete: deleting " + which + " loses its files for good; off a terminal add --yes"
                    + " to confirm");
            return false;
        }
        console.error("Delete studio(s) " + which + " and their files, for good? [y/N] ");
        try {
            String line = new BufferedReader(new InputStreamReader(commands.answers(), StandardCharsets.UTF_8)).readLine();
            if (line != null && (line.strip().equalsIgnoreCase("y") || line.strip().equalsIgnoreCase("yes"))) {
                return true;
            }
        } catch (IOException e) {
            // no answer is a no
        }
        console.error("lstudio: delete: not confirmed; nothing was deleted");
        return false;
    }

    /**
     * {@code lstudio exec NAME [--start SLUG] -- CMD...} as the DSL runs
     * {@code studio(NAME) { start SLUG; exec CMD, check: false }}: the output streams, the
     * studio it started is stopped by the run's teardown whatever happens, and the exit status
     * is the command's.
     */
    int exec(StudioCommandLines.Exec command, ScriptRunner runner) {
        String line = commandLine(command.command);
        return runner.run("lstudio exec", context -> {
            Dsl dsl = Dsl.create(context);
            ExecResult[] result = new ExecResult[1];
            dsl.studio(command.name, (StudioHandle studio) -> {
                if (command.start != null) {
                    studio.start(command.start);
                }
                result[0] = studio.exec(Map.of("check", false), line);
            });
            return result[0].exitCode();
        });
    }

    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    /** One word is the shell line as it is ({@code 'make && make test'}); several are quoted each where needed. */
    static String commandLine(List<String> words) {
        if (words.size() == 1) {
            return words.get(0);
        }
        List<String> quoted = new ArrayList<>();
        for (String w : words) {
            quoted.add(PLAIN_WORD.matcher(w).matches() ? w : "'" + w.replace("'", "'\\''") + "'");
        }
        return String.join(" ", quoted);
    }

    /** {@code 3h}, {@code 90m}, {@code 1h30m}, {@code 45s}; null when it is none of those. */
    static Duration duration(String text) {
        try {
            return Duration.parse("PT" + text.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
