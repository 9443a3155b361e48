package dev.lstudio.dsl

import dev.lstudio.client.LedgerWriteException
import dev.lstudio.client.Owner
import dev.lstudio.client.Ownership
import dev.lstudio.testing.EmulatorFixture
import groovy.json.JsonSlurperClassic
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Timeout

/**
 * The ledger on disk of the studios a run owns, as the DSL keeps it: recorded before the start
 * request, dropped once stopped or kept running, never holding the API key; and a studio whose
 * record cannot be written is not started.
 */
@Timeout(120)
class OwnershipSpec extends Specification {
    @Shared
    @AutoCleanup
    EmulatorFixture emulator = EmulatorFixture.start()
    LiveHarness harness = new LiveHarness(emulator)
    @TempDir
    Path home
    Path folder
    /** What the emulator said about each studio at the moment its record was first written. */
    List<Map> atRecord = [].asSynchronized()

    def setup() {
        emulator.reset()
        folder = home.resolve('state/owned')
        Ownership.BytesWriter writer = { Path temp, byte[] bytes ->
            def record = new JsonSlurperClassic().parseText(new String(bytes, "UTF-8"))
            record.studios.findAll { s -> !atRecord.any { it.name == s.name } }.each { atRecord << emulator.studio(it.name as String) }
            Files.write(temp, bytes)
        }
        harness.ownership = Ownership.in(folder, Owner.current('nightly.groovy'), writer, { harness.logs << it })
    }

    def cleanup() {
        harness.close()
    }

    Map record() {
        def files = Files.list(folder).withCloseable { it.toList() }.findAll { it.toString().endsWith('.json') }
        assert files.size() == 1
        new JsonSlurperClassic().parse(files[0].toFile()) as Map
    }

    boolean noRecords() {
        !Files.exists(folder) || Files.list(folder).withCloseable { it.toList() }.isEmpty()
    }

    def "a studio is recorded before its start request goes out, and its record is dropped once it is stopped"() {
        when:
        harness.run('''
            studio('train', create: true) {
                start 'lit-a100-1'
                json(running: running)
            }
        ''' + "def ledger = new File('${folder}').listFiles().find { it.name.endsWith('.json') }.text; json(ledger: ledger)\n"
                + "studio('train').stop()")

        then: 'when the record was written the studio had not been asked to start'
        atRecord.size() == 1
        !atRecord[0].active
        atRecord[0].machineSeconds == 0

        and: 'while it ran, the record said what cleanup needs'
        def lines = harness.out().readLines().collect { new JsonSlurperClassic().parseText(it) }
        lines[0].running
        def saved = new JsonSlurperClassic().parseText(lines[1].ledger as String)
        saved.owner.pid == ProcessHandle.current().pid()
        saved.owner.started == ProcessHandle.current().info().startInstant().get().toString()
        saved.owner.script == 'nightly.groovy'
        saved.owner.host
        def train = emulator.studio('train')
        saved.studios.size() == 1
        saved.studios[0].name == 'train'
        saved.studios[0].machine == 'lit-a100-1'
        saved.studios[0].api == emulator.baseUrl
        saved.studios[0].userId == emulator.emu.userId()
        saved.studios[0].studioId == train.id
        saved.studios[0].projectId == train.projectId
        saved.studios[0].teamspace == 'demo/demo'
        saved.studios[0].recorded

        and: 'after stop() nothing is left, not even a temporary file'
        !emulator.studio('train').active
        noRecords()
    }

    def "the record holds no API key, and the file and its folder are the owner's alone"() {
        when:
        harness.runOnly("studio('train', create: true).start('cpu-4')")

        then:
        def file = Files.list(folder).withCloseable { it.toList() }.first()
        !Files.readString(file).contains(emulator.emu.apiKey())
        PosixFilePermissions.toString(Files.getPosixFilePermissions(file)) == 'rw-------'
        PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)) == 'rwx------'

        cleanup:
        harness.teardown.runAll()
    }

    def "a studio stopped by teardown at the end of the script leaves the ledger"() {
        when:
        harness.run("studio('a', create: true).start('cpu-4'); studio('b', create: true).start('cpu-2')")

        then:
        atRecord*.name == ['a', 'b']
        atRecord.every { !it.active }
        emulator.activeCount() == 0
        noRecords()
    }

    def "keepRunning() of the whole run drops its studios from the ledger at once, so no cleanup stops them"() {
        when:
        harness.runOnly("studio('train', create: true).start('cpu-4')")

        then:
        record().studios*.name == ['train']

        when:
        harness.run("keepRunning(); studio('later', create: true).start('cpu-2')")

        then: 'dropped when keepRunning() was called, and a studio started after it is not recorded'
        atRecord*.name == ['train']
        noRecords()
        emulator.studio('train').active
        emulator.studio('later').active
    }

    def "keepRunning() on one studio drops that studio's record and keeps the others'"() {
        when:
        harness.runOnly("studio('kept', create: true).start('cpu-4').keepRunning(); studio('other', create: true).start('cpu-2')")

        then:
        record().studios*.name == ['other']

        when:
        harness.teardown.runAll()

        then:
        noRecords()
        emulator.studio('kept').active
        !emulator.studio('other').active
    }

    def "a stop that fails in teardown leaves the record, for the next cleanup"() {
        given:
        harness.runOnly("studio('train', create: true).start('cpu-4')")
        emulator.faults('POST /v1/projects/*/cloudspaces/*/stop 500:1')

        when:
        harness.teardown.runAll()

        then:
        record().studios*.name == ['train']
        harness.logs.contains("studio 'train' stays in the ledger of owned studios: 'lstudio cleanup' (or the next run) "
                + "stops it once this run has ended")

        cleanup:
        emulator.reset()
    }

    def "when the disk is full the studio is not started and the verb fails with one line naming the file and the cause"() {
        given: 'a writer that gets half the bytes out, then finds the disk full'
        Files.createDirectories(folder)
        def existing = folder.resolve('other-host-1-0.json')
        Files.writeString(existing, '{"unrelated": true}')
        Ownership.BytesWriter full = { Path temp, byte[] bytes ->
            Files.write(temp, Arrays.copyOf(bytes, bytes.length.intdiv(2)))
            throw new IOException('No space left on device')
        }
        def owned = Ownership.in(folder, Owner.current('nightly.groovy'), full, { harness.logs << it })
        harness.ownership = owned

        when:
        harness.run("studio('train', create: true) { start 'lit-a100-1' }")

        then:
        LedgerWriteException e = thrown()
        e.message == "cannot record studio 'train' in the ledger at ${owned.file()}: No space left on device; " +
                'not starting it so it cannot be left running unseen'
        with(emulator.studio('train')) {
            !active
            machineSeconds == 0
        }
        Files.list(folder).withCloseable { it.toList() } == [existing] // no half-written file, the other one untouched
        Files.readString(existing) == '{"unrelated": true}'
    }

    def "a context built without a ledger records nothing and runs as before"() {
        given:
        def plain = new LiveHarness(emulator)

        when:
        plain.run("studio('train', create: true) { start 'cpu-4'; stop() }")

        then:
        !plain.context().ownership().persistent()
        !Files.exists(folder)

        cleanup:
        plain.close()
    }
}
