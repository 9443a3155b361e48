package dev.lstudio.cli

import dev.lstudio.client.OwnedStudio
import dev.lstudio.client.Ownership
import dev.lstudio.client.Owner
import dev.lstudio.testing.EmulatorLstudioSpec
import groovy.json.JsonSlurperClassic
import java.nio.file.Files
import java.nio.file.Path
import java.time.Instant
import java.util.concurrent.TimeUnit
import spock.lang.Requires
import spock.lang.Timeout
import spock.util.concurrent.PollingConditions

/**
 * {@code lstudio cleanup} and the cleanup at the start of every run, against an emulator that
 * outlives the runs (as lightning.ai does): a run killed with SIGKILL leaves its studio running
 * and its record in the ledger; cleanup finds the owner dead and stops the studio.
 */
@Timeout(300)
class CleanupSpec extends EmulatorLstudioSpec {
    List<Process> children = []

    def cleanup() {
        children*.destroyForcibly()
        children*.waitFor(30, TimeUnit.SECONDS)
    }

    Path getFolder() {
        home.resolve('state/owned')
    }

    List<Path> records() {
        Files.isDirectory(folder) ? Files.list(folder).withCloseable { it.toList() } : []
    }

    int lstudio(String... args) {
        lstudio(args.toList(), emulator.env)
    }


    /** A real lstudio process whose script starts studio {@code name} and sleeps; returns once the studio runs. */
    Process startSleeper(String name) {
        def script = home.resolve("${name}.groovy")
        def started = home.resolve("${name}.started")
        Files.writeString(script, """
            studio('${name}', create: true).start('lit-a100-1')
            new File(args[0]).text = 'started'
            Thread.sleep(600_000)
        """)
        def process = lstudioProcess(['run', script.toString(), started.toString()], emulator.env,
                [log: home.resolve("${name}.log")])
        children << process
        new PollingConditions(timeout: 120, delay: 0.2).eventually {
            assert Files.exists(started) || !process.alive
        }
        assert process.alive: Files.readString(home.resolve("${name}.log"))
        process
    }

    /** SIGKILL: no teardown, no signal handler; the studio stays up and so does its record. */
    static void kill(Process process) {
        process.destroyForcibly()
        assert process.waitFor(60, TimeUnit.SECONDS)
    }

    /** A script that only prints runs, with exactly one line on stderr (what the cleanup before it said). */
    boolean runReport() {
        def next = home.resolve('report.groovy')
        Files.writeString(next, "println 'report done'")
        assert lstudio('run', next.toString()) == 0
        assert stdout == 'report done\n'
        assert stderr.readLines().size() == 1: stderr
        true
    }

    /** {@code lstudio cleanup} exits 0, having stopped studio {@code name} of the ended run {@code pid}. */
    boolean cleanupStops(String name, long pid = ProcessHandle.current().pid(), String script = 'old.groovy') {
        assert lstudio('cleanup') == 0: stderr
        assert stderr.contains("stopped studio '$name' left running by run $pid (script $script)")
        assert !emulator.studio(name).active
        true
    }

    String leftBy(String name, Process process) {
        "studio '${name}' left running by run ${process.pid()} (script ${home.resolve("${name}.groovy")}) " +
                'that ended without stopping it'
    }

    /** A record written as a run would, by an owner that ended: this process's pid with another start instant (a reused pid). */
    Ownership endedRun(String script = 'old.groovy') {
        def owner = new Owner(ProcessHandle.current().pid(), Instant.parse('2001-01-01T00:00:00Z'),
                Owner.current('x').host(), script)
        Ownership.in(folder, owner, { Path temp, byte[] bytes -> Files.write(temp, bytes) } as Ownership.BytesWriter, {})
    }

    OwnedStudio recordOf(String name, Map<String, String> changes = [:]) {
        def s = emulator.studio(name)
        new OwnedStudio(changes.api ?: emulator.baseUrl, changes.userId ?: emulator.emu.userId(),
                changes.projectId ?: s.projectId as String, 'demo/demo', changes.studioId ?: s.id as String, name,
                'cpu-4', Instant.now())
    }

