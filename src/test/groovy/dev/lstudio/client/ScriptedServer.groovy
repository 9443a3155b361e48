package dev.lstudio.client

import okhttp3.mockwebserver.Dispatcher
import okhttp3.mockwebserver.MockResponse
import okhttp3.mockwebserver.MockWebServer
import okhttp3.mockwebserver.RecordedRequest

import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit

/**
 * A MockWebServer answering by route ("GET /v1/..." without the query). Each route has a queue
 * of answers; the last one repeats, so a wait can poll it as often as it likes.
 */
class ScriptedServer {
    final MockWebServer server = new MockWebServer()
    final Map<String, List<MockResponse>> routes = [:].asSynchronized()
    final List<String> calls = [].asSynchronized()
    final List<RecordedRequest> requests = [].asSynchronized()
    final Map<String, CountDownLatch> gates = [:].asSynchronized()

    ScriptedServer() {
        server.dispatcher = new Dispatcher() {
            @Override
            MockResponse dispatch(RecordedRequest request) {
                String key = request.method + ' ' + request.requestUrl.encodedPath()
                calls << key
                requests << request
                gates[key]?.await(30, TimeUnit.SECONDS)
                List<MockResponse> queue = routes[key]
                if (!queue) {
                    return json(404, """{"code":5,"message":"no route for $key"}""")
                }
                queue.size() > 1 ? queue.remove(0) : queue[0]
            }
        }
    }

    String url() {
        server.url('/').toString()
    }

    /** Answers {@code route} with these JSON bodies in turn (the last repeats). */
    ScriptedServer on(String route, String... bodies) {
        routes[route] = bodies.collect { json(200, it) }
        this
    }

    ScriptedServer onResponses(String route, MockResponse... responses) {
        routes[route] = responses as List
        this
    }

    static MockResponse json(int status, String body) {
        new MockResponse().setResponseCode(status).setBody(body).setHeader('Content-Type', 'application/json')
    }

    /** Holds answers to {@code route} until the returned latch is counted down. */
    CountDownLatch hold(String route) {
        def gate = new CountDownLatch(1)
        gates[route] = gate
        gate
    }

    int count(String route) {
        // Iterating a synchronized list needs its lock: the server's thread appends meanwhile.
        synchronized (calls) {
            calls.count { it == route }
        }
    }

    RecordedRequest last(String route) {
        synchronized (requests) {
            requests.findAll { it.method + ' ' + it.requestUrl.encodedPath() == route }.last()
        }
    }

    void shutdown() {
        gates.values()*.countDown()
        server.shutdown()
    }
}
