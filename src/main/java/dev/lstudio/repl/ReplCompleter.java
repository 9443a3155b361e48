package dev.lstudio.repl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * TAB for the REPL. Meta-command lines go to the meta-commands' own completer (JLine's
 * ArgumentCompleters, built from the command model); in Groovy the cursor's place decides:
 * verbs and variables at a statement, verbs after a dot, a verb's named arguments inside its
 * arguments, and inside a verb's quoted argument the list that argument names.
 */
final class ReplCompleter implements Completer {

    private final CompletionData data;
    private final Supplier<Set<String>> names;
    private final Completer metaCommands;
    private final Supplier<String> currentStudio;

    ReplCompleter(CompletionData data, Supplier<Set<String>> names, Completer metaCommands) {
        this(data, names, metaCommands, () -> null);
    }

    /** @param currentStudio the studio {@code :use} chose, or null: whose files bare file verbs complete */
    ReplCompleter(CompletionData data, Supplier<Set<String>> names, Completer metaCommands, Supplier<String> currentStudio) {
        this.data = data;
        this.names = names;
        this.metaCommands = metaCommands;
        this.currentStudio = currentStudio;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        if (!(line instanceof ReplParser.GroovyLine groovy)) {
            metaCommands.complete(reader, line, candidates);
            return;
        }
        CursorContext at = groovy.context();
        switch (at.place()) {
            case STATEMENT -> statement(candidates);
            case MEMBER -> handleVerbs(candidates);
            case ARGUMENT -> argument(at, candidates);
            case STRING -> {
                Verb.Argument kind = argumentOf(at);
                if (kind == Verb.Argument.REMOTE_PATH || kind == Verb.Argument.LOCAL_PATH) {
                    paths(kind, at, line.line().substring(0, line.cursor()), candidates);
                } else {
                    values(kind, !at.closed(), candidates);
                }
            }
            case NONE -> {
            }
        }
    }

    private void statement(List<Candidate> out) {
        verbs(out);
        for (String name : names.get()) {
            if (name.startsWith("__")) {
                continue; // the DSL's own plumbing in the binding, not the user's variables
            }
            out.add(new Candidate(name, name, "variables", null, null, null, false));
        }
    }

    private void verbs(List<Candidate> out) {
        for (Verb v : verbsByName().values()) {
            out.add(new Candidate(v.name(), v.name(), "verbs", blankToNull(v.summary()), null, null, false));
        }
    }

    /** After a dot: what a studio handle has, not the script-only verbs (args, budget, parallel), which would fail there. */
    private void handleVerbs(List<Candidate> out) {
        for (Verb v : verbsByName().values()) {
            if (v.onHandle()) {
                out.add(new Candidate(v.name(), v.name(), "verbs", blankToNull(v.summary()), null, null, false));
            }
        }
    }

    private void argument(CursorContext at, List<Candidate> out) {
        if (at.label() != null) {
            Verb.Argument kind = Verb.forLabel(at.label());
            if (kind == Verb.Argument.NONE) {
                statement(out);
            } else {
                quotedValues(kind, out);
            }
            return;
        }
        Verb verb = verbsByName().get(at.verb());
        if (verb == null) {
            statement(out);
            return;
        }
        for (String named : verb.namedArguments()) {
            out.add(new Candidate(named + ":", named + ":", "named arguments of " + verb.name(), null, null, null, true));
        }
        if (at.firstArgument() && verb.argument() != Verb.Argument.NONE) {
            quotedValues(verb.argument(), out);
        }
    }

    /** Outside quotes a value is offered with its quotes, so that {@code start <TAB>} writes {@code start 'cpu-4'}. */
    private void quotedValues(Verb.Argument kind, List<Candidate> out) {
        for (Suggestion s : data.values(kind)) {
            out.add(new Candidate("'" + s.value() + "'", s.value(), group(kind), blankToNull(s.description()), null, null, true));
        }
    }

    /**
     * Inside quotes the parsed line adds the quotes back. When the string is already closed after the
     * cursor the candidate must not count as complete, or JLine would add a space inside the quotes.
     */
    private void values(Verb.Argument kind, boolean complete, List<Candidate> out) {
        for (Suggestion s : data.values(kind)) {
            out.add(new Candidate(s.value(), s.value(), group(kind), blankToNull(s.description()), null, null, complete));
        }
    }

    /**
     * A path in a studio (that of the line's {@code studio('x')}, else the current one) from the
     * listings known, or one here from the disk. A folder is not complete: TAB goes on into it.
     */
    private void paths(Verb.Argument kind, CursorContext at, String before, List<Candidate> out) {
        List<Suggestion> found;
        if (kind == Verb.Argument.REMOTE_PATH) {
            String studio = FilePaths.studioIn(before);
            studio = studio != null ? studio : currentStudio.get();
            found = studio == null ? List.of() : data.remotePaths(studio, at.word());
        } else {
            found = FilePaths.local(at.word());
        }
        for (Suggestion s : found) {
            boolean folder = s.value().endsWith("/");
            out.add(new Candidate(s.value(), s.value(), kind == Verb.Argument.REMOTE_PATH ? "studio files" : "files",
                    null, null, null, !folder && !at.closed()));
        }
    }

    private Verb.Argument argumentOf(CursorContext at) {
        if (at.label() != null) {
            return Verb.forLabel(at.verb(), at.label());
        }
        Verb verb = verbsByName().get(at.verb());
        return verb == null ? Verb.Argument.NONE : verb.argument();
    }

    /** Verbs by name; a name listed twice (top level and on a handle) merges its named arguments. */
    private Map<String, Verb> verbsByName() {
        Map<String, Verb> byName = new LinkedHashMap<>();
        for (Verb v : data.verbs()) {
            byName.merge(v.name(), v, (a, b) -> new Verb(a.name(), a.summary().isEmpty() ? b.summary() : a.summary(),
                    union(a.namedArguments(), b.namedArguments()),
                    a.argument() != Verb.Argument.NONE ? a.argument() : b.argument(),
                    a.where() == b.where() ? a.where() : Verb.Where.BOTH));
        }
        return byName;
    }

    private static List<String> union(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).distinct().toList();
    }

    private static String group(Verb.Argument kind) {
        return switch (kind) {
            case TEAMSPACE -> "teamspaces";
            case STUDIO -> "studios";
            case MACHINE -> "machines";
            case PLUGIN -> "plugins";
            case REMOTE_PATH -> "studio files";
            case LOCAL_PATH -> "files";
            case NONE -> null;
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

}
