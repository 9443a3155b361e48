package dev.lstudio.repl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jline.builtins.Completers;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.History;

/**
 * What groovysh, jshell and IPython users look for in a session: {@code :vars} (the session's
 * variables), {@code :save FILE} (the lines that worked, as a script {@code lstudio run} runs),
 * {@code :inspect NAME} (a Studio's record as the server has it) and {@code :edit} (the last
 * line in {@code $EDITOR}, run when the editor closes). {@code _}, the last result, is kept by
 * the loop ({@link #remember}).
 */
final class SessionTools {
    static final String LAST = "_";

    private final ReplOutput console;
    private final Session session;
    private final Supplier<Map<String, Object>> variables;
    private final Function<String, Object> evaluate;
    private final History history;
    private final String editor;
    private final List<String> transcript = new ArrayList<>();

    /**
     * @param variables the user's variables (the bare verbs left out)
     * @param evaluate  runs a snippet the way a typed line runs, printing its value
     * @param editor    the command that edits a file ({@code $VISUAL} or {@code $EDITOR}); null: none set
     */
    SessionTools(ReplOutput console, Session session, Supplier<Map<String, Object>> variables,
                 Function<String, Object> evaluate, History history, String editor) {
        this.console = console;
        this.session = session;
        this.variables = variables;
        this.evaluate = evaluate;
        this.history = history;
        this.editor = editor;
    }

    void register(MetaCommands commands) {
        Completer names = (reader, line, out) -> variables.get().keySet().forEach(n ->
                out.add(new Candidate(n, n, "variables", null, null, null, true)));
        commands.add(":vars", ":vars", "list this session's variables, with their types", null, a -> vars());
        commands.add(":save", ":save FILE", "write the lines that worked as a script for lstudio run",
                new Completers.FileNameCompleter(), this::save);
        commands.add(":inspect", ":inspect STUDIO", "print a studio's record as the server has it", names, this::inspect);
        commands.add(":edit", ":edit", "edit the last line in $EDITOR, then run it", null, a -> edit());
    }

    /** A line that ran without error, kept for {@code :save}; {@code studio} is the current studio, if any. */
    synchronized void ran(String line, String studio) {
        transcript.add(studio == null ? line : "studio('" + studio.replace("'", "\\'") + "') { " + line + " }");
    }

    private MetaCommands.Outcome vars() {
        Map<String, Object> vars = new TreeMap<>(variables.get());
        if (vars.isEmpty()) {
            console.note("no variables yet; x = 1 makes one, and _ holds the last result");
        }
        int width = vars.keySet().stream().mapToInt(String::length).max().orElse(0);
        vars.forEach((name, value) -> {
            String type = value == null ? "null" : value.getClass().getSimpleName();
            String shown = String.valueOf(value).replace('\n', ' ');
            console.line(name + " ".repeat(width - name.length()) + "  " + type + "  "
                    + (shown.length() > 60 ? shown.substring(0, 57) + "..." : shown));
        });
        return MetaCommands.Outcome.CONTINUE;
    }

    private MetaCommands.Outcome save(String argument) throws IOException {
        if (argument.isEmpty()) {
            console.error("usage: :save FILE");
            return MetaCommands.Outcome.CONTINUE;
        }
        Path file = Path.of(argument.startsWith("~/") ? System.getProperty("user.home") + argument.substring(1) : argument);
        List<String> lines;
        synchronized (this) {
            lines = List.copyOf(transcript);
        }
        Files.writeString(file, String.join("\n", lines) + (lines.isEmpty() ? "" : "\n"), StandardCharsets.UTF_8);
        console.note("saved " + lines.size() + " line(s) to " + file + "; run it with: lstudio run " + file);
        return MetaCommands.Outcome.CONTINUE;
    }

    private MetaCommands.Outcome inspect(String argument) throws Exception {
        if (argument.isEmpty()) {
            console.error("usage: :inspect STUDIO (a name, or a variable holding a studio)");
            return MetaCommands.Outcome.CONTINUE;
        }
        Object held = variables.get().get(argument);
        String name = held != null && held.getClass().getName().equals("dev.lstudio.dsl.StudioHandle")
                ? String.valueOf(org.codehaus.groovy.runtime.InvokerHelper.getProperty(held, "name")) : argument;
        boolean wasJson = console.json();
        console.json(true);
        try {
            console.result(session.record(name));
        } finally {
            console.json(wasJson);
        }
        return MetaCommands.Outcome.CONTINUE;
    }

    private MetaCommands.Outcome edit() throws IOException, InterruptedException {
        if (editor == null || editor.isBlank()) {
            console.error("no editor: set VISUAL or EDITOR (e.g. export EDITOR=vim)");
            return MetaCommands.Outcome.CONTINUE;
        }
        Path file = Files.createTempFile("lstudio-edit", ".groovy");
        try {
            Files.writeString(file, lastLine(), StandardCharsets.UTF_8);
            console.terminal().pause();
            int exit;
            try {
                exit = new ProcessBuilder("sh", "-c", editor + " \"$1\"", "sh", file.toString()).inheritIO().start().waitFor();
            } finally {
                console.terminal().resume();
            }
            String edited = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (exit != 0 || edited.isEmpty()) {
                console.note("nothing run (the editor " + (exit != 0 ? "failed" : "left the file empty") + ")");
                return MetaCommands.Outcome.CONTINUE;
            }
            console.line(edited);
            history.add(edited);
            evaluate.apply(edited);
            return MetaCommands.Outcome.CONTINUE;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The last line typed before this {@code :edit}, or nothing. */
    private String lastLine() {
        for (int i = history.last(); i >= history.first(); i--) {
            String line = history.get(i);
            if (!line.strip().startsWith(":edit")) {
                return line;
            }
        }
        return "";
    }
}
