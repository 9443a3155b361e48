package dev.lstudio.repl;

import dev.lstudio.dsl.DslReference;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Help text for the DSL's verbs, for {@code :help} and {@code :help VERB}. The reference that
 * dsl-docs builds feeds the real one, so the REPL and the documentation say the same thing.
 */
public interface HelpSource {

    /** Verb name to one-line summary, in the order {@code :help} should list them. */
    Map<String, String> summaries();

    /** The full text for one verb, or empty when there is none. */
    Optional<String> text(String verb);

    /** Help from a fixed map of verb to text; the first line of each text is its summary. */
    static HelpSource of(Map<String, String> texts) {
        Map<String, String> copy = new LinkedHashMap<>(texts);
        Map<String, String> summaries = new LinkedHashMap<>();
        copy.forEach((verb, text) -> summaries.put(verb, text.strip().lines().findFirst().orElse("")));
        return new HelpSource() {
            @Override
            public Map<String, String> summaries() {
                return summaries;
            }

            @Override
            public Optional<String> text(String verb) {
                return Optional.ofNullable(copy.get(verb));
            }
        };
    }

    /** Help from the DSL reference page, the one dsl-docs/reference.md is: the REPL and the docs cannot disagree. */
    static HelpSource of(DslReference reference) {
        return of(() -> reference);
    }

    /** The same, with the reference read only when help is first asked for. */
    static HelpSource of(Supplier<DslReference> reference) {
        return new HelpSource() {
            @Override
            public Map<String, String> summaries() {
                return reference.get().summaries();
            }

            @Override
            public Optional<String> text(String verb) {
                return reference.get().text(verb);
            }
        };
    }

    /** Help made of the verbs' summaries and named arguments, read afresh each time, for when no reference is wired in. */
    static HelpSource fromVerbs(CompletionData data) {
        return new HelpSource() {
            private HelpSource current() {
                Map<String, String> texts = new LinkedHashMap<>();
                data.verbs().forEach(v -> texts.putIfAbsent(v.name(), v.summary() + (v.namedArguments().isEmpty()
                        ? "" : "\nnamed arguments: " + String.join(", ", v.namedArguments()))));
                return of(texts);
            }

            @Override
            public Map<String, String> summaries() {
                return current().summaries();
            }

            @Override
            public Optional<String> text(String verb) {
                return current().text(verb);
            }
        };
    }
}
