package dev.lstudio.dsl;

import java.util.Locale;

/** Byte counts as people read them ({@code 12.3 KiB}, {@code 1.0 GiB}), and a rate in MB/s. */
public final class ByteSizes {
    private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB"};

    private ByteSizes() {
    }

    public static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }

    /** Decimal megabytes per second, as transfer tools print them; 0 for no time at all. */
    public static double mbPerSecond(long bytes, long millis) {
        return millis <= 0 ? 0 : bytes / 1_000_000.0 / (millis / 1000.0);
    }

    public static String rate(long bytes, long millis) {
        return String.format(Locale.ROOT, "%.1f MB/s", mbPerSecond(bytes, millis));
    }
}
