package dev.lstudio.dsl

import dev.lstudio.testing.EmulatorFixture
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

/**
 * In the REPL a Studio is kept alive only while a verb works on it (an exec, a wait), so that a
 * session left open over lunch lets its Studio go to sleep.
 */
class InteractiveKeepAliveSpec extends Specification {
    @Shared
    @AutoCleanup
    EmulatorFixture emulator = EmulatorFixture.start()

    private long beats() {
        emulator.requests().requests.findAll { k, v -> k.startsWith('POST ') && k.endsWith('/keep-alive') }
                .values().sum(0L) as long
    }

    private DslContext context(boolean interactive) {
        def client = emulator.client()
        DslContext.builder().client(client).keepAlivePeriod(java.time.Duration.ofSeconds(1))
                .output([log: { String m -> }, out: { new PrintStream(new ByteArrayOutputStream()) }] as Output)
                .interactive(interactive).build()
    }

    def "at the prompt, a studio started there is beaten while exec runs, not while the session idles"() {
        given:
        def context = context(true)
        def dsl = Dsl.create(context)
        def studio = dsl.create([:], 'lunch')
        studio.start('cpu-4')
        emulator.clearRequests()

        when: 'the session idles'
        sleep 2500

        then:
        beats() == 0

        when:
        studio.exec('sleep 3')

        then:
        beats() >= 2

        cleanup:
        context.teardown().runAll()
    }

    def "in a run, a studio it started is beaten while the script does other things"() {
        given:
        def context = context(false)
        def studio = Dsl.create(context).create([:], 'busy')
        emulator.clearRequests()

        when:
        studio.start('cpu-4')
        sleep 2500
        studio.stop()
        long beaten = beats()
        sleep 1500

        then:
        beaten >= 2
        beats() == beaten

        cleanup:
        context.teardown().runAll()
    }
}