    def "a studio left running by a run killed with SIGKILL is listed by --dry-run, then stopped by cleanup"() {
        given:
        def run = startSleeper('train')
        kill(run)

        expect: 'the kill left it running, with its record'
        emulator.studio('train').active
        records().size() == 1

        when:
        int dry = lstudio('cleanup', '--dry-run')

        then: 'listed on stdout, where a pipe gets the answer, and nothing changed'
        dry == 0
        stdout.contains("would stop studio 'train' (RUNNING on lit-a100-1, teamspace demo/demo) left running by run ${run.pid()}")
        stdout.contains('cleanup --dry-run: would stop 1, would drop 0 record(s), 0 left alone; nothing was changed')
        !stderr.contains('would stop')
        emulator.studio('train').active
        records().size() == 1

        when:
        int exit = lstudio('cleanup')

        then:
        exit == 0
        stderr.contains('stopped ' + leftBy('train', run))
        stderr.contains('cleanup: stopped 1, dropped 1 record(s), 0 left alone')
        !emulator.studio('train').active
        records().isEmpty()

        when: 'once more: nothing left to do'
        lstudio('cleanup')

        then:
        stderr.contains("cleanup: no studios in the ledger (${folder}); nothing to do")
    }

    def "the next lstudio run stops what a killed run left running, says so in one line, then runs its script"() {
        given:
        def run = startSleeper('nightly')
        kill(run)

        expect: 'no progress lines of the wait either'
        runReport()
        stderr.readLines()[0].endsWith('Z stopped ' + leftBy('nightly', run))
        !emulator.studio('nightly').active
        records().isEmpty()
    }

    def "opening the REPL stops what a killed run left running, before the first prompt"() {
        given:
        def run = startSleeper('weekend')
        kill(run)

        when:
        int exit = lstudio('repl') // no input: the session opens and ends at once

        then:
        exit == 0
        stdout.indexOf('stopped ' + leftBy('weekend', run)) >= 0
        stdout.indexOf('stopped ' + leftBy('weekend', run)) < stdout.indexOf('Groovy with the lstudio DSL')
        !emulator.studio('weekend').active
        records().isEmpty()
    }

    def "the studios of a run that still runs are left alone"() {
        given:
        def run = startSleeper('busy')

        when:
        int exit = lstudio('cleanup')

        then: 'exit 6: something was left, and the line says what takes it over'
        exit == ExitCode.LEFT_ALONE.code()
        stderr.contains("studio 'busy' belongs to run ${run.pid()} (script ${home.resolve('busy.groovy')}), which is still running; left alone")
        stderr.contains("left alone: 1 studio(s) of run ${run.pid()}, which still runs and stops them when it ends; " +
                "to take them over, end it (kill ${run.pid()}) and run lstudio cleanup")
        stderr.contains('cleanup: stopped 0, dropped 0 record(s), 1 left alone')
        emulator.studio('busy').active
        records().size() == 1

        when: 'the owner ends as it should (SIGTERM): its teardown stops the studio and drops its record'
        run.destroy()
        assert run.waitFor(90, TimeUnit.SECONDS)

        then:
        !emulator.studio('busy').active
        records().isEmpty()
    }

    def "a run whose pid was taken by another process counts as ended"() {
        given:
        lstudio('-e', "studio('train', create: true).start('cpu-4'); keepRunning()")
        endedRun().record(recordOf('train'))

        expect:
        cleanupStops('train')
    }

