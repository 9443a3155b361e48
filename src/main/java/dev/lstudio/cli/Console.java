package dev.lstudio.cli;

import dev.lstudio.client.Durations;
import dev.lstudio.client.Failure;
import dev.lstudio.client.Progress;
import dev.lstudio.dsl.Output;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The run's output rules in one place. Results go to stdout. Everything a person reads goes
 * to stderr: on a terminal as plain lines with a spinner line below them while something
 * waits; elsewhere (cron) as lines that start with a timestamp. {@code --quiet} drops log and
 * progress lines but never errors; {@code --debug} adds debug lines. Everything goes out through
 * the run's {@link Redaction}, stdout too (a command that echoes the key prints {@code ****}):
 * this is the one place output leaves lstudio, so no caller has to remember to mask the key.
 */
final class Console implements Output {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final Redaction redaction;
    private final Redaction.Held stdout;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;
    private final boolean quiet;
    private final boolean debug;
    private final Clock clock;
    private final Spinner spinner;
    /** A transfer's progress bar, drawn in place like the spinner: log lines clear it and draw it again below them. */
    private Overlay overlay;

    /** A line drawn in place on a terminal, besides the spinner's; drawn and cleared with the console's lock held. */
    interface Overlay {
        void clear();

        void draw();
    }

    /** Results and log lines are written in UTF-8, whatever the streams' own charset (the locale's). */
    Console(PrintStream out, PrintStream err, boolean terminal, boolean quiet, boolean debug, Clock clock,
            Redaction redaction) {
        this(out, err, terminal, quiet, debug, clock, redaction, StandardCharsets.UTF_8);
    }

    /** Results and log lines are written in {@code encoding} (the REPL's: its terminal's). */
    Console(PrintStream out, PrintStream err, boolean terminal, boolean quiet, boolean debug, Clock clock,
            Redaction redaction, Charset encoding) {
        this.redaction = redaction;
        this.stdout = redaction.stream(out);
        this.out = new PrintStream(stdout, true, encoding);
        this.err = new PrintStream(err, true, encoding);
        this.terminal = terminal;
        this.quiet = quiet;
        this.debug = debug;
        this.clock = clock;
        this.spinner = terminal && !quiet ? new Spinner(this, clock) : null;
    }

    @Override
    public PrintStream out() {
        return out;
    }

    /** What this console masks; the composition root adds to it (the embedded emulator's key). */
    Redaction redaction() {
        return redaction;
    }

    /** At the end of the run: stdout's held tail (a possible start of the key) goes out, then a flush. */
    void finish() {
        out.flush();
        try {
            stdout.release();
        } catch (IOException e) {
            // stdout is gone: nothing more can be shown on it
        }
    }

    @Override
    public void log(String message) {
        if (!quiet) {
            line(message);
        }
    }

    /**
     * A failure the run reports as part of its log (a failed command): timestamped off a terminal like
     * the lines before it, so that a cron log says when, and printed even with {@code --quiet}.
     */
    void failure(String message) {
        line(message);
    }

    void debug(String message) {
        if (debug) {
            line("debug: " + message);
        }
    }

    boolean debugging() {
        return debug;
    }

    /** Errors print in every mode, without a timestamp, so that editors can parse file:line:column. */
    void error(String message) {
        synchronized (this) {
            clearSpinner();
            err.println(redaction.redact(message));
            err.flush();
            drawSpinner();
        }
    }

    void stackTrace(Throwable t) {
        synchronized (this) {
            clearSpinner();
            Failure.technical(t).ifPresent(call -> err.println(redaction.redact("debug: the call: " + call)));
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            err.print(redaction.redact(trace.toString()));
            err.flush();
        }
    }

    /** Whether progress is drawn in place (a terminal, not --quiet); elsewhere it is log lines, or nothing. */
    boolean drawsProgress() {
        return terminal && !quiet;
    }

    Progress progress() {
        if (quiet) {
            return Progress.silent();
        }
        return spinner != null ? spinner : new LineProgress();
    }

    private synchronized void line(String message) {
        clearSpinner();
        if (!terminal) {
            err.print(STAMP.format(Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).atZone(zone())) + " ");
        }
        err.println(redaction.redact(message));
        err.flush();
        drawSpinner();
    }

    private ZoneId zone() {
        return clock.getZone();
    }

    /** Called by the spinner with the console's lock held. */
    void drawRaw(String text) {
        err.print(redaction.redact(text));
        err.flush();
    }

    /** {@code shown} is drawn in place from now on (null: none); the caller holds the console's lock. */
    void overlay(Overlay shown) {
        overlay = shown;
    }

    private void clearSpinner() {
        if (spinner != null) {
            spinner.clear();
        }
        if (overlay != null) {
            overlay.clear();
        }
    }

    private void drawSpinner() {
        if (spinner != null) {
            spinner.draw();
        }
        if (overlay != null) {
            overlay.draw();
        }
    }

    /** Off a terminal: one timestamped line when a wait starts, changes phase and ends. */
    private final class LineProgress implements Progress {
        @Override
        public Task begin(String text) {
            Instant start = clock.instant();
            log(text);
            return new Task() {
                private String current = text;

                @Override
                public void update(String phase) {
                    if (!phase.equals(current)) {
                        current = phase;
                        log(phase);
                    }
                }

                @Override
                public void close() {
                    log(current + " (" + Durations.format(Duration.between(start, clock.instant())) + ")");
                }
            };
        }
    }
}
