package dev.lstudio.emulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A GET of a presigned download URL: the Studio's file, streamed, with {@code Range: bytes=N-} or {@code N-M}. */
final class StorageGet {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d{1,19})-(\\d{0,19})");

    private final Store store;

    StorageGet(Store store) {
        this.store = store;
    }

    String get(HttpExchange ex, StorageFront.Signed signed, String fault) throws IOException {
        Path dir = store.read(() -> {
            StudioRecord s = store.byId(signed.studioId());
            return s == null || !s.projectId.equals(signed.projectId()) ? null : store.dir(s);
        });
        Path file = dir == null ? null : StudioFiles.content(dir, signed.path(), false);
        if (file == null || !Files.isRegularFile(file)) {
            return S3Error.send(ex, 404, "NoSuchKey", "'" + signed.path() + "' is no longer in the Studio (deleted,"
                    + " or its Studio deleted)");
        }
        try (InputStream in = Files.newInputStream(file)) {
            long size = Files.size(file);
            long from = 0;
            long to = size - 1;
            String range = ex.getRequestHeaders().getFirst("Range");
            if (range != null) {
                Matcher m = RANGE.matcher(range.trim());
                if (!m.matches() || Long.parseLong(m.group(1)) >= size) {
                    ex.getResponseHeaders().set("Content-Range", "bytes */" + size);
                    return S3Error.send(ex, 416, "InvalidRange", "the range " + range + " is not within the file's "
                            + size + " bytes; ask for bytes=N- with N below " + size);
                }
                from = Long.parseLong(m.group(1));
                to = m.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(m.group(2)));
                if (to < from) {
                    ex.getResponseHeaders().set("Content-Range", "bytes */" + size);
                    return S3Error.send(ex, 416, "InvalidRange", "the range " + range + " ends before it starts");
                }
                ex.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + to + "/" + size);
            }
            long length = to - from + 1;
            int status = range == null ? 200 : 206;
            ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
            ex.getResponseHeaders().set("Accept-Ranges", "bytes");
            in.skipNBytes(from);
            if (length == 0) {
                ex.sendResponseHeaders(status, -1);
                return status + " (0 bytes)";
            }
            ex.sendResponseHeaders(status, length);
            OutputStream out = ex.getResponseBody();
            if (fault.equals("short-body")) {
                StorageFront.copy(in, out, length / 2);
                out.flush();
                // Closing the exchange with bytes owed closes the connection: the caller sees a short body.
                return status + " with " + (length / 2) + " of " + length + " bytes (short-body, fault)";
            }
            StorageFront.copy(in, out, length);
            out.close();
            return status + " (" + length + " bytes)";
        }
    }
}
