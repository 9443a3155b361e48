package dev.lstudio.corpus

import dev.lstudio.testing.EmulatorLstudioSpec
import groovy.json.JsonSlurperClassic
import java.time.Duration
import spock.lang.Timeout

/**
 * Issue 13, "a change is ownership" (case 1) and "waits notice when the world moved on" (case 5),
 * through the real CLI: a Studio found running that a run moves is put back where it was found,
 * and a switch or start that someone else finishes, stops or takes away ends the wait at once
 * with the truth instead of waiting out its timeout.
 */
@Timeout(120)
class TeardownChangesSpec extends EmulatorLstudioSpec {

    @Override
    Map<String, ?> emulatorSettings() {
        [switchDelay: Duration.ofSeconds(3), startDelay: Duration.ofSeconds(2)]
    }

    def "case 1: a studio found running on cpu-4 that a failing run switched is put back on cpu-4, and the summary lists it"() {
        given: 'hand1 runs on cpu-4, left running by someone'
        emulator.create('hand1')
        emulator.startStudio('hand1', 'cpu-4')
        waitUntil { emulator.studio('hand1').phase?.endsWith('RUNNING') }

        when:
        int exit = lstudio(['--json', '-e', "studio('hand1') { switchTo 'lit-h100-1'; exec 'exit 1' }"], emulator.env)

        then: 'the run failed, and hand1 runs where it was found, not on the H100'
        exit == 1
        emulator.studio('hand1').active
        emulator.studio('hand1').machine == 'cpu-4'
        stderr.contains("putting studio 'hand1' back on cpu-4, where this run found it running")
        stderr =~ /hand1 \(teamspace demo\/demo\) on cpu-4 then lit-h100-1 then cpu-4, found running on cpu-4, running .*, now RUNNING/
        def summary = stdout.readLines().collect { new JsonSlurperClassic().parseText(it) }.find { it.summary }.summary
        summary*.studio == ['hand1']
        summary[0].foundRunningOn == 'cpu-4'
        summary[0].machines == ['cpu-4', 'lit-h100-1', 'cpu-4']
    }

    def "case 1: when it cannot be put back it is stopped, and the log says so"() {
        given:
        emulator.create('hand2')
        emulator.startStudio('hand2', 'cpu-4')
        waitUntil { emulator.studio('hand2').phase?.endsWith('RUNNING') }
        and: 'once it runs on the H100, machine switches are refused'
        def refuser = Thread.startDaemon {
            waitUntil { emulator.studio('hand2')?.machine == 'lit-h100-1' && !emulator.studio('hand2').requestedMachine }
            emulator.faults('PUT /v1/projects/*/cloudspaces/*/codeconfig 503:1')
        }

        when:
        int exit = lstudio(['-e', "studio('hand2') { switchTo 'lit-h100-1'; exec 'sleep 2; exit 3' }"], emulator.env)
        refuser.join(10_000)

        then: 'nothing is left on the dearer machine'
        exit == 1
        !emulator.studio('hand2').active
        stderr.contains("could not put studio 'hand2' back on cpu-4 (")
        stderr.contains('): stopping it instead')
    }

    def "case 1: a switch the script undoes itself leaves the studio running where it was found, with nothing to put back"() {
        given:
        emulator.create('hand3')
        emulator.startStudio('hand3', 'cpu-4')
        waitUntil { emulator.studio('hand3').phase?.endsWith('RUNNING') }

        when:
        int exit = lstudio(['-e', "studio('hand3') { switchTo 'lit-a100-1'; switchTo 'cpu-4' }"], emulator.env)

        then:
        exit == 0
        emulator.studio('hand3').active
        emulator.studio('hand3').machine == 'cpu-4'
        !stderr.contains('putting studio')
    }

    def "case 5: a switch confirmed by someone else ends the wait at once, and the summary names the new machine"() {
        given:
        def confirmer = Thread.startDaemon {
            waitUntil { restoreFinished('sw') }
            assert emulator.asSomeoneElse('POST', 'sw', '/switch-confirm').status == 200
        }

        when:
        long began = System.nanoTime()
        int exit = lstudio(['-e', "studio('sw', create: true) { start 'cpu-4'; switchTo 'lit-a100-1'; println machine }"],
                emulator.env)
        double seconds = (System.nanoTime() - began) / 1e9
        confirmer.join(10_000)

        then:
        exit == 0
        stdout == 'lit-a100-1\n'
        seconds < 60
        stderr =~ /sw \(teamspace demo\/demo\) on cpu-4 then lit-a100-1, running .*, now STOPPED/
        !emulator.studio('sw').active
    }

    def "case 5: a studio stopped by someone else during its switch ends the run at once with what happened"() {
        given:
        def stopper = Thread.startDaemon {
            waitUntil { emulator.studio('sw2')?.requestedMachine == 'lit-a100-1' }
            assert emulator.asSomeoneElse('POST', 'sw2', '/stop').status == 200
        }

        when:
        long began = System.nanoTime()
        int exit = lstudio(['-e', "studio('sw2', create: true) { start 'cpu-4'; switchTo 'lit-a100-1'; exec 'true' }"],
                emulator.env)
        stopper.join(10_000)

        then:
        exit == 1
        (System.nanoTime() - began) / 1e9 < 60
        theError.contains("studio 'sw2' was changed by someone else during the switch to lit-a100-1: it is stopped now")
        !emulator.studio('sw2').active
    }

    def "case 5: a start stopped by someone else while it comes up ends at once instead of waiting 15 minutes"() {
        given:
        def stopper = Thread.startDaemon {
            waitUntil { emulator.studio('st')?.phase?.endsWith('PENDING') }
            assert emulator.asSomeoneElse('POST', 'st', '/stop').status == 200
        }

        when:
        long began = System.nanoTime()
        int exit = lstudio(['-e', "studio('st', create: true) { start 'lit-h100-1'; exec 'nvidia-smi' }"], emulator.env)
        stopper.join(10_000)

        then:
        exit == 1
        (System.nanoTime() - began) / 1e9 < 60
        theError.contains("studio 'st' was changed by someone else during the start: it is stopped now")
        !emulator.studio('st').active
    }

    def "case 5: a studio deleted by someone else while it starts ends the wait at once"() {
        given:
        def deleter = Thread.startDaemon {
            waitUntil { emulator.studio('gone')?.phase?.endsWith('PENDING') }
            assert emulator.asSomeoneElse('DELETE', 'gone').status == 200
        }

        when:
        long began = System.nanoTime()
        int exit = lstudio(['-e', "studio('gone', create: true) { start 'cpu-4'; exec 'true' }"], emulator.env)
        deleter.join(10_000)

        then:
        exit != 0
        (System.nanoTime() - began) / 1e9 < 60
        theError =~ /(?i)not found|deleted/
        emulator.activeCount() == 0
    }

    private boolean restoreFinished(String name) {
        if (emulator.studio(name)?.requestedMachine == null) {
            return false
        }
        def status = emulator.asSomeoneElse('GET', name, '/codestatus')
        status.body?.requested?.startupStatus?.initialRestoreFinished == true
    }

    private static void waitUntil(Closure<Boolean> condition) {
        long deadline = System.nanoTime() + 30_000_000_000L
        while (!condition()) {
            assert System.nanoTime() < deadline: 'condition not met within 30 s'
            sleep(20)
        }
    }
}
