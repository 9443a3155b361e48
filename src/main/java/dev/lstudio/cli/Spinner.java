package dev.lstudio.cli;

import dev.lstudio.client.Durations;
import dev.lstudio.client.Progress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The terminal's progress line: a spinner, the newest wait's phase text and its elapsed time,
 * redrawn in place below the log lines. Several waits at once (parallel studios) show as the
 * newest plus a count. All drawing happens under the console's lock.
 */
final class Spinner implements Progress {
    private static final String FRAMES = "|/-\\";
    private static final long TICK_MILLIS = 120;

    private final Console console;
    private final Clock clock;
    private final List<Entry> active = new ArrayList<>();
    private ScheduledExecutorService ticker;
    private ScheduledFuture<?> ticking;
    private int frame;
    private boolean shown;

    Spinner(Console console, Clock clock) {
        this.console = console;
        this.clock = clock;
    }

    @Override
    public Task begin(String text) {
        Entry entry = new Entry(text, clock.instant());
        synchronized (console) {
            active.add(entry);
            if (ticking == null) {
                ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "lstudio-spinner");
                    t.setDaemon(true);
                    return t;
                });
                ticking = ticker.scheduleAtFixedRate(this::tick, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
            }
        }
        return entry;
    }

    private void tick() {
        synchronized (console) {
            frame++;
            draw();
        }
    }

    /** Draws the current line; the caller holds the console's lock. */
    void draw() {
        if (active.isEmpty()) {
            return;
        }
        Entry newest = active.get(active.size() - 1);
        String more = active.size() > 1 ? " (+" + (active.size() - 1) + " more)" : "";
        String elapsed = Durations.format(Duration.between(newest.start, clock.instant()).withNanos(0));
        console.drawRaw("\r\033[K" + FRAMES.charAt(frame % FRAMES.length()) + " " + newest.text + more + "  " + elapsed);
        shown = true;
    }

    /** Erases the line so a log line can take its place; the caller holds the console's lock. */
    void clear() {
        if (shown) {
            console.drawRaw("\r\033[K");
            shown = false;
        }
    }

    private void finish(Entry entry) {
        synchronized (console) {
            active.remove(entry);
            clear();
            if (active.isEmpty() && ticking != null) {
                ticking.cancel(false);
                ticker.shutdown();
                ticking = null;
            }
        }
        console.log(entry.text + " (" + Durations.format(Duration.between(entry.start, clock.instant())) + ")");
    }

    private final class Entry implements Task {
        private volatile String text;
        private final Instant start;
        private boolean closed;

        Entry(String text, Instant start) {
            this.text = text;
            this.start = start;
        }

        @Override
        public void update(String phase) {
            text = phase;
        }

        @Override
        public void close() {
            synchronized (console) {
                if (closed) {
                    return;
                }
                closed = true;
            }
            finish(this);
        }
    }
}