    def "records of other credentials or another teamspace are left alone with a note naming them"() {
        given:
        lstudio('-e', "studio('mine', create: true).start('cpu-4'); studio('theirs', create: true).start('cpu-2'); " +
                "studio('elsewhere', create: true).start('cpu-2'); keepRunning()")
        def ended = endedRun()
        ended.record(recordOf('mine'))
        ended.record(recordOf('theirs', [userId: 'someone-else']))
        ended.record(recordOf('elsewhere', [projectId: 'another-project']))

        when:
        int exit = lstudio('cleanup', '--teamspace', 'demo')

        then: 'the other credentials\' record waits, so exit 6; the other teamspace was asked for, so it does not count'
        exit == ExitCode.LEFT_ALONE.code()
        stderr.contains('left alone: 1 record(s) of other credentials; run lstudio cleanup with those')
        stderr.contains("stopped studio 'mine' left running by run ${ProcessHandle.current().pid()} (script old.groovy)")
        stderr.contains("studio 'theirs' of ended run ${ProcessHandle.current().pid()} (script old.groovy) was started as " +
                "user someone-else at ${emulator.baseUrl}, not with the credentials in use (user ${emulator.emu.userId()} at " +
                "${emulator.baseUrl}); left alone: run lstudio cleanup with those credentials")
        stderr.contains("studio 'elsewhere' of ended run ${ProcessHandle.current().pid()} (script old.groovy) is in teamspace " +
                'demo/demo, not demo; left alone')
        emulator.studio('theirs').active
        emulator.studio('elsewhere').active
        !emulator.studio('mine').active
        with(new JsonSlurperClassic().parse(records()[0].toFile())) {
            studios*.name == ['theirs', 'elsewhere']
        }
    }

    def "--json prints one JSON line per studio on stdout; records of stopped and deleted studios are dropped"() {
        given:
        lstudio('-e', "studio('stopped', create: true)")
        def ended = endedRun()
        ended.record(recordOf('stopped'))
        ended.record(recordOf('stopped', [studioId: 'no-such-studio']))

        when:
        int exit = lstudio('cleanup', '--json')

        then:
        exit == 0
        def lines = stdout.readLines().collect { new JsonSlurperClassic().parseText(it) }
        lines*.action == ['dropped', 'dropped']
        lines*.reason.sort() == ['deleted', 'was-stopped'] // stopped in parallel: in the order they end
        lines.every { it.studio == 'stopped' && it.owner.pid == ProcessHandle.current().pid() && it.owner.script == 'old.groovy' }
        stderr.contains("studio 'stopped' of ended run ${ProcessHandle.current().pid()} (script old.groovy) is stopped (two reads agree after a stop sent to be sure); dropped its record")
        stderr.contains("studio 'stopped' of ended run ${ProcessHandle.current().pid()} (script old.groovy) was deleted; dropped its record")
        records().isEmpty()
    }

    def "a studio that cannot be stopped makes cleanup exit 4 and stays in the ledger for the next one"() {
        given:
        lstudio('-e', "studio('stuck', create: true).start('cpu-4'); keepRunning()")
        endedRun().record(recordOf('stuck'))
        emulator.faults('POST /v1/projects/*/cloudspaces/*/stop 503:1')

        when: 'each stop may take 3 s, resends included'
        long began = System.nanoTime()
        int exit = lstudio('cleanup', '--timeout', '3s')

        then:
        exit == ExitCode.API.code()
        stderr.contains("lstudio: could not stop studio 'stuck' left running by run ${ProcessHandle.current().pid()} (script old.groovy)")
        stderr.contains('it stays in the ledger for the next cleanup')
        stderr.contains('cleanup: stopped 0, dropped 0 record(s), 0 left alone, 1 could not be stopped')
        stderr =~ /could not stop studio .stuck. .*503/
        records().size() == 1
        (System.nanoTime() - began) / 1e9 < 60

        cleanup:
        emulator.reset()
    }

    def "a corrupt ledger file is named in a warning, and neither cleanup nor a run fails because of it"() {
        given:
        Files.createDirectories(folder)
        def broken = folder.resolve('box-1234-0.json')
        Files.writeString(broken, '{"format": 1, "owner": {"pid": 12')

        when:
        int exit = lstudio('cleanup')

        then:
        exit == 0
        stderr.contains("warning: ignoring ledger file ${broken}: it is not a valid record (")
        stderr.contains('left as it is: delete it once no lstudio run owns it')

        when:
        exit = lstudio('-e', "println 'still runs'")

        then:
        exit == 0
        stdout == 'still runs\n'
        stderr.contains("warning: ignoring ledger file ${broken}")
        Files.exists(broken)
    }

