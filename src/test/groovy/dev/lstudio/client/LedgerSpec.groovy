package dev.lstudio.client

import dev.lstudio.testing.EmulatorFixture
import java.nio.file.Files
import java.nio.file.Path
import java.time.Instant
import java.util.concurrent.Callable
import java.util.concurrent.Executors
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Timeout

/** The ledger's parts on their own: who counts as a live owner, a failed write, two cleanups at once. */
@Timeout(120)
class LedgerSpec extends Specification {
    @Shared
    @AutoCleanup
    EmulatorFixture emulator = EmulatorFixture.start()
    @TempDir
    Path folder
    static final OwnedStudios.BytesWriter PLAIN = { Path temp, byte[] bytes -> Files.write(temp, bytes) }

    def setup() {
        emulator.reset()
    }

    static String host() {
        Owner.current('x').host()
    }

    def "an owner is #liveness when #when"() {
        expect:
        owner.call().liveness() == liveness

        where:
        when                                           | owner                                                                  || liveness
        'it is this process'                           | { Owner.current('s') }                                                 || Owner.Liveness.RUNNING
        'its pid runs, started at another instant'     | { new Owner(ProcessHandle.current().pid(), Instant.EPOCH, host(), 's') } || Owner.Liveness.ENDED
        'its pid is gone'                              | { new Owner(endedPid(), null, host(), 's') }                           || Owner.Liveness.ENDED
        'it ran on another host'                       | { new Owner(ProcessHandle.current().pid(), null, 'elsewhere', 's') }   || Owner.Liveness.ELSEWHERE
        'its pid runs and its start is unknown'        | { new Owner(ProcessHandle.current().pid(), null, host(), 's') }        || Owner.Liveness.RUNNING
    }

    static long endedPid() {
        def p = new ProcessBuilder('true').start()
        p.waitFor()
        p.pid()
    }

    OwnedStudio studio(String name, String id = name) {
        new OwnedStudio(emulator.baseUrl, emulator.emu.userId(), 'p', 'demo/demo', id, name, 'cpu-4', Instant.now())
    }

    def "a record that cannot be written leaves the file as it was and the studio out of the ledger"() {
        given:
        boolean full = false
        def owned = OwnedStudios.in(folder, Owner.current('s'), { Path temp, byte[] bytes ->
            if (full) {
                Files.write(temp, bytes[0..<10] as byte[])
                throw new IOException('No space left on device')
            }
            Files.write(temp, bytes)
        } as OwnedStudios.BytesWriter, {})
        owned.record(studio('first'))
        def before = Files.readString(owned.file())

        when:
        full = true
        owned.record(studio('second'))

        then:
        LedgerWriteException e = thrown()
        e.message == "cannot record studio 'second' in the ledger at ${owned.file()}: No space left on device; " +
                'not starting it so it cannot be left running unseen'
        owned.studios()*.name == ['first']
        Files.readString(owned.file()) == before
        Files.list(folder).withCloseable { it.toList() } == [owned.file()]
    }

    def "a release that cannot be written is a warning naming the studio, not a failure"() {
        given:
        List<String> warnings = []
        boolean broken = false
        def owned = OwnedStudios.in(folder, Owner.current('s'), { Path temp, byte[] bytes ->
            if (broken) {
                throw new IOException('Read-only file system')
            }
            Files.write(temp, bytes)
        } as OwnedStudios.BytesWriter, { warnings << it })
        owned.record(studio('a'))
        owned.record(studio('b'))

        when:
        broken = true
        owned.release('a')

        then:
        warnings == ["could not update the ledger at ${owned.file()}: Read-only file system; once this run ends, " +
                "'lstudio cleanup' would stop studio 'a' if still running".toString()]
    }

    def "the last release removes the file; the folder stays"() {
        given:
        def owned = OwnedStudios.in(folder.resolve('owned'), Owner.current('s'), PLAIN, {})
        owned.record(studio('a'))

        when:
        owned.release('a')

        then:
        !Files.exists(owned.file())
        Files.isDirectory(folder.resolve('owned'))
    }

    def "two cleanups at once stop a studio once, not twice"() {
        given:
        def client = emulator.client()
        def team = client.defaultTeamspace()
        def s = client.createStudio(team, 'train')
        s.start('cpu-4')
        def dead = new Owner(ProcessHandle.current().pid(), Instant.EPOCH, host(), 'old.groovy')
        OwnedStudios.in(folder, dead, PLAIN, {}).record(OwnedStudio.of(s, 'cpu-4'))
        def pool = Executors.newFixedThreadPool(2)

        when:
        def runs = (1..2).collect {
            pool.submit({ LeftRunning.in(folder).run { client } } as Callable<List<CleanupOutcome>>)
        }
        def outcomes = runs.collectMany { it.get() }

        then:
        outcomes*.action.count { it == CleanupOutcome.Action.STOPPED } == 1
        !outcomes.any { it.action == CleanupOutcome.Action.FAILED }
        !emulator.studio('train').active
        Files.list(folder).withCloseable { it.toList() }.isEmpty()

        cleanup:
        pool?.shutdownNow()
        client?.close()
    }

    def "a dry run changes nothing and never stops"() {
        given:
        def client = emulator.client()
        def s = client.createStudio(client.defaultTeamspace(), 'train')
        s.start('cpu-4')
        def dead = new Owner(ProcessHandle.current().pid(), Instant.EPOCH, host(), 'old.groovy')
        def owned = OwnedStudios.in(folder, dead, PLAIN, {})
        owned.record(OwnedStudio.of(s, 'cpu-4'))
        def before = Files.readString(owned.file())

        when:
        def outcomes = LeftRunning.in(folder).dryRun(true).run { client }

        then:
        outcomes*.action == [CleanupOutcome.Action.WOULD_STOP]
        emulator.studio('train').active
        Files.readString(owned.file()) == before

        cleanup:
        client?.close()
    }
}
