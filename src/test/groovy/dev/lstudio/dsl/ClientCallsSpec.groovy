package dev.lstudio.dsl

import java.time.Duration
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit
import spock.lang.Specification
import spock.lang.Timeout

@Timeout(120)
class ClientCallsSpec extends Specification {

    def "the work's value comes back"() {
        expect:
        ClientCalls.call({ 'answer' }) == 'answer'
    }

    def "the work's exception comes back as it was thrown, with the caller's frames added"() {
        when:
        ClientCalls.call({ throw new IllegalStateException('studio is FAILED') })

        then:
        IllegalStateException e = thrown()
        e.message == 'studio is FAILED'
        e.stackTrace.any { it.className == ClientCallsSpec.name }
    }

    def "an interrupt ends the wait at once although the work ignores interrupts"() {
        given: 'work that, like a socket read, does not notice interrupts'
        def release = new CountDownLatch(1)
        def started = new CountDownLatch(1)
        def failure = null
        def caller = Thread.start {
            try {
                ClientCalls.call({
                    started.countDown()
                    while (release.count > 0) {
                        try {
                            release.await()
                        } catch (InterruptedException ignored) {
                        }
                    }
                    'done'
                }, Duration.ZERO)
            } catch (Throwable t) {
                failure = t
            }
        }

        when:
        assert started.await(60, TimeUnit.SECONDS)
        caller.interrupt()
        caller.join(60_000)

        then:
        !caller.alive
        failure instanceof InterruptedException

        cleanup:
        release.countDown()
    }

    def "after an interrupt the caller waits for the work to finish its call, up to the unwind limit"() {
        given:
        def started = new CountDownLatch(1)
        def finished = []
        def caller = Thread.start {
            try {
                ClientCalls.call({
                    started.countDown()
                    try {
                        Thread.sleep(60_000)
                    } catch (InterruptedException e) {
                        Thread.sleep(200) // the request in flight completes
                        finished << 'worker'
                    }
                }, Duration.ofSeconds(30))
            } catch (InterruptedException e) {
                finished << 'caller'
            }
        }

        when:
        assert started.await(60, TimeUnit.SECONDS)
        caller.interrupt()
        caller.join(60_000)

        then:
        finished == ['worker', 'caller']
    }
}
