package dev.lstudio.emulator

import com.sun.net.httpserver.HttpExchange
import com.sun.net.httpserver.HttpServer
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.Executors

/**
 * A forwarding proxy in front of an emulator for the glitches the emulator's own faults cannot
 * express: an answer that is well formed but says nothing ({@code 200 {}}), for a while, once
 * something else was asked. A glitch is armed by a request matching its trigger and then answers
 * every request matching its target for its duration; everything else is forwarded as it is.
 */
class FaultProxy implements AutoCloseable {
    /** Answers {@code target} requests with {@code status body} for {@code millis} once a {@code trigger} request was seen. */
    static class Glitch {
        String trigger
        String target
        int status = 200
        String body = '{}'
        long millis = 1500
        volatile long armedAt = -1
        volatile int answered

        boolean active() {
            armedAt >= 0 && System.nanoTime() - armedAt < millis * 1_000_000L
        }
    }

    private final String upstream
    private final HttpServer server
    private final HttpClient http = HttpClient.newHttpClient()
    final List<Glitch> glitches = new CopyOnWriteArrayList<>()

    private FaultProxy(String upstream) {
        this.upstream = upstream.endsWith('/') ? upstream[0..-2] : upstream
        server = HttpServer.create(new InetSocketAddress('127.0.0.1', 0), 0)
        server.executor = Executors.newCachedThreadPool()
        server.createContext('/') { HttpExchange exchange -> handle(exchange) }
        server.start()
    }

    static FaultProxy before(String upstream) {
        new FaultProxy(upstream)
    }

    String getBaseUrl() {
        "http://127.0.0.1:${server.address.port}/"
    }

    /** e.g. {@code glitch(trigger: 'POST .+/execute', target: 'GET .+/codestatus')}: each a method (or *) and a regex of the path. */
    Glitch glitch(Map settings) {
        def g = new Glitch(settings)
        glitches << g
        g
    }

    private static boolean matches(String pattern, String method, String path) {
        def (m, p) = pattern.split(' ', 2)
        (m == '*' || m == method) && path ==~ p
    }

    private void handle(HttpExchange exchange) {
        try {
            String method = exchange.requestMethod
            String path = exchange.requestURI.path
            glitches.each { if (it.armedAt < 0 && matches(it.trigger, method, path)) { it.armedAt = System.nanoTime() } }
            def glitch = glitches.find { it.active() && matches(it.target, method, path) }
            if (glitch != null) {
                glitch.answered++
                reply(exchange, glitch.status, glitch.body.getBytes('UTF-8'), [:])
                return
            }
            byte[] body = exchange.requestBody.readAllBytes()
            def request = HttpRequest.newBuilder(URI.create(upstream + exchange.requestURI.toString()))
                    .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
            exchange.requestHeaders.each { name, values ->
                if (!(name.toLowerCase() in ['host', 'content-length', 'connection', 'transfer-encoding', 'upgrade', 'expect'])) {
                    values.each { request.header(name, it) }
                }
            }
            HttpResponse<byte[]> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray())
            reply(exchange, answer.statusCode(), answer.body(), answer.headers().map())
        } catch (Exception e) {
            exchange.sendResponseHeaders(502, -1)
        } finally {
            exchange.close()
        }
    }

    private static void reply(HttpExchange exchange, int status, byte[] body, Map<String, List<String>> headers) {
        headers.each { name, values ->
            if (!(name.toLowerCase() in ['content-length', 'transfer-encoding', 'connection', ':status'])) {
                exchange.responseHeaders.put(name, values)
            }
        }
        if (!exchange.responseHeaders.containsKey('Content-Type')) {
            exchange.responseHeaders.add('Content-Type', 'application/json')
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length)
        if (body.length > 0) {
            exchange.responseBody.write(body)
        }
    }

    @Override
    void close() {
        server.stop(0)
        (server.executor as java.util.concurrent.ExecutorService).shutdownNow()
    }
}
