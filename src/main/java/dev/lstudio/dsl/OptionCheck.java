package dev.lstudio.dsl;

import dev.lstudio.client.Nearest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.codehaus.groovy.ast.ASTNode;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.MapEntryExpression;
import org.codehaus.groovy.ast.expr.MapExpression;

/**
 * The named options of a verb call, judged at compile time: a name the verb does not take, and a
 * literal of a kind the option cannot be ({@code timeout: 3}, a number where a duration is
 * needed). The options a verb takes are the ones its section of the reference lists (the page
 * {@code :help} prints and completion offers), so a new option is one line of documentation.
 * Only literals are judged; an expression may be anything by the time it runs.
 */
final class OptionCheck {
    /** The kind of value an option takes, by its name: the same in every verb that has it. */
    private enum Kind {
        DURATION("a duration such as %1$s.seconds or %1$s.minutes"),
        FLAG("true or false"),
        WHOLE("a whole number"),
        NUMBER("a number"),
        TEXT("a string");

        private final String wanted;

        Kind(String wanted) {
            this.wanted = wanted;
        }
    }

    private static final Map<String, Kind> KINDS = Map.ofEntries(
            Map.entry("timeout", Kind.DURATION), Map.entry("maxRuntime", Kind.DURATION),
            Map.entry("backoff", Kind.DURATION), Map.entry("maxBackoff", Kind.DURATION), Map.entry("after", Kind.DURATION),
            Map.entry("wait", Kind.FLAG), Map.entry("spot", Kind.FLAG), Map.entry("check", Kind.FLAG),
            Map.entry("public", Kind.FLAG), Map.entry("create", Kind.FLAG), Map.entry("running", Kind.FLAG),
            Map.entry("favorite", Kind.FLAG), Map.entry("maxConcurrent", Kind.WHOLE), Map.entry("times", Kind.WHOLE),
            Map.entry("maxHours", Kind.NUMBER), Map.entry("machine", Kind.TEXT), Map.entry("teamspace", Kind.TEXT),
            Map.entry("displayName", Kind.TEXT), Map.entry("cluster", Kind.TEXT), Map.entry("name", Kind.TEXT),
            Map.entry("to", Kind.TEXT), Map.entry("parallel", Kind.WHOLE), Map.entry("skipSame", Kind.FLAG),
            Map.entry("ignore", Kind.FLAG), Map.entry("recursive", Kind.FLAG));

    /** One mistake and the node it is about. */
    record Problem(ASTNode where, String message) {
    }

    private OptionCheck() {
    }

    /** The named options of a call of {@code verb}. */
    static List<Problem> named(String verb, MapExpression options) {
        List<Problem> out = new ArrayList<>();
        Optional<List<String>> known = options(verb);
        for (MapEntryExpression entry : options.getMapEntryExpressions()) {
            if (!(entry.getKeyExpression() instanceof ConstantExpression key) || !(key.getValue() instanceof String name)) {
                continue; // a computed key: what it is is known only when it runs
            }
            if (known.isPresent() && !known.get().contains(name)) {
                out.add(new Problem(key, verb + ": unknown option '" + name + "'" + Nearest.likely(name, known.get())
                        .map(n -> " (did you mean '" + n + "'?)").orElse("; known options: " + String.join(", ", known.get()))));
            } else if (known.isPresent()) {
                wrongKind(verb, name, entry.getValueExpression()).ifPresent(out::add);
            }
        }
        return out;
    }

    /** The positional arguments: {@code timeout(3) { ... }} needs a duration, not a number. */
    static List<Problem> positional(String verb, List<Expression> arguments) {
        List<Expression> values = arguments.stream().filter(a -> !(a instanceof MapExpression)).toList();
        if (verb.equals("timeout") && values.size() == 2 && values.get(1) instanceof ClosureExpression) {
            return wrongKind(verb, "the limit", values.get(0)).stream().toList();
        }
        return List.of();
    }

    private static Optional<Problem> wrongKind(String verb, String option, Expression value) {
        Kind kind = KINDS.getOrDefault(option, option.equals("the limit") ? Kind.DURATION : null);
        if (kind == null || !(value instanceof ConstantExpression c) || c.getValue() == null || fits(kind, c.getValue())) {
            return Optional.empty();
        }
        String literal = CallCheck.literal(c);
        return Optional.of(new Problem(value, verb + ": " + option + " must be "
                + String.format(kind.wanted, c.getValue() instanceof Number ? literal : "10") + ", got " + literal));
    }

    private static boolean fits(Kind kind, Object value) {
        return switch (kind) {
            case DURATION -> false; // no literal is a duration: 3.minutes is a property of 3, not a constant
            case FLAG -> value instanceof Boolean;
            case WHOLE -> value instanceof Integer || value instanceof Long || value instanceof Short;
            case NUMBER -> value instanceof Number;
            case TEXT -> value instanceof String;
        };
    }

    /**
     * The options the reference lists for {@code verb}, or empty when it lists no closed set
     * ({@code env} takes any name; a verb the page lacks is not judged).
     */
    private static Optional<List<String>> options(String verb) {
        return DslReference.shipped().entries().stream()
                .filter(e -> e.name().equals(verb) && !e.group().equals("Options") && !e.group().equals("Values"))
                .findFirst()
                .filter(e -> e.parts().getOrDefault("Options", "").strip().startsWith("`"))
                .map(DslReference.Entry::options);
    }
}
