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
class OwnershipFilesSpec extends Specification {
    @Shared
    @AutoCleanup
    EmulatorFixture emulator = EmulatorFixture.start()
    @TempDir
    Path folder
    static final Ownership.BytesWriter PLAIN = { Path temp, byte[] bytes -> Files.write(temp, bytes) }

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
        def owned = Ownership.in(folder, Owner.current('s'), { Path temp, byte[] bytes ->
            if (full) {
                Files.write(temp, bytes[0..<10] as byte[])
                throw new IOException('No space left on device')
            }
            Files.write(temp, bytes)
        } as Ownership.BytesWriter, {})
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
        def owned = Ownership.in(folder, Owner.current('s'), { Path temp, byte[] bytes ->
            if (broken) {
                throw new IOException('Read-only file system')
            }
            Files.write(temp, bytes)
        } as Ownership.BytesWriter, { warnings << it })
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
        def owned = Ownership.in(folder.resolve('owned'), Owner.current('s'), PLAIN, {})
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
        Ownership.in(folder, dead, PLAIN, {}).record(OwnedStudio.of(s, 'cpu-4'))
        def pool = Executors.newFixedThreadPool(2)

        when:
        def runs = (1..2).collect {
            pool.submit({ Cleanup.in(folder).run { client } } as Callable<List<CleanupOutcome>>)
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
        def owned = Ownership.in(folder, dead, PLAIN, {})
        owned.record(OwnedStudio.of(s, 'cpu-4'))
        def before = Files.readString(owned.file())

        when:
        def outcomes = Cleanup.in(folder).dryRun(true).run { client }

        then:
        outcomes*.action == [CleanupOutcome.Action.WOULD_STOP]
        emulator.studio('train').active
        Files.readString(owned.file()) == before

        cleanup:
        client?.close()
    }

    def "a ledger file left by an older lstudio, without the machines of a switch, is still cleaned up"() {
        given: 'a file as lstudio wrote it before records kept their machines'
        def client = emulator.client()
        def s = client.createStudio(client.defaultTeamspace(), 'train')
        s.start('cpu-4')
        long pid = endedPid()
        Files.writeString(folder.resolve("${host()}-${pid}-0.json"), """{
          "format" : 1,
          "owner" : { "pid" : ${pid}, "host" : "${host()}", "script" : "old.groovy" },
          "studios" : [ { "api" : "${emulator.baseUrl}", "userId" : "${emulator.emu.userId()}",
            "projectId" : "${s.teamspace().projectId()}", "teamspace" : "demo/demo", "studioId" : "${s.id()}",
            "name" : "train", "machine" : "cpu-4", "recorded" : "2026-01-05T10:00:00Z" } ]
        }""")

        when:
        def outcomes = Cleanup.in(folder).run { client }

        then:
        outcomes*.action == [CleanupOutcome.Action.STOPPED]
        outcomes[0].toMap().machine == 'cpu-4'
        !emulator.studio('train').active
        Files.list(folder).withCloseable { it.toList() }.isEmpty()

        cleanup:
        client?.close()
    }

    def "a switch is on the record, on disk too, so a cleanup names the machine it runs on now"() {
        given:
        def client = emulator.client()
        def s = client.createStudio(client.defaultTeamspace(), 'train')
        def owned = Ownership.in(folder, Owner.current('s'), PLAIN, {})

        when:
        owned.started(s, 'cpu-4', true)
        owned.switched(s.id(), 'lit-a100-1')

        then:
        owned.recordOf(s.id()).machines() == ['cpu-4', 'lit-a100-1']
        with(OwnershipFiles.read(owned.file()).studios()[0]) {
            machine() == 'lit-a100-1'
            machines() == ['cpu-4', 'lit-a100-1']
        }

        when: 'released: off the disk, and still what the run started'
        owned.release(s.id())

        then:
        !Files.exists(owned.file())
        owned.recordOf(s.id()).machines() == ['cpu-4', 'lit-a100-1']
        owned.studios().empty

        cleanup:
        client?.close()
    }
}
