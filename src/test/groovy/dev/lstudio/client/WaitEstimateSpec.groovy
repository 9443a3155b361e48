package dev.lstudio.client

import dev.lstudio.api.FakeSleeper
import java.time.Duration
import spock.lang.Specification

/** Waits that follow the server's estimate of the time left, on fake time. */
class WaitEstimateSpec extends Specification {
    FakeSleeper clock = new FakeSleeper()
    Waiter waiter = new Waiter(ClientOptions.defaults().withSleeper(clock))
    int polls = 0

    /** A studio ready at {@code readyAt}, whose server estimates {@code estimate} (seconds from the start) or nothing. */
    Map run(long readyAt, Long estimate) {
        long seconds = Duration.ofSeconds(1).toNanos()
        waiter.until('s', 'start', Duration.ofMinutes(15), {
            polls++
            [ready: clock.now >= readyAt * seconds, now: clock.now]
        }, { it.ready ? Waiter.Verdict.DONE : Waiter.Verdict.WAIT }, { it.toString() }, {
            estimate == null ? null : Duration.ofNanos(Math.max(0, estimate * seconds - it.now))
        })
    }

    double late(Map done, long readyAt) {
        (done.now - Duration.ofSeconds(readyAt).toNanos()) / 1e9
    }

    def "a 60 s start with an estimate is noticed within half a second in a dozen polls"() {
        when:
        def done = run(60, 60)

        then:
        late(done, 60) <= 0.5
        polls <= 12
        clock.sleeps.every { it <= Duration.ofSeconds(10) }
    }

    def "without an estimate the wait backs off as before: few polls, but late by up to the longest delay"() {
        when:
        def done = run(60, null)

        then:
        polls <= 15
        late(done, 60) <= 10
    }

    def "a studio slower than its estimate is polled often only around the estimate, then with growing delays"() {
        when:
        def done = run(120, 60)

        then:
        late(done, 120) <= 10
        polls <= 25
    }
}
