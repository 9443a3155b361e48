package dev.lstudio.api

import groovy.json.JsonSlurper
import okhttp3.mockwebserver.MockResponse
import okhttp3.mockwebserver.MockWebServer
import okhttp3.mockwebserver.RecordedRequest
import spock.lang.AutoCleanup
import spock.lang.Specification

import java.util.concurrent.TimeUnit

/** A LightningApi talking to a MockWebServer on loopback, with fake time for retries. */
abstract class MockApiSpec extends Specification {
    static final String USER = 'user-1'
    static final String KEY = 'sk-very-secret-key-123'
    static final String BASIC = 'Basic ' + "$USER:$KEY".bytes.encodeBase64()

    @AutoCleanup('shutdown')
    MockWebServer server = new MockWebServer()
    FakeSleeper sleeper = new FakeSleeper()
    List<String> debug = Collections.synchronizedList([])
    LightningApi api

    def setup() {
        server.start()
        api = LightningApi.create(config(HttpRetryPolicy.defaults().withSleeper(sleeper)))
    }

    ApiConfig config(HttpRetryPolicy retry) {
        ApiConfig.of(server.url('/').toString(), Credentials.of(USER, KEY))
                .withRetry(retry)
                .withDebugLog { debug << it }
    }

    LightningApi apiWith(HttpRetryPolicy retry) {
        LightningApi.create(config(retry.withSleeper(sleeper)))
    }

    void reply(int status = 200, String body = '{}', Map<String, String> headers = [:]) {
        MockResponse response = new MockResponse().setResponseCode(status).setBody(body)
        if (!headers.containsKey('Content-Type') && body.startsWith('{')) {
            response.setHeader('Content-Type', 'application/json')
        }
        headers.each { k, v -> response.setHeader(k, v) }
        server.enqueue(response)
    }

    RecordedRequest taken() {
        RecordedRequest request = server.takeRequest(10, TimeUnit.SECONDS)
        assert request != null: 'the server received no request'
        request
    }

    static Object json(RecordedRequest request) {
        String text = request.body.readUtf8()
        text ? new JsonSlurper().parseText(text) : null
    }
}
