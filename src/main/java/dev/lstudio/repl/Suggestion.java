package dev.lstudio.repl;

import java.util.Objects;

/**
 * One completion candidate: the text to insert and a short description shown beside it
 * ({@code lit-h100-1} / {@code 1x H100}, {@code my-studio} / {@code RUNNING}).
 */
public record Suggestion(String value, String description) {

    public Suggestion {
        Objects.requireNonNull(value, "value");
        description = description == null ? "" : description;
    }

    public static Suggestion of(String value) {
        return new Suggestion(value, "");
    }

    public static Suggestion of(String value, String description) {
        return new Suggestion(value, description);
    }
}
