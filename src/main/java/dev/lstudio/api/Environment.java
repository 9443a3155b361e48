package dev.lstudio.api;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The process environment and home directory, handed in so that tests (and embedders) do not
 * depend on the real ones. Blank variables count as unset.
 */
public record Environment(Map<String, String> variables, Path home) {

    public Environment {
        variables = Map.copyOf(Objects.requireNonNull(variables, "variables"));
        Objects.requireNonNull(home, "home");
    }

    public static Environment system() {
        return new Environment(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    public static Environment of(Map<String, String> variables, Path home) {
        return new Environment(variables, home);
    }

    /** The variable's value, or {@code null} when unset or blank. */
    public String get(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    public Environment with(String name, String value) {
        Map<String, String> copy = new HashMap<>(variables);
        copy.put(name, value);
        return new Environment(copy, home);
    }

    @Override
    public String toString() {
        // variables hold secrets: show only which names are set
        return "Environment[home=" + home + ", variables=" + variables.keySet() + "]";
    }
}
