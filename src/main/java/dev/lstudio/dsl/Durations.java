package dev.lstudio.dsl;

import java.time.Duration;

/** Short human form of a duration for log lines and messages: {@code 1h30m}, {@code 90s} is {@code 1m30s}, {@code 500ms}. */
public final class Durations {
    private Durations() {
    }

    public static String format(Duration d) {
        if (d.isNegative()) {
            return "-" + format(d.negated());
        }
        if (d.isZero()) {
            return "0s";
        }
        if (d.compareTo(Duration.ofSeconds(1)) < 0) {
            return d.toMillis() + "ms";
        }
        if (d.compareTo(Duration.ofSeconds(10)) < 0 && d.toMillisPart() != 0) {
            return String.format(java.util.Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
        }
        StringBuilder out = new StringBuilder();
        long days = d.toDays();
        if (days > 0) {
            out.append(days).append('d');
        }
        append(out, d.toHoursPart(), 'h');
        append(out, d.toMinutesPart(), 'm');
        append(out, d.toSecondsPart(), 's');
        return out.length() == 0 ? "0s" : out.toString();
    }

    private static void append(StringBuilder out, int value, char unit) {
        if (value > 0) {
            out.append(value).append(unit);
        }
    }
}
