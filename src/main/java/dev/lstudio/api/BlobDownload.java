package dev.lstudio.api;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * An open download: the answer's status (200 whole, 206 from the offset asked for), its
 * {@code Content-Length} (-1 when not given) and {@code Content-Range} (null when not given), and
 * the body as a stream. The caller reads it and closes it; read failures are plain IOExceptions
 * (a dropped connection, a short body) for the caller to resume from.
 */
public final class BlobDownload implements Closeable {
    private final int status;
    private final long contentLength;
    private final String contentRange;
    private final InputStream body;

    BlobDownload(int status, long contentLength, String contentRange, InputStream body) {
        this.status = status;
        this.contentLength = contentLength;
        this.contentRange = contentRange;
        this.body = body;
    }

    public int status() {
        return status;
    }

    /** Whether the answer starts at the offset asked for (206), rather than at the file's start. */
    public boolean partial() {
        return status == 206;
    }

    public long contentLength() {
        return contentLength;
    }

    public String contentRange() {
        return contentRange;
    }

    public InputStream body() {
        return body;
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
