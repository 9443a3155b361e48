package dev.lstudio.cli

import dev.lstudio.client.OwnedStudio
import dev.lstudio.client.Owner
import dev.lstudio.client.Ownership
import dev.lstudio.testing.EmulatorFixture
import dev.lstudio.testing.LstudioSpec
import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import java.time.Instant
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Timeout

/**
 * {@code lstudio cleanup} stops many recorded studios at once, each stop still waited for
 * (issue 13, case 8): against an emulator whose stops take {@link #STOP}, 48 records take a
 * fraction of 48 stops (about three rounds of one stop each on a quiet machine). {@code -Dcleanup.records=200} measures
 * the figure of the issue.
 */
@Timeout(600)
class ParallelCleanupSpec extends LstudioSpec {
    static final Duration STOP = Duration.ofSeconds(2)
    static final int RECORDS = Integer.getInteger('cleanup.records', 48)

    @Shared
    @AutoCleanup
    EmulatorFixture emulator = EmulatorFixture.start(stopDelay: STOP)

    def "cleanup stops many recorded studios in parallel, each stop confirmed"() {
        given: 'RECORDS studios running, each recorded by runs that ended (a reused pid)'
        assert lstudio(['-e', "(1..$RECORDS).each { studio(\"p\$it\", create: true).start('cpu-4') }; keepRunning()".toString()], emulator.env) == 0
        def owner = new Owner(ProcessHandle.current().pid(), Instant.parse('2001-01-01T00:00:00Z'),
                Owner.current('x').host(), 'fleet.groovy')
        def ledger = Ownership.in(home.resolve('state/owned'), owner,
                { Path temp, byte[] bytes -> Files.write(temp, bytes) } as Ownership.BytesWriter, {})
        (1..RECORDS).each { i ->
            def s = emulator.studio("p$i")
            ledger.record(new OwnedStudio(emulator.baseUrl, emulator.emu.userId(), s.projectId as String, 'demo/demo',
                    s.id as String, "p$i", 'cpu-4', Instant.now()))
        }

        when:
        long started = System.nanoTime()
        int exit = lstudio(['cleanup'], emulator.env)
        Duration took = Duration.ofNanos(System.nanoTime() - started)
        println "cleanup of $RECORDS records with a ${STOP.toSeconds()} s stop took ${took.toMillis()} ms"

        then: 'every one stopped and confirmed stopped'
        exit == 0
        stderr.contains("cleanup: stopped $RECORDS, dropped $RECORDS record(s), 0 left alone")
        (1..RECORDS).every { !emulator.studio("p$it").active }
        !Files.list(home.resolve('state/owned')).withCloseable { it.findAny().present }

        and: 'far from the sum of the stops (the figure itself is for a quiet machine: see cost-safety.md)'
        took < STOP.multipliedBy(RECORDS).dividedBy(4)
    }
}
