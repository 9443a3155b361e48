package dev.lstudio.api

import java.time.Duration
import java.util.function.DoubleSupplier
import spock.lang.Specification

/** The one backoff: growth, cap, and where jitter puts each delay, with the random pinned. */
class BackoffSpec extends Specification {
    static Duration ms(long millis) { Duration.ofMillis(millis) }

    static DoubleSupplier pinned(double value) { { value } as DoubleSupplier }

    def "from #initial times #factor, delay #n is #ceiling before jitter, at most #max"() {
        expect:
        Backoff.of(initial, factor, max).ceiling(n) == ceiling

        where:
        initial  | factor | max              | n   || ceiling
        ms(500)  | 2      | ms(8000)         | 1   || ms(500)
        ms(500)  | 2      | ms(8000)         | 2   || ms(1000)
        ms(500)  | 2      | ms(8000)         | 5   || ms(8000)
        ms(500)  | 2      | ms(8000)         | 6   || ms(8000)
        ms(1000) | 1.5    | ms(10_000)       | 3   || ms(2250)
        ms(1000) | 1.5    | ms(10_000)       | 7   || ms(10_000)
        ms(250)  | 1      | ms(1000)         | 40  || ms(250)
        ms(500)  | 2      | ms(8000)         | 5000 || ms(8000)
    }

    def "full jitter with the random at #r waits #delay of a 1 s ceiling"() {
        expect:
        Backoff.of(ms(1000), 2, ms(8000)).withRandom(pinned(r)).delay(1) == delay

        where:
        r      || delay
        0      || ms(1000)
        0.25   || ms(750)
        0.5    || ms(500)
        0.75   || ms(250)
    }

    def "full jitter stays within nothing and the ceiling whatever the random says"() {
        given:
        def backoff = Backoff.of(ms(500), 2, ms(8000))

        expect:
        (1..10).every { n -> (1..200).every {
            def d = backoff.delay(n)
            d > Duration.ZERO && d <= backoff.ceiling(n)
        } }
    }

    def "jitter #share with the random at #r turns a ceiling of 4 s into #delay, never past the 5 s cap"() {
        expect:
        Backoff.of(ms(2000), 2, ms(5000)).withJitter(share).withRandom(pinned(r)).delay(2) == delay

        where:
        share | r    || delay
        -0.5  | 0    || ms(4000)
        -0.5  | 0.5  || ms(3000)
        -0.5  | 0.99 || ms(2020)
        0     | 0.7  || ms(4000)
        0.5   | 0.2  || ms(4400)
        0.5   | 0.9  || ms(5000)
    }

    def "a delay past the cap is the cap, even with jitter added"() {
        expect:
        Backoff.of(ms(10_000), 2, ms(25_000)).withJitter(0.5).withRandom(pinned(0.5)).delay(n) == ms(expected)

        where:
        n || expected
        1 || 12_500
        2 || 25_000
        3 || 25_000
    }

    def "#what is refused"() {
        when:
        make()

        then:
        thrown(IllegalArgumentException)

        where:
        what                         | make
        'a shrinking factor'         | { Backoff.of(ms(100), 0.5, ms(1000)) }
        'a negative first delay'     | { Backoff.of(ms(-1), 2, ms(1000)) }
        'jitter of more than all'    | { Backoff.of(ms(100), 2, ms(1000)).withJitter(-1.5) }
        'delay number 0'             | { Backoff.of(ms(100), 2, ms(1000)).ceiling(0) }
    }

    def "a random source outside [0, 1) is a bug, said at once"() {
        when:
        Backoff.of(ms(100), 2, ms(1000)).withRandom(pinned(1.0)).delay(1)

        then:
        IllegalStateException e = thrown()
        e.message.contains('[0, 1)')
    }
}
