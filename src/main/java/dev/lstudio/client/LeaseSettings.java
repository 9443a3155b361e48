package dev.lstudio.client;

import java.time.Duration;
import java.util.Map;

/**
 * How long a run's lease on a Studio lasts unless renewed ({@value #LEASE_VAR}, whole seconds,
 * default 600), and the idle limit of the dead man's switch ({@value #DEADMAN_VAR}: a duration,
 * default 15 min, or {@code off}; null here means off). The switch relies on keep-alive to keep
 * the Studio up while the run lives, so its limit is never shorter than three keep-alive periods,
 * and with keep-alive off it is off too unless asked for (then refused).
 */
public record LeaseSettings(Duration lease, Duration deadman) {
    public static final String LEASE_VAR = "LSTUDIO_LEASE_SECONDS";
    public static final String DEADMAN_VAR = "LSTUDIO_DEADMAN";
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(600);
    public static final Duration DEFAULT_DEADMAN = Duration.ofMinutes(15);

    /** The settings {@code env} asks for; a bad value is an {@link IllegalArgumentException} saying what to write. */
    public static LeaseSettings from(Map<String, String> env, Duration keepAlive) {
        return new LeaseSettings(lease(env.get(LEASE_VAR)), deadman(env.get(DEADMAN_VAR), keepAlive));
    }

    /** How often a lease is renewed: a third of it, so two renewals may fail before it expires. */
    public Duration renewEvery() {
        Duration third = lease.dividedBy(3);
        return third.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : third;
    }

    private static Duration lease(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_LEASE;
        }
        try {
            long seconds = Long.parseLong(text.strip());
            if (seconds >= 3) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException(LEASE_VAR + "='" + text + "' is not a whole number of seconds of 3 or more: "
                + "write e.g. " + LEASE_VAR + "=600");
    }

    private static Duration deadman(String text, Duration keepAlive) {
        boolean asked = text != null && !text.isBlank();
        if (asked && text.strip().equalsIgnoreCase("off")) {
            return null;
        }
        if (!asked && keepAlive.isZero()) {
            return null; // nothing would keep the Studio up: the switch would stop it under a live run
        }
        Duration limit;
        try {
            limit = asked ? Durations.parse(text) : DEFAULT_DEADMAN;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(DEADMAN_VAR + "='" + text + "' is neither 'off' nor a duration: "
                    + "write it like 15m, 1h or off");
        }
        if (keepAlive.isZero()) {
            throw new IllegalArgumentException(DEADMAN_VAR + "=" + text + " needs keep-alive, which "
                    + KeepAlive.PERIOD_VAR + "=0 turns off: without it the service would stop the Studio under a live run; "
                    + "set " + DEADMAN_VAR + "=off or a keep-alive period");
        }
        Duration least = keepAlive.multipliedBy(3);
        if (limit.compareTo(least) < 0 || limit.toSeconds() < 1) {
            throw new IllegalArgumentException(DEADMAN_VAR + "=" + text + " is shorter than three keep-alive periods ("
                    + Durations.format(least) + "): one late keep-alive would put a live run's Studio to sleep; write "
                    + Durations.format(least) + " or more, or off");
        }
        return Duration.ofSeconds(limit.toSeconds());
    }
}
