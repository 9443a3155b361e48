package dev.lstudio.client;

import dev.lstudio.api.BlobDownload;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One file down: streamed into a hidden {@code .partial} file beside the target, its length checked
 * against {@code Content-Length} and the listing's size, and only then renamed into place (so a
 * failure never leaves half a file where the file, or the old one, was). A short body or a dropped
 * connection is resumed from the bytes written with {@code Range} when storage answers 206, and
 * started over (the listener's bytes taken back) when it answers 200. On failure the temporary file
 * is deleted.
 */
final class Downloads {
    private final StudioRef studio;

    Downloads(StudioRef studio) {
        this.studio = studio;
    }

    /** Thrown for a body that ended before its length: a transient failure, resumed. */
    static final class ShortBody extends IOException {
        ShortBody(long got, long expected) {
            super("the download ended after " + got + " of " + expected + " bytes");
        }
    }

    /** {@code file.size()} is the listing's size (-1 when unknown). */
    void receive(FileTransfer file, Meter meter) throws IOException {
        Path target = file.local().toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path temp = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid()
                + "-" + Thread.currentThread().getId() + ".partial");
        boolean done = false;
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            Meter.Attempt counted = meter.attempt();
            for (int attempt = 1; ; attempt++) {
                try {
                    fetch(file, out, counted);
                    break;
                } catch (IOException | RuntimeException e) {
                    if (NoSpace.is(e) || !studio.retry().again(attempt, e)) {
                        throw e;
                    }
                }
            }
            out.force(false);
            out.close();
            Checksums.move(temp, target);
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** One try: from the bytes already in {@code out}; returns once the file is whole. */
    private void fetch(FileTransfer file, FileChannel out, Meter.Attempt counted) throws IOException {
        long have = out.size();
        try (BlobDownload answer = studio.api().openFile(studio.projectId(), studio.studioId(), file.remote(),
                studio.clusterId(), have)) {
            if (have > 0 && !answer.partial()) {
                out.truncate(0); // storage sent it all again: start over, and take back what was counted
                out.position(0);
                counted.failed();
                have = 0;
            }
            long expected = answer.contentLength() < 0 ? -1 : have + answer.contentLength();
            if (expected >= 0 && file.size() >= 0 && expected != file.size()) {
                throw new IllegalStateException("'" + file.remote() + "' is " + expected + " bytes now, the listing said "
                        + file.size() + ": it changed while it was being downloaded; try again");
            }
            long got = have + copy(answer.body(), out, counted);
            long whole = expected >= 0 ? expected : file.size();
            if (whole >= 0 && got < whole) {
                throw new ShortBody(got, whole);
            }
            if (whole >= 0 && got > whole) {
                throw new IllegalStateException("'" + file.remote() + "' came with " + got + " bytes, more than the "
                        + whole + " announced; try again");
            }
        }
    }

    private static long copy(InputStream in, FileChannel out, Meter.Attempt counted) throws IOException {
        OutputStream sink = Channels.newOutputStream(out);
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) >= 0; ) {
            sink.write(buffer, 0, n);
            total += n;
            counted.accept(n);
        }
        return total;
    }
}
