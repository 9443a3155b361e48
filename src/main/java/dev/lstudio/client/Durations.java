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

    private static void append(StringBuilder out, long value, char unit) {
        if (value > 0) {
            out.append(value).append(unit);
        }
    }
}
