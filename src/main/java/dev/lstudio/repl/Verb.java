package dev.lstudio.repl;

import java.util.List;
import java.util.Objects;

/**
 * A DSL verb as completion sees it: its name, a one-line summary, the named arguments it takes
 * and what its first positional argument names, so that {@code start '<TAB>} offers machines.
 */
public record Verb(String name, String summary, List<String> namedArguments, Argument argument, Where where) {

    /** What a verb's first positional argument is, and so which list completes it. */
    public enum Argument { NONE, TEAMSPACE, STUDIO, MACHINE, PLUGIN, REMOTE_PATH, LOCAL_PATH }

    /**
     * Where the verb may be called, as the reference's "Where" says: only at the top of a script
     * ({@code parallel}, {@code args}), only on a studio (a handle, a block, or bare with a current
     * studio), or both.
     */
    public enum Where {
        SCRIPT, STUDIO, BOTH;

        /** The reference's words ("script", "studio", "both"); anything else is taken as both. */
        static Where of(String text) {
            String t = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
            return t.startsWith("script") ? SCRIPT : t.startsWith("studio") ? STUDIO : BOTH;
        }
    }

    public Verb {
        Objects.requireNonNull(name, "name");
        summary = summary == null ? "" : summary;
        namedArguments = List.copyOf(namedArguments == null ? List.of() : namedArguments);
        argument = argument == null ? Argument.NONE : argument;
        where = where == null ? Where.BOTH : where;
    }

    public Verb(String name, String summary, List<String> namedArguments, Argument argument) {
        this(name, summary, namedArguments, argument, Where.BOTH);
    }

    public static Verb of(String name, String summary, Argument argument, String... namedArguments) {
        return new Verb(name, summary, List.of(namedArguments), argument);
    }

    /** This verb, callable only {@code where}. */
    public Verb at(Where where) {
        return new Verb(name, summary, namedArguments, argument, where);
    }

    /** Whether a studio handle has it: {@code studio('x').<TAB>} offers only these. */
    public boolean onHandle() {
        return where != Where.SCRIPT;
    }

    /**
     * The list that completes a named argument's value, by the argument's name:
     * {@code machine: '<TAB>} offers machines wherever it appears.
     */
    static Argument forLabel(String label) {
        return forLabel(null, label);
    }

    /** As {@link #forLabel(String)}, with the call it is in: {@code upload(to:)} is a path in the studio, {@code download(to:)} one here. */
    static Argument forLabel(String verb, String label) {
        if ("to".equals(label) && "upload".equals(verb)) {
            return Argument.REMOTE_PATH;
        }
        if ("to".equals(label) && "download".equals(verb)) {
            return Argument.LOCAL_PATH;
        }
        return switch (label) {
            case "machine", "to" -> Argument.MACHINE;
            case "teamspace" -> Argument.TEAMSPACE;
            case "studio", "from" -> Argument.STUDIO;
            case "plugin" -> Argument.PLUGIN;
            default -> Argument.NONE;
        };
    }
}
