package dev.lstudio.api;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.LongConsumer;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;
import okio.Okio;
import okio.Source;

/**
 * {@code length} bytes of {@code file} from {@code offset}, streamed as they are sent (a 100 MiB
 * part is never held in memory), each chunk counted to {@code progress}. The length is known, so
 * Content-Length is set and an empty file is a zero-length body, not a chunked one. Each write
 * opens the file again: a resend after a failure starts over from the region's start.
 */
final class FileRegionBody extends RequestBody {
    private static final int CHUNK = 64 * 1024;

    private final Path file;
    private final long offset;
    private final long length;
    private final LongConsumer progress;

    FileRegionBody(Path file, long offset, long length, LongConsumer progress) {
        this.file = file;
        this.offset = offset;
        this.length = length;
        this.progress = progress;
    }

    @Override
    public MediaType contentType() {
        return null; // the presigned URL's own headers say it when the signature covers it
    }

    @Override
    public long contentLength() {
        return length;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.position(offset);
            Source source = Okio.source(Channels.newInputStream(channel));
            long left = length;
            okio.Buffer buffer = new okio.Buffer();
            while (left > 0) {
                long read = source.read(buffer, Math.min(CHUNK, left));
                if (read < 0) {
                    throw new IOException("the file " + file.getFileName() + " got shorter while it was being sent");
                }
                sink.write(buffer, read);
                sink.flush();
                left -= read;
                progress.accept(read);
            }
        }
    }
}
