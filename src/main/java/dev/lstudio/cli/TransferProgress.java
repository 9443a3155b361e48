package dev.lstudio.cli;

import dev.lstudio.client.FileResult;
import dev.lstudio.client.FileTransfer;
import dev.lstudio.client.TransferDirection;
import dev.lstudio.client.TransferListener;
import dev.lstudio.client.TransferReport;
import dev.lstudio.dsl.ByteSizes;
import dev.lstudio.dsl.JsonLines;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Shows one transfer of a studio's files by the run's output rules: on a terminal a progress bar
 * (bytes done of all, rate, the files moving) redrawn in place at most ten times a second and
 * cleared at the end; off a terminal (cron) one timestamped line per file; with {@code --json}
 * besides, a JSON record per file and one for the total on stdout. Either way a total line ends
 * it. Calls come from the transfer's worker threads: drawing holds the console's lock.
 */
final class TransferProgress implements TransferListener, Console.Overlay {
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int BAR = 20;

    private final Console console;
    private final String studio;
    private final boolean json;
    private final boolean bar;
    private final long startNanos = System.nanoTime();
    private final AtomicLong done = new AtomicLong();
    private final Set<String> moving = new LinkedHashSet<>();
    private volatile long total;
    private long drawnAt;
    private boolean shown;
    private boolean finished;

    TransferProgress(Console console, String studio, boolean json) {
        this.console = console;
        this.studio = studio;
        this.json = json;
        this.bar = console.drawsProgress();
    }

    @Override
    public void planned(TransferDirection direction, int files, long bytes) {
        total = bytes;
    }

    @Override
    public void started(FileTransfer file) {
        synchronized (console) {
            moving.add(file.remote());
        }
        redraw();
    }

    @Override
    public void moved(FileTransfer file, long delta) {
        done.addAndGet(delta);
        redraw();
    }

    @Override
    public void finished(FileResult result) {
        synchronized (console) {
            moving.remove(result.file().remote());
        }
        if (result.outcome() == FileResult.Outcome.SKIPPED) {
            done.addAndGet(result.file().size()); // counted in the plan, so the bar reaches its end
        }
        if (json) {
            console.out().println(JsonLines.write(record(result)));
        }
        if (!bar) {
            console.log(line(result));
        }
        redraw();
    }

    @Override
    public void done(TransferReport report) {
        synchronized (console) {
            clear();
            console.overlay(null);
            finished = true;
        }
        if (json) {
            console.out().println(JsonLines.write(totalRecord(report)));
        }
        console.log(totalLine(studio, report));
    }

    /** {@code my-studio: sent train.py (12.3 KiB)}, the path as it is in the studio. */
    String line(FileResult result) {
        String size = ByteSizes.human(result.file().size());
        return switch (result.outcome()) {
            case SENT -> studio + ": sent " + result.file().remote() + " (" + size + ")";
            case RECEIVED -> studio + ": received " + result.file().remote() + " (" + size + ")";
            case SKIPPED -> studio + ": skipped " + result.file().remote() + " (" + size + ", the same is there already)";
            case FAILED -> studio + ": failed " + result.file().remote() + ": " + result.reason();
        };
    }

    /** {@code my-studio: sent 3 files (45.6 KiB), 1 skipped, 0 failed, 2.1 MB/s, in 1.2s}. */
    static String totalLine(String studio, TransferReport report) {
        long moved = report.count(FileResult.Outcome.SENT) + report.count(FileResult.Outcome.RECEIVED);
        return studio + ": " + (report.direction() == TransferDirection.UP ? "sent " : "received ") + moved
                + (moved == 1 ? " file" : " files") + " (" + ByteSizes.human(report.bytesMoved()) + "), "
                + report.count(FileResult.Outcome.SKIPPED) + " skipped, " + report.count(FileResult.Outcome.FAILED)
                + " failed, " + ByteSizes.rate(report.bytesMoved(), report.took().toMillis()) + ", in "
                + dev.lstudio.client.Durations.format(report.took());
    }

    private Map<String, Object> record(FileResult result) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("record", "file");
        r.put("studio", studio);
        r.put("direction", result.file().direction().name());
        r.put("local", result.file().local() == null ? null : result.file().local().toString());
        r.put("remote", result.file().remote());
        r.put("size", result.file().size());
        r.put("outcome", result.outcome().name());
        r.put("bytes", result.bytes());
        r.put("millis", result.took() == null ? 0 : result.took().toMillis());
        r.put("reason", result.reason());
        return r;
    }

    private Map<String, Object> totalRecord(TransferReport report) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("record", "total");
        r.put("studio", studio);
        r.put("direction", report.direction().name());
        r.put("files", report.count(FileResult.Outcome.SENT) + report.count(FileResult.Outcome.RECEIVED));
        r.put("bytes", report.bytesMoved());
        r.put("skipped", report.count(FileResult.Outcome.SKIPPED));
        r.put("failed", report.count(FileResult.Outcome.FAILED));
        r.put("millis", report.took().toMillis());
        r.put("mbPerSecond", Math.round(ByteSizes.mbPerSecond(report.bytesMoved(), report.took().toMillis()) * 10) / 10.0);
        return r;
    }

    private void redraw() {
        if (!bar) {
            return;
        }
        synchronized (console) {
            long now = System.nanoTime();
            if (finished || shown && now - drawnAt < REDRAW_NANOS) {
                return;
            }
            console.overlay(this); // so that a log line meanwhile (another studio's) clears the bar and draws it again
            draw();
        }
    }

    /** Erases the bar; the caller holds the console's lock. */
    @Override
    public void clear() {
        if (shown) {
            console.drawRaw("\r\033[K");
            shown = false;
        }
    }

    /** Draws the bar now; the caller holds the console's lock. */
    @Override
    public void draw() {
        if (finished) {
            return;
        }
        long now = System.nanoTime();
        drawnAt = now;
        console.drawRaw("\r\033[K" + barText(now));
        shown = true;
    }

    /** {@code my-studio [#######-------------] 12.3 MiB/45.6 MiB 3.2 MB/s train.py (+2)}; the caller holds the lock. */
    private String barText(long now) {
        long bytes = Math.max(0, done.get());
        long all = Math.max(total, bytes);
        int filled = all == 0 ? 0 : (int) Math.min(BAR, bytes * BAR / all);
        List<String> files = new ArrayList<>(moving);
        String current = files.isEmpty() ? "" : "  " + files.get(0) + (files.size() > 1 ? " (+" + (files.size() - 1) + ")" : "");
        return studio + " [" + "#".repeat(filled) + "-".repeat(BAR - filled) + "] " + ByteSizes.human(bytes) + "/"
                + ByteSizes.human(all) + "  " + ByteSizes.rate(bytes, (now - startNanos) / 1_000_000) + current;
    }
}
