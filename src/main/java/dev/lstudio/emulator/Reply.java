package dev.lstudio.emulator;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/** What a handler answers: a JSON body with a status, or a stream written as it is produced. */
final class Reply {
    /** Writes a streamed body; returns when the stream is complete. */
    interface Stream {
        void writeTo(OutputStream out) throws IOException, InterruptedException;
    }

    final int status;
    final Object body;
    final Map<String, String> headers;
    final String contentType;
    final Stream stream;

    private Reply(int status, Object body, Map<String, String> headers, String contentType, Stream stream) {
        this.status = status;
        this.body = body;
        this.headers = headers;
        this.contentType = contentType;
        this.stream = stream;
    }

    static Reply json(Object body) {
        return new Reply(200, body, Map.of(), "application/json", null);
    }

    /** The reference's {} answer to start, stop and the other actions. */
    static Reply empty() {
        return json(Map.of());
    }

    static Reply error(ApiError e, Map<String, String> headers) {
        return new Reply(e.httpStatus(), new ErrorBody(e.grpcCode(), e.getMessage(), java.util.List.of()), headers,
                "application/json", null);
    }

    /** The gRPC status body every error carries. */
    record ErrorBody(int code, String message, java.util.List<Object> details) {
    }

    /** 204 with no body: what the live service answers to a delete of a file or folder. */
    static Reply noContent() {
        return new Reply(204, null, Map.of(), "application/json", null);
    }

    /** 307 to {@code location} with no body: a download is sent on to a presigned storage URL. */
    static Reply redirect(String location) {
        return new Reply(307, null, Map.of("Location", location), "application/json", null);
    }

    static Reply stream(String contentType, Stream stream) {
        return new Reply(200, null, Map.of("Cache-Control", "no-cache"), contentType, stream);
    }
}
