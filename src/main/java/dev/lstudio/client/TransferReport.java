package dev.lstudio.client;

import java.time.Duration;
import java.util.List;

/** The whole of one upload or download: every file's result, in the order they finished. */
public record TransferReport(TransferDirection direction, List<FileResult> files, Duration took) {
    public TransferReport {
        files = List.copyOf(files);
    }

    public long count(FileResult.Outcome outcome) {
        return files.stream().filter(f -> f.outcome() == outcome).count();
    }

    /** Bytes of the files moved (not skipped). */
    public long bytesMoved() {
        return files.stream().filter(f -> f.outcome() == FileResult.Outcome.SENT
                || f.outcome() == FileResult.Outcome.RECEIVED).mapToLong(f -> f.file().size()).sum();
    }

    public List<FileResult> failures() {
        return files.stream().filter(FileResult::failed).toList();
    }
}
