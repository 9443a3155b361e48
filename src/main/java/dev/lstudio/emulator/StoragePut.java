package dev.lstudio.emulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;

/** A PUT of a part (or of a whole single-part file) to a presigned URL: streamed into the staging area. */
final class StoragePut {
    private final Uploads uploads;

    StoragePut(Uploads uploads) {
        this.uploads = uploads;
    }

    String put(HttpExchange ex, StorageFront.Signed signed, String fault) throws IOException {
        String header = ex.getRequestHeaders().getFirst("Content-Length");
        if (header == null || !header.matches("\\d{1,19}")) {
            return S3Error.send(ex, 411, "MissingContentLength", "send a Content-Length header with the part's size;"
                    + " storage takes no chunked bodies");
        }
        long length = Long.parseLong(header);
        if (uploads.get(signed.uploadId()) == null) {
            return gone(ex, signed);
        }
        if (fault.equals("drop-part")) {
            // Part of the body read, then the connection closed with no answer: nothing is stored.
            InputStream in = ex.getRequestBody();
            long want = length / 2;
            byte[] buf = new byte[8192];
            while (want > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, want));
                if (n < 0) {
                    break;
                }
                want -= n;
            }
            return "dropped after part of the body (drop-part, fault)";
        }
        Uploads.Part part;
        try {
            part = uploads.stage(signed.uploadId(), signed.partNumber(), ex.getRequestBody(), length);
        } catch (IOException e) {
            if (uploads.get(signed.uploadId()) == null) {
                return gone(ex, signed);
            }
            return S3Error.send(ex, 400, "IncompleteBody", "the body ended before its Content-Length of " + length
                    + " bytes; send the whole part") + " (nothing stored)";
        }
        if (part == null) {
            return gone(ex, signed);
        }
        if (fault.equals("drop-after")) {
            return "stored, then dropped (fault)";
        }
        if (fault.equals("empty")) {
            ex.sendResponseHeaders(200, -1);
            return "200 without ETag (empty, fault)";
        }
        ex.getResponseHeaders().set("ETag", part.etag());
        ex.sendResponseHeaders(200, -1);
        return "200 (" + part.size() + " bytes)";
    }

    private static String gone(HttpExchange ex, StorageFront.Signed signed) throws IOException {
        return S3Error.send(ex, 404, "NoSuchUpload", "upload " + signed.uploadId() + " of '" + signed.path()
                + "' is not in progress (completed, replaced by a newer one, or its studio deleted); sign it again");
    }
}
