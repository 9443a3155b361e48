package dev.lstudio.dsl;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.lstudio.client.FileResult;
import dev.lstudio.client.TransferReport;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code upload} and {@code download} return: how many files moved, their bytes, how many
 * were skipped as already there, and how long it took; {@link #getReport()} has every file.
 */
public final class Transferred {
    private final TransferReport report;

    Transferred(TransferReport report) {
        this.report = report;
    }

    /** Files sent or received (skipped ones not counted). */
    public long getFiles() {
        return report.count(FileResult.Outcome.SENT) + report.count(FileResult.Outcome.RECEIVED);
    }

    /** Bytes of the files moved. */
    public long getBytes() {
        return report.bytesMoved();
    }

    /** Files left alone because the same file was there already. */
    public long getSkipped() {
        return report.count(FileResult.Outcome.SKIPPED);
    }

    public Duration getTook() {
        return report.took();
    }

    /** The client's whole report, a result per file. */
    public TransferReport getReport() {
        return report;
    }

    @JsonValue
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("direction", report.direction().name());
        m.put("files", getFiles());
        m.put("bytes", getBytes());
        m.put("skipped", getSkipped());
        m.put("millis", report.took().toMillis());
        return m;
    }

    @Override
    public String toString() {
        return (report.direction() == dev.lstudio.client.TransferDirection.UP ? "sent " : "received ") + getFiles()
                + (getFiles() == 1 ? " file" : " files") + " (" + ByteSizes.human(getBytes()) + "), " + getSkipped()
                + " skipped, in " + dev.lstudio.client.Durations.format(report.took());
    }
}
