package dev.lstudio.dsl;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Checks the named arguments of DSL verbs, so that a typo gets a clear one-line error. */
final class Options {
    private Options() {
    }

    static void check(String verb, Map<String, ?> options, String... known) {
        List<String> names = List.of(known);
        for (String key : options.keySet()) {
            if (!names.contains(key)) {
                throw new DslException(verb + ": unknown option '" + key + "'; known options: "
                        + String.join(", ", names));
            }
        }
    }

    static int integer(String verb, Map<String, ?> options, String name, int fallback) {
        Object value = options.get(name);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return ((Number) value).intValue();
        }
        throw new DslException(verb + ": " + name + " must be a whole number, got " + value);
    }

    static Duration duration(String verb, Map<String, ?> options, String name, Duration fallback) {
        Object value = options.get(name);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Duration) {
            return (Duration) value;
        }
        throw new DslException(verb + ": " + name + " must be a duration such as 2.seconds or 10.minutes, got " + value);
    }

    static boolean flag(String verb, Map<String, ?> options, String name, boolean fallback) {
        Object value = options.get(name);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean) {
            return (Boolean) value;
        }
        throw new DslException(verb + ": " + name + " must be true or false, got " + value);
    }

    /** A string option; GStrings and other CharSequences count. */
    static String text(String verb, Map<String, ?> options, String name, String fallback) {
        Object value = options.get(name);
        if (value == null) {
            return fallback;
        }
        if (value instanceof CharSequence) {
            return value.toString();
        }
        throw new DslException(verb + ": " + name + " must be a string, got " + value);
    }

    static double number(String verb, Map<String, ?> options, String name, double fallback) {
        Object value = options.get(name);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number) {
            return ((Number) value).doubleValue();
        }
        throw new DslException(verb + ": " + name + " must be a number, got " + value);
    }
}
