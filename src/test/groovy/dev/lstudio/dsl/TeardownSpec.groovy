package dev.lstudio.dsl

import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit
import spock.lang.Specification
import spock.lang.Timeout

@Timeout(120)
class TeardownSpec extends Specification {
    List<String> log = Collections.synchronizedList([])
    Teardown teardown = Teardown.create { log << it }
    List<String> ran = Collections.synchronizedList([])

    def "actions run newest first"() {
        given:
        teardown.add('remove temp dir') { ran << 'temp' }
        teardown.guard('stop studio a') { ran << 'a' }
        teardown.guard('stop studio b') { ran << 'b' }

        when:
        def failures = teardown.runAll()

        then:
        ran == ['b', 'a', 'temp']
        failures.empty
        teardown.pending() == 0
    }

    def "a failing action is reported and the ones after it still run"() {
        given:
        teardown.add('first') { ran << 'first' }
        teardown.add('broken') { throw new IOException('API unreachable') }

        when:
        def failures = teardown.runAll()

        then:
        ran == ['first']
        failures*.message == ['API unreachable']
        log.contains("teardown 'broken' failed: java.io.IOException: API unreachable")
    }

    def "each action runs once even when two threads run the registry at the same time"() {
        given:
        def inside = new CountDownLatch(1)
        def release = new CountDownLatch(1)
        teardown.add('slow stop') {
            ran << 'slow'
            inside.countDown()
            release.await(60, TimeUnit.SECONDS)
        }
        teardown.add('quick') { ran << 'quick' }

        when: 'a signal handler calls runAll while the main thread is inside it'
        def main = Thread.start { teardown.runAll() }
        assert inside.await(60, TimeUnit.SECONDS)
        def handler = Thread.start { teardown.runAll() }
        release.countDown()
        main.join(60_000)
        handler.join(60_000)

        then:
        ran == ['quick', 'slow']
    }

    def "guards are left undone after keepRunning, plain actions still run"() {
        given:
        teardown.guard('stop studio a') { ran << 'a' }
        teardown.add('write summary') { ran << 'summary' }

        when:
        teardown.keepRunning()
        teardown.runAll()

        then:
        ran == ['summary']
        log.contains('not done (keepRunning): stop studio a; it keeps running')
    }

    def "one guard can be kept while the others run"() {
        given:
        teardown.guard('stop studio a') { ran << 'a' }.keep()
        teardown.guard('stop studio b') { ran << 'b' }

        when:
        teardown.runAll()

        then:
        ran == ['b']
    }

    def "a cancelled action never runs and an action run early does not run again"() {
        given:
        def cancelled = teardown.guard('stop studio a') { ran << 'a' }
        def early = teardown.guard('stop studio b') { ran << 'b' }

        when:
        cancelled.cancel()
        early.runNow()
        teardown.runAll()

        then:
        ran == ['b']
    }

    def "actions run with the interrupt flag cleared, and the flag is restored afterwards"() {
        given:
        def seen = []
        teardown.add('check') { seen << Thread.currentThread().isInterrupted() }

        when:
        Thread.currentThread().interrupt()
        teardown.runAll()
        def stillInterrupted = Thread.interrupted()

        then:
        seen == [false]
        stillInterrupted
    }

    def "a last action runs after every other one, even those registered after it, and is not announced"() {
        given:
        teardown.add('early') { ran << 'early' }
        teardown.last('summary') { ran << 'summary' }
        teardown.guard('stop studio a') { ran << 'a' }

        when:
        teardown.runAll()

        then:
        ran == ['a', 'early', 'summary']
        log == ['teardown: stop studio a', 'teardown: early']
    }

    def "a guard says whether it will be kept and whether it has finished"() {
        given:
        def a = teardown.guard('stop studio a') { ran << 'a' }
        def b = teardown.guard('stop studio b') { ran << 'b' }
        def plain = teardown.add('plain') { ran << 'plain' }

        when:
        a.keep()
        b.runNow()

        then:
        a.kept() && !a.finished()
        !b.kept() && b.finished()

        when:
        teardown.keepRunning()

        then:
        b.kept()
        !plain.kept()
    }

    def "while one action runs early, other threads can still register"() {
        given:
        def inside = new CountDownLatch(1)
        def release = new CountDownLatch(1)
        def slow = teardown.guard('slow stop') {
            inside.countDown()
            release.await(60, TimeUnit.SECONDS)
        }

        when:
        def runner = Thread.start { slow.runNow() }
        assert inside.await(60, TimeUnit.SECONDS)
        def registered = Thread.start { teardown.guard('stop studio b') { ran << 'b' } }
        registered.join(60_000)
        def registeredInTime = !registered.alive
        release.countDown()
        runner.join(60_000)

        then:
        registeredInTime
        teardown.pending() == 1
    }

    def "runAll waits for an action that another thread is running early"() {
        given:
        def inside = new CountDownLatch(1)
        def release = new CountDownLatch(1)
        def slow = teardown.guard('slow stop') {
            inside.countDown()
            release.await(60, TimeUnit.SECONDS)
            ran << 'slow'
        }
        teardown.last('summary') { ran << 'summary' }

        when:
        def early = Thread.start { slow.runNow() }
        assert inside.await(60, TimeUnit.SECONDS)
        def all = Thread.start { teardown.runAll() }
        all.join(300)
        def returnedEarly = !all.alive
        release.countDown()
        all.join(60_000)
        early.join(60_000)

        then:
        !returnedEarly
        ran == ['slow', 'summary']
    }

    def "an action that waits for another thread running a guard early does not deadlock runAll"() {
        given: 'the exit summary waits for a watchdog thread that stops a studio through its guard'
        def guard = teardown.guard('stop studio a') { ran << 'a' }
        def watchdog = new Thread({ Thread.sleep(100); guard.runNow() })
        teardown.last('summary') {
            watchdog.join(60_000)
            ran << 'summary'
        }

        when:
        watchdog.start()
        def all = Thread.start { teardown.runAll() }
        all.join(60_000)

        then:
        !all.alive
        ran == ['a', 'summary']
    }
}
