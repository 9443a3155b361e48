package dev.lstudio.dsl

import java.time.Duration
import spock.lang.Specification

class RetrySpec extends Specification {
    ScriptHarness harness = new ScriptHarness()
    LstudioScript script = harness.script()

    def "retry(3) makes three attempts, then rethrows the last failure with the others suppressed"() {
        given:
        int attempts = 0

        when:
        script.retry(3) { throw new IOException("attempt ${++attempts} failed") }

        then:
        IOException e = thrown()
        attempts == 3
        e.message == 'attempt 3 failed'
        e.suppressed*.message == ['attempt 1 failed', 'attempt 2 failed']
        harness.sleeps == [Duration.ofSeconds(1), Duration.ofSeconds(2)]
    }

    def "a block that succeeds on the second attempt returns its value after one wait"() {
        given:
        int attempts = 0

        when:
        def value = script.retry(3) { if (++attempts < 2) throw new RuntimeException('flaky'); 'done' }

        then:
        value == 'done'
        attempts == 2
        harness.sleeps == [Duration.ofSeconds(1)]
        harness.logs == ['attempt 1 of 3 failed: flaky; retrying in 1s']
    }

    def "backoff #backoff doubles per attempt and jitter #jitter adds up to half again: #expected"() {
        given:
        harness.jitter = jitter
        script = harness.script()

        when:
        script.retry(times: 4, backoff: backoff) { throw new RuntimeException('down') }

        then:
        thrown(RuntimeException)
        harness.sleeps == expected

        where:
        backoff               | jitter || expected
        Duration.ofSeconds(2) | 0      || [2, 4, 8].collect { Duration.ofSeconds(it) }
        Duration.ofSeconds(2) | 0.5    || [2500, 5000, 10000].collect { Duration.ofMillis(it) }
        Duration.ofSeconds(4) | 0.25   || [4500, 9000, 18000].collect { Duration.ofMillis(it) }
    }

    def "maxBackoff caps every wait"() {
        when:
        script.retry(times: 5, backoff: Duration.ofSeconds(10), maxBackoff: Duration.ofSeconds(25)) {
            throw new RuntimeException('down')
        }

        then:
        thrown(RuntimeException)
        harness.sleeps == [10, 20, 25, 25].collect { Duration.ofSeconds(it) }
    }

    def "an interrupted block is not retried"() {
        given:
        int attempts = 0

        when:
        script.retry(3) { attempts++; throw new InterruptedException('cancelled') }

        then:
        thrown(InterruptedException)
        attempts == 1
        harness.sleeps.empty
    }

    def "a failed assert is retried like an exception"() {
        given:
        int attempts = 0

        when:
        script.retry(2) { assert ++attempts == 2; 'ok' }

        then:
        attempts == 2
    }

    def "#options is refused with: #message"() {
        when:
        script.retry(options) { 'x' }

        then:
        DslException e = thrown()
        e.message == message

        where:
        options                 || message
        [tries: 3]              || "retry: unknown option 'tries'; known options: times, backoff, maxBackoff"
        [times: 0]              || 'retry: times must be at least 1, got 0'
        [times: 2, backoff: 5]  || 'retry: backoff must be a duration such as 2.seconds or 10.minutes, got 5'
    }
}