    def "with no ledger, an empty one or only live owners' records, a run asks the API nothing before its script"() {
        given:
        emulator.clearRequests()

        when: 'no ledger folder'
        int exit = lstudio('-e', "println 'hi'")

        then:
        exit == 0
        emulator.requests().total == 0
        !Files.exists(folder)

        when: 'an empty folder'
        Files.createDirectories(folder)
        exit = lstudio('-e', "println 'hi'")

        then:
        exit == 0
        emulator.requests().total == 0

        when: "a live owner's record (this very JVM)"
        Ownership.in(folder, Owner.current('live.groovy'), { Path t, byte[] b -> Files.write(t, b) } as Ownership.BytesWriter, {})
                .record(new OwnedStudio(emulator.baseUrl, emulator.emu.userId(), 'p', 'demo/demo', 'id', 'live', 'cpu-4', Instant.now()))
        exit = lstudio('-e', "println 'hi'")

        then:
        exit == 0
        emulator.requests().total == 0
        stderr.isEmpty()
    }

    def "a ledger that cannot be written fails the start with one line and the script's failure code, and nothing starts"() {
        given: 'the ledger folder is taken by a file'
        Files.createDirectories(folder.parent)
        Files.writeString(folder, 'not a folder')

        when:
        int exit = lstudio('-e', "studio('train', create: true) { start 'cpu-4' }")

        then:
        exit == ExitCode.SCRIPT_FAILED.code()
        def errors = stderr.readLines().findAll { it.startsWith('lstudio: ') }
        errors.size() == 1
        errors[0].startsWith("lstudio: cannot record studio 'train' in the ledger at ${folder}/")
        errors[0].contains(".json: ${folder} is not a folder; ")
        Files.readString(folder) == 'not a folder' // the file in the way is left as it was
        errors[0].endsWith('; not starting it so it cannot be left running unseen (at -e:1)')
        with(emulator.studio('train')) {
            !active
            machineSeconds == 0
        }
    }

    /** A record of a run that ended on host {@code host} (machine id {@code machine}): a reused pid, as in {@link #endedRun}. */
    Ownership endedOn(String host, String machine, String script = 'old.groovy') {
        def owner = new Owner(ProcessHandle.current().pid(), Instant.parse('2001-01-01T00:00:00Z'), host, script, machine)
        Ownership.in(folder, owner, { Path temp, byte[] bytes -> Files.write(temp, bytes) } as Ownership.BytesWriter, {})
    }

    @Requires({ Owner.currentMachine() != null })
    def "a record of this machine under another container hostname is this host's: cleanup stops it (issue 13, case 7)"() {
        given: 'the record a run in an earlier docker run wrote: its own hostname, the same machine id'
        lstudio('-e', "studio('boxed', create: true).start('cpu-4'); keepRunning()")
        endedOn('3f9c2a1b7d0e', Owner.currentMachine()).record(recordOf('boxed'))

        expect:
        cleanupStops('boxed')
        records().isEmpty()
    }

    def "a record written by an older lstudio (hostname only) is still read and judged by its hostname"() {
        given:
        lstudio('-e', "studio('legacy', create: true).start('cpu-4'); keepRunning()")
        endedOn(Owner.current('x').host(), null).record(recordOf('legacy'))
        def file = records()[0]
        Files.writeString(file, Files.readString(file).replaceAll(/,\s*"machine" : null/, ''))

        expect:
        !Files.readString(file).contains('"machine" : null')
        lstudio('cleanup') == 0
        !emulator.studio('legacy').active
    }

