package dev.lstudio.emulator

import java.time.Duration
import spock.lang.Specification

class DurationOptionSpec extends Specification {
    def "'#text' reads as #expected"() {
        expect:
        DurationOption.parse(text) == expected

        where:
        text    || expected
        '0'     || Duration.ZERO
        '0s'    || Duration.ZERO
        '500ms' || Duration.ofMillis(500)
        '2s'    || Duration.ofSeconds(2)
        '1.5s'  || Duration.ofMillis(1500)
        '1m'    || Duration.ofMinutes(1)
        '1h'    || Duration.ofHours(1)
        ' 3S '  || Duration.ofSeconds(3)
    }

    def "'#text' is refused with a hint of the form to use"() {
        when:
        DurationOption.parse(text)

        then:
        def e = thrown(IllegalArgumentException)
        e.message.contains('500ms')

        where:
        text << ['', '5', 'two seconds', '-1s', '1d', 'PT2S']
    }
}
