package dev.lstudio.client

import java.time.Duration
import spock.lang.Specification

/** The one form of a duration in what lstudio prints: waits, command timeouts, the DSL's messages, the summary. */
class DurationsSpec extends Specification {

    def "#duration reads as #text in messages (rounded to what is shown, never cut)"() {
        expect:
        Durations.format(duration) == text

        where:
        duration                                  | text
        Duration.ofMillis(500)                    | '500ms'
        Duration.ofMillis(2500)                   | '2.5s'
        Duration.ofSeconds(90)                    | '1m30s'
        Duration.ofMinutes(10)                    | '10m'
        Duration.ofMinutes(90)                    | '1h30m'
        Duration.ofHours(26).plusSeconds(5)       | '1d2h5s'
        Duration.ZERO                             | '0s'
        Duration.ofSeconds(-5)                    | '-5s'
        // rounded to what is shown, never cut
        Duration.ofNanos(400_000)                         | '0ms'
        Duration.ofNanos(999_600_000)                     | '1s'
        Duration.ofMillis(1040)                           | '1s'
        Duration.ofMillis(1050)                           | '1.1s'
        Duration.ofMillis(9960)                           | '10s'
        Duration.ofMillis(10_400)                         | '10s'
        Duration.ofMillis(59_500)                         | '1m'
        Duration.ofMinutes(20).minusMillis(100)           | '20m'
        Duration.ofMinutes(20).minusSeconds(3)            | '19m57s'
        Duration.ofDays(1).minusMillis(1)                 | '1d'
        Duration.ofSeconds(3_000_000_000L)                | '34722d5h20m'
    }

    def "a wait given #limit less a fraction of a second (a later stage of a switch) says #text, not a minute less"() {
        given:
        def waiter = new Waiter(ClientOptions.defaults().withSleeper(new dev.lstudio.api.FakeSleeper()))

        when:
        waiter.until('s', 'switch (moving to lit-h100-1)', limit.minusMillis(200), { 'SWITCHING' },
                { Waiter.Verdict.WAIT }, { it })

        then:
        WaitTimeoutException e = thrown()
        e.message.startsWith("switch (moving to lit-h100-1) of studio 's' did not finish within $text (last seen: SWITCHING)")

        where:
        limit                   || text
        Duration.ofMinutes(20)  || '20m'
        Duration.ofMinutes(15)  || '15m'
        Duration.ofSeconds(150) || '2m30s'
    }
}