    def "another host's records are listed with how to take them over, exit 6, and --host NAME takes them over (issue 13, case 7)"() {
        given:
        lstudio('-e', "studio('far', create: true).start('cpu-4'); keepRunning()")
        endedOn('ci-runner-7', 'feedfacefeedfacefeedfacefeedface').record(recordOf('far'))

        when:
        int exit = lstudio('cleanup')

        then: 'left, said why and how, and the exit code says so'
        exit == ExitCode.LEFT_ALONE.code()
        stderr.contains("studio 'far' belongs to run ${ProcessHandle.current().pid()} (script old.groovy) on host " +
                'ci-runner-7 (machine feedfacefeedfacefeedfacefeedface), which this host cannot judge; left alone')
        stderr.contains('left alone: 1 record(s) of host ci-runner-7 (machine feedfacefeedfacefeedfacefeedface), whose ' +
                'runs this host cannot see; if they ended, take them over: lstudio cleanup --host ci-runner-7 (or --all-hosts)')
        emulator.studio('far').active

        when: 'off a terminal, a takeover needs --yes'
        exit = lstudio('cleanup', '--host', 'ci-runner-7')

        then:
        exit == ExitCode.USAGE.code()
        stderr.contains('off a terminal add --yes to confirm')
        emulator.studio('far').active
        records().size() == 1

        when: 'a dry run shows what the takeover would do'
        exit = lstudio('cleanup', '--host', 'ci-runner-7', '--dry-run')

        then: 'on stdout: a dry run is a question, and its answer the result'
        exit == 0
        stdout.contains("would stop studio 'far' (RUNNING on cpu-4, teamspace demo/demo)")

        when:
        exit = lstudio('cleanup', '--host', 'ci-runner-7', '--yes')

        then:
        exit == 0
        stderr.contains("stopped studio 'far' left running by run ${ProcessHandle.current().pid()} (script old.groovy)")
        !emulator.studio('far').active
        records().isEmpty()
    }

    def "--all-hosts takes over every other host's records, asking on a terminal"() {
        given:
        lstudio('-e', "studio('a1', create: true).start('cpu-4'); studio('b1', create: true).start('cpu-4'); keepRunning()")
        endedOn('host-a', 'aaaa').record(recordOf('a1'))
        endedOn('host-b', null).record(recordOf('b1'))

        when: 'a person at a terminal says no'
        def err = new ByteArrayOutputStream()
        def main = new Main(new ByteArrayInputStream('n\n'.bytes), new PrintStream(new ByteArrayOutputStream(), true),
                new PrintStream(err, true, 'UTF-8'), [LSTUDIO_HOME: home.toString(), HOME: home.toString()] + emulator.env,
                new Terminals(true, true), false)
        int no = main.run(['cleanup', '--all-hosts'] as String[])

        then:
        no == ExitCode.USAGE.code()
        err.toString('UTF-8').contains('Take over the records of every other host? Do so only if its runs no longer run. [y/N]')
        emulator.studio('a1').active

        when:
        int exit = lstudio('cleanup', '--all-hosts', '--yes')

        then:
        exit == 0
        !emulator.studio('a1').active
        !emulator.studio('b1').active
    }

    def "a later run says in one line that records of other hosts wait, not one line per record (issue 13, case 7)"() {
        given:
        lstudio('-e', "(1..3).each { studio(\"w\$it\", create: true).start('cpu-4') }; keepRunning()")
        def other = endedOn('old-box', null)
        (1..3).each { other.record(recordOf("w$it")) }

        expect: 'the script runs as ever, with one line of note before it'
        runReport()
        stderr.readLines()[0].endsWith('note: 3 studio record(s) of other hosts wait in the ledger (old-box); ' +
                'see lstudio cleanup --dry-run, take them over with --host NAME')
    }

    def "a killed run its parent has not reaped yet (a zombie) counts as ended (issue 13, case 7)"() {
        given: 'a shell that forks a child and execs into a process that never reaps it'
        def parent = new ProcessBuilder('sh', '-c', 'sleep 0.2 & echo $!; exec sleep 600').start()
        children << parent
        long zombie = parent.inputStream.newReader().readLine() as long
        new PollingConditions(timeout: 10, delay: 0.1).eventually {
            assert Files.readString(Path.of("/proc/$zombie/stat")).replaceFirst(/.*\) /, '').startsWith('Z')
        }
        lstudio('-e', "studio('undead', create: true).start('cpu-4'); keepRunning()")
        // as the run wrote it: its own start instant, so only the zombie state tells it ended
        def owner = new Owner(zombie, ProcessHandle.of(zombie).flatMap { it.info().startInstant() }.orElse(null),
                Owner.current('x').host(), 'killed.groovy', Owner.currentMachine())
        Ownership.in(folder, owner, { Path temp, byte[] bytes -> Files.write(temp, bytes) } as Ownership.BytesWriter, {})
                .record(recordOf('undead'))

        expect:
        cleanupStops('undead', zombie, 'killed.groovy')
    }
}
