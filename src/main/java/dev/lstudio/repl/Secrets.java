package dev.lstudio.repl;

import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Recognises credentials in what the user typed or what is about to be printed: anything the
 * credentials' own redactor masks (the one place that knows the key and its encoded header:
 * {@code Credentials.redact}, handed in by the wiring) and anything that looks like setting one.
 */
final class Secrets {

    private static final Pattern CREDENTIAL_LIKE = Pattern.compile(
            "LIGHTNING_API_KEY"
                    + "|\\bapi[_-]?key\\b['\"]?\\s*[:=]"
                    + "|\\bauthorization\\b['\"]?\\s*[:=,]"
                    + "|\\b(?:Basic|Bearer)\\s+[A-Za-z0-9+/._~-]{12,}",
            Pattern.CASE_INSENSITIVE);

    private final UnaryOperator<String> redactor;

    /** {@code redactor} masks the credentials in a text; {@link #NONE} when there are none. */
    Secrets(UnaryOperator<String> redactor) {
        this.redactor = Objects.requireNonNull(redactor, "redactor");
    }

    static final UnaryOperator<String> NONE = text -> text;

    /** Whether the text holds a credential and so must not be kept (in history, for one). */
    boolean sensitive(String text) {
        return text != null && (CREDENTIAL_LIKE.matcher(text).find() || !text.equals(redactor.apply(text)));
    }

    /** The text with the credentials masked, for messages and traces. */
    String redact(String text) {
        return text == null ? null : redactor.apply(text);
    }
}
