package dev.lstudio.dsl

import java.time.Duration
import spock.lang.Specification
import spock.lang.Timeout

@Timeout(120)
class TimeoutSpec extends Specification {
    LstudioScript script = new ScriptHarness().script()

    def "a block that outlives its limit is interrupted and fails with a timeout"() {
        when:
        script.timeout(Duration.ofMillis(200)) { Thread.sleep(600_000) }

        then:
        DslTimeoutException e = thrown()
        e.message == 'timed out after 200ms'
        e.limit() == Duration.ofMillis(200)
        e.cause instanceof InterruptedException
        !Thread.currentThread().isInterrupted()
    }

    def "a block that finishes in time returns its value and leaves no interrupt behind"() {
        when:
        def value = script.timeout(Duration.ofMinutes(10)) { 'finished' }

        then:
        value == 'finished'
        !Thread.currentThread().isInterrupted()
    }

    def "a block that swallows the interrupt still fails when it ends late"() {
        when:
        script.timeout(Duration.ofMillis(100)) {
            try {
                Thread.sleep(600_000)
            } catch (InterruptedException ignored) {
                // a careless block
            }
            'too late'
        }

        then:
        DslTimeoutException e = thrown()
        e.cause == null
    }

    def "a failure inside the block that is not caused by the limit passes through unchanged"() {
        when:
        script.timeout(Duration.ofMinutes(10)) { throw new IllegalArgumentException('bad machine') }

        then:
        IllegalArgumentException e = thrown()
        e.message == 'bad machine'
    }

    def "a limit of zero is refused"() {
        when:
        script.timeout(Duration.ZERO) { 'x' }

        then:
        DslException e = thrown()
        e.message == 'timeout: the limit must be positive, got 0s'
    }
}
