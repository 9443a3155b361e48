package dev.lstudio.corpus

import dev.lstudio.testing.EmulatorLstudioSpec
import java.nio.file.Files
import spock.lang.Timeout
import spock.util.concurrent.PollingConditions

/**
 * Issue 13, case 6, "records cannot race": a start on another thread while (or after) teardown
 * stops the studio was recorded, then its record was dropped by the stop's release: exit 0, an
 * empty ledger, the studio running. Once teardown has begun a start is refused, and a stop
 * releases only the record it stopped.
 */
@Timeout(120)
class TeardownRaceSpec extends EmulatorLstudioSpec {
    def "a start on another thread once teardown has begun is refused: nothing is left running"() {
        given: 'a script whose thread starts the studio again as soon as teardown has stopped it'
        def done = home.resolve('thread.done')
        def script = file('race.groovy', """
            def s = studio('race', create: true)
            s.start 'cpu-4'
            Thread.startDaemon {
                try {
                    while (s.running) { Thread.sleep(20) }
                    s.start 'cpu-4'
                    new File('${done}').text = 'started'
                } catch (Throwable e) {
                    new File('${done}').text = 'refused: ' + e.message
                }
            }
        """)

        when:
        int exit = lstudio(['run', script], emulator.env)
        new PollingConditions(timeout: 60, delay: 0.1).eventually { assert Files.exists(done) }
        Thread.sleep(500)

        then:
        exit == 0
        Files.readString(done).startsWith('refused')
        Files.readString(done).contains('teardown has begun')
        emulator.activeCount() == 0
    }
}
