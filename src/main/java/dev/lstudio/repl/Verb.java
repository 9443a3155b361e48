package dev.lstudio.repl;

import java.util.List;
import java.util.Objects;

/**
 * A DSL verb as completion sees it: its name, a one-line summary, the named arguments it takes
 * and what its first positional argument names, so that {@code start '<TAB>} offers machines.
 */
public record Verb(String name, String summary, List<String> namedArguments, Argument argument) {

    /** What a verb's first positional argument is, and so which list completes it. */
    public enum Argument { NONE, TEAMSPACE, STUDIO, MACHINE, PLUGIN }

    public Verb {
        Objects.requireNonNull(name, "name");
        summary = summary == null ? "" : summary;
        namedArguments = List.copyOf(namedArguments == null ? List.of() : namedArguments);
        argument = argument == null ? Argument.NONE : argument;
    }

    public static Verb of(String name, String summary, Argument argument, String... namedArguments) {
        return new Verb(name, summary, List.of(namedArguments), argument);
    }

    /**
     * The list that completes a named argument's value, by the argument's name:
     * {@code machine: '<TAB>} offers machines wherever it appears.
     */
    static Argument forLabel(String label) {
        return switch (label) {
            case "machine", "to" -> Argument.MACHINE;
            case "teamspace" -> Argument.TEAMSPACE;
            case "studio", "from" -> Argument.STUDIO;
            case "plugin" -> Argument.PLUGIN;
            default -> Argument.NONE;
        };
    }
}
