package dev.lstudio.repl;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Recognises credentials in what the user typed or what is about to be printed: the configured
 * secret strings (the API key, the base64 of user:key) and anything that looks like setting one.
 */
final class Secrets {

    /** Shorter configured values would redact ordinary words; no real key is this short. */
    private static final int MIN_SECRET_LENGTH = 6;

    private static final Pattern CREDENTIAL_LIKE = Pattern.compile(
            "LIGHTNING_API_KEY"
                    + "|\\bapi[_-]?key\\b['\"]?\\s*[:=]"
                    + "|\\bauthorization\\b['\"]?\\s*[:=,]"
                    + "|\\b(?:Basic|Bearer)\\s+[A-Za-z0-9+/._~-]{12,}",
            Pattern.CASE_INSENSITIVE);

    private static final String MASK = "****";

    private final List<String> values;
    private final List<UnaryOperator<String>> redactors;

    Secrets(Collection<String> values) {
        this(values, List.of());
    }

    /** {@code redactors} mask credentials known only to their owner (the key from the credentials file). */
    Secrets(Collection<String> values, List<UnaryOperator<String>> redactors) {
        this.values = values.stream().filter(Objects::nonNull).filter(v -> v.length() >= MIN_SECRET_LENGTH).toList();
        this.redactors = List.copyOf(redactors);
    }

    /** Whether the text holds a credential and so must not be kept (in history, for one). */
    boolean sensitive(String text) {
        return text != null && (CREDENTIAL_LIKE.matcher(text).find() || values.stream().anyMatch(text::contains)
                || redactors.stream().anyMatch(r -> !text.equals(r.apply(text))));
    }

    /** The text with every configured secret masked, for messages and traces. */
    String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String v : values) {
            out = out.replace(v, MASK);
        }
        for (UnaryOperator<String> r : redactors) {
            out = r.apply(out);
        }
        return out;
    }
}
