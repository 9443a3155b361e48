package dev.lstudio.corpus

import java.nio.file.Files
import java.util.concurrent.TimeUnit
import spock.lang.Timeout

/**
 * Issue 8, bad input: "scripts that never return (timeout)". A limit interrupts the script, and
 * waits, commands and Thread.sleep end at once (exit 124, studio stopped: cli/StudioRunSpec
 * "#limit exits 124 saying why, with the studio stopped"). Code that ignores the interrupt,
 * here Groovy's own {@code sleep} in a polling loop, would run for ever with its studio; the
 * runner ends it 30 s after the limit, runs teardown and exits 124. Only a real process can
 * exit, so these run lstudio as a child.
 */
@Timeout(240)
class NeverReturnsSpec extends EmulatorCorpusSpec {
    def "a #limit around a loop that ignores interrupts: the run ends with 124 and the studio stopped"() {
        given:
        def stdout = home.resolve('stdout.txt')
        def stderr = home.resolve('stderr.txt')

        when:
        def process = lstudioProcess([], ['-e', code], emulator.env, stdout, stderr)
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
        limit             | code                                                                                              || message
        'timeout block'   | "def s = create('s', machine: 'cpu-4'); timeout(1.seconds) { while (true) { sleep 100 } }"        || 'timed out after 1s'
        'maxRuntime'      | "studio('s', create: true) { start 'cpu-4', maxRuntime: 1.seconds; while (true) { sleep 100 } }" || "studio 's' reached its maxRuntime of 1s; stopped it"
    }
}
