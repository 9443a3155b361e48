package dev.lstudio.client;

/**
 * Hears a transfer as it goes, for whoever shows it (a progress bar on a terminal, one line per
 * file in a cron log, a JSON record per file). Calls come from the transfer's worker threads,
 * several at once: implementations must be thread-safe and quick. {@code planned} comes first,
 * once the files are known; {@code moved} reports bytes as they cross (and may go back by the
 * bytes of a failed attempt that is retried from the start, so the total never counts twice).
 */
public interface TransferListener {
    /** The files to move are known: how many and how many bytes in all (skipped ones included). */
    default void planned(TransferDirection direction, int files, long bytes) {
    }

    default void started(FileTransfer file) {
    }

    /** {@code delta} bytes of {@code file} crossed (negative: a failed attempt's bytes taken back). */
    default void moved(FileTransfer file, long delta) {
    }

    default void finished(FileResult result) {
    }

    /** The transfer is over, however it went. */
    default void done(TransferReport report) {
    }

    TransferListener NONE = new TransferListener() {
    };
}
