package dev.lstudio.client;

import java.time.Duration;

/**
 * The one short form of a duration in what lstudio prints: {@code 500ms}, {@code 2.5s},
 * {@code 1m30s}, {@code 1h30m}, {@code 1d2h5s}. Waits, command timeouts, the DSL's messages and
 * the run summary all use it. A value is rounded to what is shown (tenths below 10 s, whole
 * seconds above), never cut: a 20-minute limit whose last wait had 19 min 59.9 s left reads
 * {@code 20m}, not 19.
 */
public final class Durations {
    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    private Durations() {
    }

    public static String format(Duration d) {
        if (d.isNegative()) {
            return "-" + format(d.negated());
        }
        if (d.isZero()) {
            return "0s";
        }
        if (d.compareTo(TEN_SECONDS) < 0) {
            long millis = d.toMillis() + (d.toNanosPart() % 1_000_000 >= 500_000 ? 1 : 0);
            if (millis < 1000) {
                return millis + "ms";
            }
            long tenths = Math.round(millis / 100.0);
            if (tenths < 100 && tenths % 10 != 0) {
                return tenths / 10 + "." + tenths % 10 + "s";
            }
        }
        // Rounded, not cut: half a second and more counts as a second.
        long seconds = d.getSeconds() + (d.getNano() >= 500_000_000 ? 1 : 0);
        StringBuilder out = new StringBuilder();
        append(out, seconds / 86_400, 'd');
        append(out, seconds / 3_600 % 24, 'h');
        append(out, seconds / 60 % 60, 'm');
        append(out, seconds % 60, 's');
        return out.toString();
    }

    /**
     * The same short forms read back, for options on a command line: {@code 500ms}, {@code 2.5s},
     * {@code 90s}, {@code 1m30s}, {@code 3h}, {@code 1d}. Throws {@link IllegalArgumentException}
     * with the forms to use for anything else (a bare number has no unit and is refused).
     */
    public static Duration parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
        java.util.regex.Matcher part = PART.matcher(t);
        Duration total = Duration.ZERO;
        int at = 0;
        while (!t.isEmpty() && part.find() && part.start() == at) {
            double amount = Double.parseDouble(part.group(1));
            long unitMillis = switch (part.group(2)) {
                case "ms" -> 1L;
                case "s" -> 1_000L;
                case "m" -> 60_000L;
                case "h" -> 3_600_000L;
                default -> 86_400_000L;
            };
            total = total.plusMillis(Math.round(amount * unitMillis));
            at = part.end();
        }
        if (t.isEmpty() || at != t.length()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration: write it like 30s, 500ms, 5m, 1h30m or 1d");
        }
        return total;
    }

    private static final java.util.regex.Pattern PART = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");

    private static void append(StringBuilder out, long value, char unit) {
        if (value > 0) {
            out.append(value).append(unit);
        }
    }
}
