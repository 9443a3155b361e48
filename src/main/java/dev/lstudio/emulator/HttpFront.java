package dev.lstudio.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The HTTP side: injects faults, checks Basic auth on every /v1 call, dispatches to the API or
 * (loopback only, no auth) to the admin routes, and writes JSON or streamed replies.
 */
final class HttpFront implements HttpHandler {
    private static final int MAX_BODY = 32 * 1024 * 1024;

    private final Router api;
    private final Router admin;
    private final Faults faults;
    /** Faults that act on the real answer, once the request was served. */
    private static final java.util.Set<String> AFTER_SERVING = java.util.Set.of("drop-after", "drip", "endless-pages");
    private final byte[] credentials;
    private final Consumer<String> log;
    private final RequestCounts counts;
    private final boolean strict;

    HttpFront(Router api, Router admin, Faults faults, Store.Identity identity, Consumer<String> log,
              RequestCounts counts, boolean strict) {
        this.strict = strict;
        this.api = api;
        this.counts = counts;
        this.admin = admin;
        this.faults = faults;
        this.credentials = (identity.userId() + ":" + identity.apiKey()).getBytes(StandardCharsets.UTF_8);
        this.log = log;
    }

    @Override
    public void handle(HttpExchange ex) {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getRawPath();
        String outcome = "?";
        try {
            if (path.equals("/_emulator") || path.startsWith("/_emulator/")) {
                outcome = respond(ex, ex.getRemoteAddress().getAddress().isLoopbackAddress()
                        ? serve(admin, ex, false)
                        : Reply.error(ApiError.permissionDenied("the admin API answers loopback callers only"), Map.of()));
                return;
            }
            counts.add(method, path);
            Faults.Decision fault = faults.decide(method, path);
            if (fault.latencyMillis() > 0) {
                Thread.sleep(fault.latencyMillis());
            }
            if ("drop".equals(fault.fault())) {
                outcome = "dropped (fault)";
                return;
            }
            if ("empty".equals(fault.fault())) {
                outcome = respond(ex, Reply.json(Map.of())) + " (empty, fault)";
                return;
            }
            if (fault.fault() != null && !AFTER_SERVING.contains(fault.fault())
                    && !Faults.STORAGE_ONLY.contains(fault.fault())) {
                Map<String, String> headers = fault.fault().equals("429")
                        ? Map.of("Retry-After", String.valueOf(fault.retryAfterSeconds())) : Map.of();
                outcome = respond(ex, Reply.error(ApiError.fault(Integer.parseInt(fault.fault())), headers)) + " (fault)";
                return;
            }
            Reply reply = path.startsWith("/v1/") ? serve(api, ex, true)
                    : Reply.error(ApiError.notFound("no such endpoint: " + method + " " + path
                    + "; the API lives under /v1/ and the emulator's admin API under /_emulator/"), Map.of());
            if ("drop-after".equals(fault.fault())) {
                outcome = "handled, then dropped (fault)";
                return;
            }
            if ("endless-pages".equals(fault.fault()) && reply.body instanceof Wire.CloudSpaceList page) {
                reply = Reply.json(new Wire.CloudSpaceList(page.cloudspaces(), StudioEndpoints.samePageAgain(ex.getRequestURI().getRawQuery())));
                outcome = respond(ex, reply) + " (endless pages, fault)";
                return;
            }
            if ("drip".equals(fault.fault()) && reply.stream == null && reply.body != null) {
                outcome = drip(ex, reply, fault.dripMillis()) + " (dripped, fault)";
                return;
            }
            outcome = respond(ex, reply);
        } catch (IOException e) {
            outcome = "client went away";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = "interrupted";
        } finally {
            // Closing an exchange that sent no headers closes the connection: that is the "drop".
            ex.close();
            log.accept(method + " " + path + " -> " + outcome);
        }
    }

    private Reply serve(Router router, HttpExchange ex, boolean authenticate) {
        try {
            byte[] body = readBody(ex.getRequestBody());
            if (authenticate) {
                authenticate(ex.getRequestHeaders().getFirst("Authorization"));
            }
            Router.Match match = router.match(ex.getRequestMethod(), ex.getRequestURI().getRawPath());
            Request request = new Request(ex.getRequestMethod(), ex.getRequestURI().getRawPath(), match.params(),
                    ex.getRequestURI().getRawQuery(), ex.getRequestHeaders(), body);
            if (strict && authenticate) {
                LiveFields.check(request.method, match.pattern(), request.body());
            }
            return match.handler().handle(request);
        } catch (ApiError e) {
            return Reply.error(e, Map.of());
        } catch (IllegalArgumentException e) {
            return Reply.error(ApiError.invalid(e.getMessage()), Map.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Reply.error(ApiError.internal("the emulator is shutting down"), Map.of());
        } catch (Exception e) {
            log.accept("internal error: " + e);
            return Reply.error(ApiError.internal("internal emulator error: " + e), Map.of());
        }
    }

    private void authenticate(String header) {
        if (header == null || header.isBlank()) {
            throw ApiError.unauthenticated("missing Authorization header; send 'Authorization: Basic "
                    + "<base64 of user_id:api_key>' (LIGHTNING_USER_ID and LIGHTNING_API_KEY)");
        }
        if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw ApiError.unauthenticated("the Authorization header must use the Basic scheme with the base64 of user_id:api_key");
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(header.substring(6).trim());
        } catch (IllegalArgumentException e) {
            throw ApiError.unauthenticated("the Authorization header is not valid base64 of user_id:api_key");
        }
        if (!MessageDigest.isEqual(credentials, given)) {
            throw ApiError.unauthenticated("invalid credentials: the user id or API key is wrong");
        }
    }

    private static byte[] readBody(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[16384];
        int n;
        while ((n = in.read(buf)) >= 0) {
            out.write(buf, 0, n);
            if (out.size() > MAX_BODY) {
                throw ApiError.tooLarge("request body is larger than 32 MiB");
            }
        }
        return out.toByteArray();
    }

    /** The answer, a byte at a time {@code pauseMillis} apart: a read timeout that restarts with each byte never fires. */
    private static String drip(HttpExchange ex, Reply reply, long pauseMillis) throws IOException, InterruptedException {
        reply.headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        ex.getResponseHeaders().set("Content-Type", reply.contentType);
        byte[] bytes = Json.MAPPER.writeValueAsBytes(reply.body);
        ex.sendResponseHeaders(reply.status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            for (byte b : bytes) {
                out.write(b);
                out.flush();
                Thread.sleep(pauseMillis);
            }
        }
        return String.valueOf(reply.status);
    }

    private static String respond(HttpExchange ex, Reply reply) throws IOException, InterruptedException {
        reply.headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        ex.getResponseHeaders().set("Content-Type", reply.contentType);
        if (reply.stream != null) {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                reply.stream.writeTo(out);
            }
            return "200 (stream)";
        }
        if (reply.body == null) {
            ex.sendResponseHeaders(reply.status, -1);
            return String.valueOf(reply.status);
        }
        byte[] bytes = Json.MAPPER.writeValueAsBytes(reply.body);
        ex.sendResponseHeaders(reply.status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
        return String.valueOf(reply.status);
    }
}
