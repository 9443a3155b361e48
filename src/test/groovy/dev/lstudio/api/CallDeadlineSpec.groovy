package dev.lstudio.api

import java.time.Duration
import java.util.concurrent.TimeUnit
import okhttp3.mockwebserver.MockResponse

/**
 * Issue 13, case 9: no HTTP call can hang. A read timeout restarts with every byte, so an answer
 * that drips a byte at a time never trips it; every call therefore also has a total deadline
 * (the retry budget plus one read timeout), shorter than any teardown budget it serves.
 */
class CallDeadlineSpec extends MockApiSpec {

    def "a status answer dripping a byte every half second ends at the call's deadline, as a network failure"() {
        given: 'a read timeout of 1 s and a retry budget of 1 s: the deadline is 2 s; the drip would take 30 s'
        def quick = LightningApi.create(config(HttpRetryPolicy.defaults().withSleeper(sleeper).withTotalBudget(Duration.ofSeconds(1)))
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)))
        server.enqueue(new MockResponse().setHeader('Content-Type', 'application/json')
                .setBody('{"inUse": {"phase": "CLOUD_SPACE_INSTANCE_STATE_RUNNING"}}'.padRight(60))
                .throttleBody(1, 500, TimeUnit.MILLISECONDS))
        long started = System.nanoTime()

        when:
        quick.codeStatus('p1', 's1')

        then:
        def e = thrown(NetworkException)
        e.message.contains('no answer from')
        Duration.ofNanos(System.nanoTime() - started) < Duration.ofSeconds(6)
    }

    def "the deadline of a call is the retry budget and one read timeout: 2 minutes by default"() {
        expect:
        Http.callDeadline(ApiConfig.of('http://127.0.0.1:1/', Credentials.of('u', 'k'))) == Duration.ofMinutes(2)
    }
}
