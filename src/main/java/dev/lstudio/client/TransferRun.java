package dev.lstudio.client;

import dev.lstudio.api.LightningException;
import dev.lstudio.api.NotFoundException;
import dev.lstudio.api.StorageUrls;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Runs the files of one transfer, {@code parallel} at a time, telling the listener about each
 * (planned, started, moved, finished, done). A file that fails does not stop the others: its
 * failure is in the report, and all of them are thrown together at the end as one
 * {@link FileTransferException} naming the first few paths and the count (a lone file's own).
 */
final class TransferRun {
    private static final int NAMED = 5;

    interface Work {
        /** Moves the file (or decides to skip it) and says which. */
        FileResult.Outcome run(Meter meter) throws Exception;
    }

    record Job(FileTransfer file, Work work) {
    }

    private final TransferDirection direction;
    private final TransferOptions options;
    private final String studio;

    TransferRun(TransferDirection direction, TransferOptions options, String studio) {
        this.direction = direction;
        this.options = options;
        this.studio = studio;
    }

    TransferReport run(List<Job> jobs) {
        long start = System.nanoTime();
        TransferListener listener = options.listener();
        listener.planned(direction, jobs.size(), jobs.stream().mapToLong(j -> Math.max(0, j.file().size())).sum());
        List<FileResult> results = Collections.synchronizedList(new ArrayList<>());
        List<FileTransferException> failures = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Workers.pool(Math.max(1, Math.min(options.parallel(), jobs.size())), "lstudio-file");
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Job job : jobs) {
                running.add(pool.submit(() -> results.add(one(job, listener, failures))));
            }
            running.forEach(Workers::get);
        } finally {
            pool.shutdownNow();
        }
        TransferReport report = new TransferReport(direction, results, Duration.ofNanos(System.nanoTime() - start));
        listener.done(report);
        if (!failures.isEmpty()) {
            throw together(failures, jobs.size());
        }
        return report;
    }

    private FileResult one(Job job, TransferListener listener, List<FileTransferException> failures) {
        long start = System.nanoTime();
        Meter meter = new Meter(job.file(), listener);
        listener.started(job.file());
        FileResult result;
        try {
            FileResult.Outcome outcome = job.work().run(meter);
            result = new FileResult(job.file(), outcome, meter.crossed(), Duration.ofNanos(System.nanoTime() - start), null);
        } catch (Exception e) {
            FileTransferException failure = failure(job.file(), e);
            failures.add(failure);
            result = new FileResult(job.file(), FileResult.Outcome.FAILED, meter.crossed(),
                    Duration.ofNanos(System.nanoTime() - start), failure.getMessage());
        }
        listener.finished(result);
        return result;
    }

    /** Any failure of one file, as a FileTransferException in words that name it. */
    FileTransferException failure(FileTransfer file, Exception e) {
        if (e instanceof FileTransferException f) {
            return f;
        }
        if (NoSpace.is(e)) {
            return NoSpace.failure(file.local(), file.size(), e);
        }
        String what = direction == TransferDirection.UP
                ? "uploading " + file.local() + " to " + studio + ":" + file.remote()
                : "downloading " + studio + ":" + file.remote() + " to " + file.local();
        String reason = StorageUrls.scrub(String.valueOf(e.getMessage()));
        if (e instanceof NotFoundException) {
            return new FileTransferException(Failure.GONE, file.remote(), what + " failed: there is no file '" + file.remote()
                    + "' in studio '" + studio + "' any more; lstudio ls " + studio + ":" + RemotePaths.parent(file.remote())
                    + " shows what is there", null);
        }
        Failure kind = Failure.of(e).orElse(Failure.SERVICE);
        String advice = e instanceof LightningException ? "" : "; try again, report it if it persists";
        return new FileTransferException(kind, direction == TransferDirection.UP ? file.local().toString() : file.remote(),
                what + " failed: " + reason + advice, null);
    }

    private FileTransferException together(List<FileTransferException> failures, int files) {
        if (files == 1 && failures.size() == 1) {
            return failures.get(0);
        }
        List<FileTransferException> sorted = new ArrayList<>(failures);
        sorted.sort(java.util.Comparator.comparing(FileTransferException::path));
        String named = sorted.stream().limit(NAMED).map(FileTransferException::path).collect(Collectors.joining(", "));
        String more = sorted.size() > NAMED ? " and " + (sorted.size() - NAMED) + " more" : "";
        Failure kind = sorted.stream().map(FileTransferException::kind).distinct().count() == 1 ? sorted.get(0).kind() : Failure.SERVICE;
        String verb = direction == TransferDirection.UP ? "upload to" : "download from";
        return new FileTransferException(kind, sorted.get(0).path(), sorted.size() + " of " + files + " files failed to "
                + verb + " studio '" + studio + "': " + named + more + " (first: " + sorted.get(0).getMessage()
                + "); the others were moved, run it again to retry the failed ones", sorted.get(0));
    }
}
