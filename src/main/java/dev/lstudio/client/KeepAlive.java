package dev.lstudio.client;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Keep-alive for the Studios someone is using: the live service puts an idle Studio to sleep,
 * and a long command (or a wait) is not activity it can see; the SDK therefore sends keep-alive
 * every 30 s while a Studio runs. A Studio is beaten while at least one {@link Hold} on it is
 * open (a run holds what it started from start to stop, the REPL only while a verb works on it),
 * so a forgotten session still goes to sleep.
 *
 * <p>One daemon thread sends every beat. A failed beat is reported once per Studio and never
 * fails anyone: the worst it costs is a Studio that sleeps early.
 */
public final class KeepAlive implements AutoCloseable {
    /** The environment variable that sets the period in seconds; 0 turns keep-alive off. */
    public static final String PERIOD_VAR = "LSTUDIO_KEEPALIVE_SECONDS";
    public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(30);

    private final Duration period;
    private final Consumer<String> warnings;
    private final Map<String, Beat> beats = new HashMap<>();
    private final Set<String> warned = new HashSet<>();
    private ScheduledExecutorService scheduler;
    private boolean closed;

    private KeepAlive(Duration period, Consumer<String> warnings) {
        this.period = period;
        this.warnings = warnings;
    }

    /** Beats every {@code period}; a zero period never beats. Failures go to {@code warnings}. */
    public static KeepAlive every(Duration period, Consumer<String> warnings) {
        Objects.requireNonNull(period, "period");
        if (period.isNegative()) {
            throw new IllegalArgumentException("keep-alive period must not be negative: " + period);
        }
        return new KeepAlive(period, Objects.requireNonNull(warnings, "warnings"));
    }

    /** One that never beats. */
    public static KeepAlive off() {
        return every(Duration.ZERO, w -> { });
    }

    /**
     * The period {@value #PERIOD_VAR} asks for ({@link #DEFAULT_PERIOD} when unset); a value that
     * is not a whole number of seconds is refused with a line saying what to write.
     */
    public static Duration period(Map<String, String> env) {
        String text = env.get(PERIOD_VAR);
        if (text == null || text.isBlank()) {
            return DEFAULT_PERIOD;
        }
        try {
            long seconds = Long.parseLong(text.strip());
            if (seconds >= 0) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException(PERIOD_VAR + "='" + text + "' is not a whole number of seconds: "
                + "write e.g. " + PERIOD_VAR + "=30, or 0 to send no keep-alive");
    }

    public Duration period() {
        return period;
    }

    /** Starts beating {@code studio} (unless it is already beaten) until every hold on it is closed. */
    public Hold hold(Studio studio) {
        Objects.requireNonNull(studio, "studio");
        if (period.isZero()) {
            return () -> { };
        }
        String id = studio.id();
        synchronized (this) {
            if (closed) {
                return () -> { };
            }
            Beat beat = beats.get(id);
            if (beat == null) {
                long millis = period.toMillis();
                beat = new Beat(scheduler().scheduleAtFixedRate(() -> send(studio), millis, millis, TimeUnit.MILLISECONDS));
                beats.put(id, beat);
            }
            beat.holds++;
        }
        return new Release(id);
    }

    /** Whether {@code studio} is being beaten now. */
    public synchronized boolean beating(Studio studio) {
        return beats.containsKey(studio.id());
    }

    /** Stops every beat; later holds do nothing. */
    @Override
    public void close() {
        ScheduledExecutorService stopped;
        synchronized (this) {
            closed = true;
            beats.values().forEach(b -> b.future.cancel(false));
            beats.clear();
            stopped = scheduler;
            scheduler = null;
        }
        if (stopped != null) {
            stopped.shutdownNow();
        }
    }

    private ScheduledExecutorService scheduler() {
        if (scheduler == null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "lstudio-keep-alive");
                t.setDaemon(true);
                return t;
            });
        }
        return scheduler;
    }

    private void send(Studio studio) {
        try {
            studio.keepAlive();
        } catch (RuntimeException e) {
            boolean first;
            synchronized (this) {
                first = !closed && warned.add(studio.id());
            }
            if (first) {
                warnings.accept("keep-alive for studio '" + studio.name() + "' failed (" + e.getMessage()
                        + "); lstudio keeps trying and says no more about it. If it keeps failing, the service may put "
                        + "the studio to sleep when it counts it idle");
            }
        }
    }

    private synchronized void release(String id) {
        Beat beat = beats.get(id);
        if (beat != null && --beat.holds == 0) {
            beat.future.cancel(false);
            beats.remove(id);
        }
    }

    /** While open, the Studio is beaten. Closing twice releases once. */
    public interface Hold extends AutoCloseable {
        @Override
        void close();
    }

    private static final class Beat {
        final ScheduledFuture<?> future;
        int holds;

        Beat(ScheduledFuture<?> future) {
            this.future = future;
        }
    }

    private final class Release implements Hold {
        private final String id;
        private boolean released;

        Release(String id) {
            this.id = id;
        }

        @Override
        public void close() {
            synchronized (KeepAlive.this) {
                if (released) {
                    return;
                }
                released = true;
            }
            release(id);
        }
    }
}
