package dev.lstudio.emulator

import groovy.json.JsonOutput
import groovy.json.JsonSlurperClassic
import java.net.http.HttpClient
import java.net.http.HttpHeaders
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.time.Duration

/**
 * Plain HTTP against an emulator, as any client would speak to the reference API: java.net.http,
 * JSON by hand, Basic auth. Deliberately nothing from lstudio's own client.
 */
class Api {
    static final Duration DEADLINE = Duration.ofSeconds(60)

    final Emulator emu
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
    final String auth

    Api(Emulator emu) {
        this.emu = emu
        this.auth = 'Basic ' + "${emu.userId()}:${emu.apiKey()}".bytes.encodeBase64().toString()
    }

    /** A response: status, raw text, parsed JSON (or null), headers. */
    static class Resp {
        int status
        String text
        def json
        HttpHeaders headers

        String toString() { "$status $text" }
    }

    Resp call(String method, String path, Object body = null, Map<String, String> headers = [:], boolean withAuth = true) {
        def b = HttpRequest.newBuilder(URI.create(emu.baseUrl() + path.replaceFirst('^/', '')))
                .timeout(Duration.ofSeconds(60))
        if (withAuth) {
            b.header('Authorization', auth)
        }
        headers.each { k, v -> b.header(k, v) }
        String payload = body == null ? null : (body instanceof String ? body : JsonOutput.toJson(body))
        if (payload != null) {
            b.header('Content-Type', 'application/json')
        }
        b.method(method, payload == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(payload))
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString())
        def json = null
        try {
            // Classic, not the lazy default: specs hand these maps to many threads at once.
            json = r.body() ? new JsonSlurperClassic().parseText(r.body()) : null
        } catch (ignored) {
        }
        new Resp(status: r.statusCode(), text: r.body(), json: json, headers: r.headers())
    }

    Resp get(String path, Map<String, String> headers = [:]) { call('GET', path, null, headers) }

    Resp post(String path, Object body = null) { call('POST', path, body) }

    Resp put(String path, Object body) { call('PUT', path, body) }

    Resp delete(String path) { call('DELETE', path) }

    /** Like {@link #call} but fails the test unless the answer is 200; returns the JSON. */
    def ok(String method, String path, Object body = null) {
        Resp r = call(method, path, body)
        assert r.status == 200: "$method $path -> $r"
        r.json
    }

    String projectId(int index = 0) {
        ok('GET', 'v1/memberships?filterByUserId=true').memberships[index].projectId
    }

    String studios(String projectId = projectId()) { "v1/projects/$projectId/cloudspaces" }

    Map create(String name, Map extra = [:], String projectId = projectId()) {
        ok('POST', studios(projectId), [name: name] + extra) as Map
    }

    String path(Map studio, String action = null) {
        "v1/projects/${studio.projectId}/cloudspaces/${studio.id}" + (action ? "/$action" : '')
    }

    Map codeStatus(Map studio) { ok('GET', path(studio, 'codestatus')) as Map }

    Map startAndWait(Map studio, String machine = 'cpu-4') {
        ok('POST', path(studio, 'start'), [compute_config: [name: machine]])
        waitFor("$studio.name running on $machine") {
            def s = codeStatus(studio)
            s.inUse?.phase == 'CLOUD_SPACE_INSTANCE_STATE_RUNNING' && s.inUse.startupStatus.topUpRestoreFinished ? s : null
        }
    }

    Map waitStopped(Map studio) {
        waitFor("$studio.name stopped") {
            def s = codeStatus(studio)
            s.inUse == null || s.inUse.phase == 'CLOUD_SPACE_INSTANCE_STATE_STOPPED' ? s : null
        }
    }

    Map exec(Map studio, String command, Map extra = [:]) {
        ok('POST', path(studio, 'execute'), [command: command] + extra) as Map
    }

    def admin(String what) { ok('GET', "_emulator/$what") }

    /** Polls until the closure answers something truthy; fails after a generous deadline. */
    static <T> T waitFor(String what, Closure<T> probe) {
        long deadline = System.nanoTime() + DEADLINE.toNanos()
        while (true) {
            T v = probe.call()
            if (v) {
                return v
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for: $what".toString())
            }
            Thread.sleep(25)
        }
    }
}
