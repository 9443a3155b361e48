package dev.lstudio.corpus

import dev.lstudio.testing.EmulatorLstudioSpec
import java.nio.file.Files
import java.util.concurrent.TimeUnit
import spock.lang.Timeout

/**
 * Issue 8, bad input: "scripts that never return (timeout)". A limit interrupts the script, and
 * waits, commands, Thread.sleep and (scripts being compiled with ThreadInterrupt) loops end at
 * once (exit 124, studio stopped: cli/StudioRunSpec "#limit exits 124 saying why, with the studio
 * stopped"). Code that catches the interrupt and carries on would run for ever with its studio;
 * the runner ends it 30 s after the limit, runs teardown and exits 124. Only a real process can
 * exit, so these run lstudio as a child.
 */
@Timeout(240)
class NeverReturnsSpec extends EmulatorLstudioSpec {
    /** Code that catches the interrupt and carries on: nothing in Groovy can end it, only the runner. */
    static final String SWALLOW = 'try { Thread.sleep(100) } catch (InterruptedException ignored) { }'

    def "a #limit around a loop that ignores interrupts: the run ends with 124 and the studio stopped"() {
        given:
        def stdout = home.resolve('stdout.txt')
        def stderr = home.resolve('stderr.txt')

        when:
        def process = lstudioProcess(["-e", code.toString()], emulator.env, [stdout: stdout, stderr: stderr])
        boolean ended = process.waitFor(200, TimeUnit.SECONDS)
        String log = Files.readString(stderr)

        then:
        ended
        process.exitValue() == 124
        log.contains("lstudio: $message; the script did not stop within 30s of being interrupted")
        log.contains("teardown: stop studio 's'")
        emulator.activeCount() == 0

        cleanup:
        process?.destroyForcibly()

        where:
        limit           | code                                                                                  || message
        'timeout block' | "def s = create('s', machine: 'cpu-4'); timeout(1.seconds) { while (true) { $SWALLOW } }"        || 'timed out after 1s'
        'maxRuntime'    | "studio('s', create: true) { start 'cpu-4', maxRuntime: 1.seconds; while (true) { $SWALLOW } }" || "studio 's' reached its maxRuntime of 1s; stopped it"
    }

    def "#what ends at the limit, not 30 s later: scripts check for interrupts"() {
        given:
        def stdout = home.resolve('stdout.txt')
        def stderr = home.resolve('stderr.txt')
        long started = System.nanoTime()

        when:
        def process = lstudioProcess(['-e', "def s = create('s', machine: 'cpu-4'); long n = 0; timeout(1.seconds) { while (true) { $body } }".toString()],
                emulator.env, [stdout: stdout, stderr: stderr])
        boolean ended = process.waitFor(200, TimeUnit.SECONDS)
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)
        String log = Files.readString(stderr)

        then:
        ended
        process.exitValue() == 124
        seconds < 30
        log.contains('timed out after 1s')
        !log.contains('the script did not stop within')
        log.contains("teardown: stop studio 's'")
        emulator.activeCount() == 0

        cleanup:
        process?.destroyForcibly()

        where:
        what                             | body
        'a busy loop'                    | 'n++'
        "a loop of Groovy's sleep"       | 'sleep 100'
    }
}
