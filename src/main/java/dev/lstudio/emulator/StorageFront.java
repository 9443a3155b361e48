package dev.lstudio.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Presigned storage at {@code /storage/{projectId}/{studioId}/{path}}, as S3 behaves for the
 * artifacts API's URLs: the signature is the only auth, errors are S3's XML, bodies are streamed
 * both ways (never held in memory), and faults of {@code /storage/**} rules apply.
 */
final class StorageFront implements HttpHandler {
    private final Store store;
    private final Uploads uploads;
    private final UrlSigner signer;
    private final Faults faults;
    private final RequestCounts counts;
    private final Consumer<String> log;

    StorageFront(Store store, Uploads uploads, UrlSigner signer, Faults faults, RequestCounts counts,
                 Consumer<String> log) {
        this.store = store;
        this.uploads = uploads;
        this.signer = signer;
        this.faults = faults;
        this.counts = counts;
        this.log = log;
    }

    /** One signed request: what it names and what its URL grants. */
    record Signed(String projectId, String studioId, String path, String uploadId, int partNumber) {
        String object() {
            return projectId + "/" + studioId + "/" + path;
        }
    }

    @Override
    public void handle(HttpExchange ex) {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getRawPath();
        String outcome = "?";
        try {
            counts.add(method, path);
            Faults.Decision fault = faults.decide(method, path);
            if (fault.latencyMillis() > 0) {
                Thread.sleep(fault.latencyMillis());
            }
            String kind = fault.fault() == null ? "" : fault.fault();
            if (kind.equals("drop")) {
                outcome = "dropped (fault)";
                return;
            }
            if (kind.matches("\\d+")) {
                int status = Integer.parseInt(kind);
                if (status == 429) {
                    ex.getResponseHeaders().set("Retry-After", String.valueOf(fault.retryAfterSeconds()));
                }
                outcome = S3Error.send(ex, status, status == 429 ? "SlowDown" : status == 500 ? "InternalError"
                        : "ServiceUnavailable", "fault injected by the lstudio emulator") + " (fault)";
                return;
            }
            if (kind.equals("expired")) {
                outcome = S3Error.send(ex, 403, "AccessDenied", "Request has expired") + " (expired, fault)";
                return;
            }
            outcome = serve(ex, method, kind);
        } catch (IOException e) {
            outcome = "client went away";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = "interrupted";
        } catch (RuntimeException e) {
            log.accept("internal error: " + e);
            outcome = "internal error";
            try {
                S3Error.send(ex, 500, "InternalError", "internal emulator error: " + e);
            } catch (IOException ignored) {
                // the client is gone; nothing to tell it
            }
        } finally {
            ex.close();
            log.accept(method + " " + path + " -> " + outcome);
        }
    }

    private String serve(HttpExchange ex, String method, String fault) throws IOException {
        if (ex.getRequestHeaders().getFirst("Authorization") != null) {
            return S3Error.send(ex, 400, "InvalidArgument", "only one auth mechanism allowed: the URL is signed; send"
                    + " no Authorization header");
        }
        Request query = new Request(method, ex.getRequestURI().getRawPath(), Map.of(), ex.getRequestURI().getRawQuery(),
                ex.getRequestHeaders(), new byte[0]);
        Signed signed = signed(ex.getRequestURI().getRawPath(), query);
        String expires = query.query(UrlSigner.EXPIRES);
        long expiry = expires != null && expires.matches("\\d{1,18}") ? Long.parseLong(expires) : -1;
        if (signed == null || expiry < 0 || !signer.valid(method, signed.object(), signed.uploadId(),
                signed.partNumber(), expiry, query.query(UrlSigner.SIGNATURE))) {
            return S3Error.send(ex, 403, "SignatureDoesNotMatch", "The request signature we calculated does not match"
                    + " the signature you provided; use the URL exactly as POST .../blobs or GET .../blobs/ gave it");
        }
        if (System.currentTimeMillis() >= expiry * 1000) {
            return S3Error.send(ex, 403, "AccessDenied", "Request has expired");
        }
        if (method.equals("PUT") && signed.uploadId() != null) {
            return new StoragePut(uploads).put(ex, signed, fault);
        }
        if (method.equals("GET") && signed.uploadId() == null) {
            return new StorageGet(store).get(ex, signed, fault);
        }
        return S3Error.send(ex, 405, "MethodNotAllowed", "this URL is signed for another method");
    }

    /** The object the path names, with the upload id and part number of the query; null when malformed. */
    private static Signed signed(String rawPath, Request query) {
        String[] parts = rawPath.substring("/storage/".length()).split("/", -1);
        if (parts.length < 3) {
            return null;
        }
        List<String> rest = new ArrayList<>();
        for (int i = 2; i < parts.length; i++) {
            rest.add(Request.decode(parts[i]));
        }
        String uploadId = query.query("uploadId");
        String part = query.query("partNumber");
        int partNumber = 0;
        if (uploadId != null) {
            if (part == null || !part.matches("\\d{1,5}")) {
                return null;
            }
            partNumber = Integer.parseInt(part);
        }
        return new Signed(Request.decode(parts[0]), Request.decode(parts[1]), String.join("/", rest), uploadId, partNumber);
    }

    static void copy(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buf = new byte[65536];
        long left = length;
        while (left > 0) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) {
                throw new IOException("the file ended early");
            }
            out.write(buf, 0, n);
            left -= n;
        }
    }
}
