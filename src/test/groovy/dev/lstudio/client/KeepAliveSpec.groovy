package dev.lstudio.client

import dev.lstudio.testing.EmulatorFixture
import java.time.Duration
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

/** Keep-alive beats a Studio while someone holds it, against the emulator's request counts. */
class KeepAliveSpec extends Specification {
    @Shared
    @AutoCleanup
    EmulatorFixture emulator = EmulatorFixture.start()
    @Shared
    LightningClient client
    @Shared
    Studio studio

    def setupSpec() {
        client = emulator.client()
        studio = client.createStudio(client.teamspaceOrDefault(null), NewStudio.named('beaten'))
    }

    def setup() {
        emulator.faults()
        emulator.clearRequests()
    }

    private long beats() {
        emulator.requests().requests.findAll { k, v -> k.startsWith('POST ') && k.endsWith('/keep-alive') }
                .values().sum(0L) as long
    }

    def "a held studio is sent keep-alive every period, and nothing once the hold is closed"() {
        given:
        def keepAlive = KeepAlive.every(Duration.ofMillis(200), { })

        when:
        def hold = keepAlive.hold(studio)
        sleep 1100
        hold.close()
        def whileHeld = beats()
        sleep 600

        then:
        whileHeld >= 3
        beats() == whileHeld
        !keepAlive.beating(studio)

        cleanup:
        keepAlive.close()
    }

    def "two holds on one studio send one beat a period, until the last is closed"() {
        given:
        def keepAlive = KeepAlive.every(Duration.ofMillis(300), { })

        when:
        def one = keepAlive.hold(studio)
        def two = keepAlive.hold(studio)
        sleep 1000
        one.close()
        one.close()

        then: 'three periods, not six; closing twice releases once'
        beats() >= 2 && beats() <= 4
        keepAlive.beating(studio)

        when:
        two.close()

        then:
        !keepAlive.beating(studio)

        cleanup:
        keepAlive.close()
    }

    def "a zero period never beats"() {
        given:
        def keepAlive = KeepAlive.every(Duration.ZERO, { })

        when:
        def hold = keepAlive.hold(studio)
        sleep 400
        hold.close()

        then:
        beats() == 0
        !keepAlive.beating(studio)
    }

    def "a failing keep-alive is reported once and fails no one"() {
        given:
        def warnings = Collections.synchronizedList([])
        def keepAlive = KeepAlive.every(Duration.ofMillis(100), { warnings << it })
        emulator.faults('POST /v1/projects/*/cloudspaces/*/keep-alive 500')

        when:
        def hold = keepAlive.hold(studio)
        sleep 900
        hold.close()

        then:
        beats() >= 3
        warnings.size() == 1
        warnings[0].startsWith("keep-alive for studio 'beaten' failed")

        cleanup:
        keepAlive.close()
    }

    def "the period comes from LSTUDIO_KEEPALIVE_SECONDS: #value"() {
        expect:
        KeepAlive.period(value == null ? [:] : [LSTUDIO_KEEPALIVE_SECONDS: value]) == period

        where:
        value || period
        null  || Duration.ofSeconds(30)
        ''    || Duration.ofSeconds(30)
        '5'   || Duration.ofSeconds(5)
        ' 0 ' || Duration.ZERO
    }

    def "a period that is not a whole number of seconds says what to write: #value"() {
        when:
        KeepAlive.period([LSTUDIO_KEEPALIVE_SECONDS: value])

        then:
        def e = thrown(IllegalArgumentException)
        e.message == "LSTUDIO_KEEPALIVE_SECONDS='$value' is not a whole number of seconds: write e.g. " +
                'LSTUDIO_KEEPALIVE_SECONDS=30, or 0 to send no keep-alive'

        where:
        value << ['30s', '-1', 'often']
    }
}
