package dev.lstudio.corpus

import dev.lstudio.testing.EmulatorLstudioSpec
import java.time.Duration
import spock.lang.Timeout

/**
 * Issue 14, item 4: a verb on a Studio whose state does not allow it is a precondition the script
 * can fix, so it exits 1 (not 4, "try later") with one line in plain words naming the verb that
 * fixes it; the REST path, the ids and the gRPC code only with --debug.
 */
@Timeout(120)
class StudioStateSpec extends EmulatorLstudioSpec {
    @Override
    Map<String, ?> emulatorSettings() {
        [startDelay: Duration.ofSeconds(2)]
    }

    def "exec on a stopped Studio: exit 1, 'start it first', no REST internals"() {
        when:
        int exit = lstudio(['-e', "studio('my-studio', create: true) { exec 'echo hi' }"], emulator.env)

        then:
        exit == 1
        theError == "lstudio: studio 'my-studio' is stopped: start it first, e.g. start 'cpu-4' (at -e:1)"
        !stderr.contains('/v1/')
        !stderr.contains('gRPC')
    }

    def "exec on a Studio still starting: exit 1, wait until it runs"() {
        when:
        int exit = lstudio(['-e', "studio('my-studio', create: true) { start 'cpu-4', wait: false; exec 'echo hi' }"],
                emulator.env)

        then:
        exit == 1
        theError.startsWith("lstudio: studio 'my-studio' is still starting (PENDING")
        theError.endsWith("wait until it runs (start 'cpu-4' waits for it), then exec (at -e:1)")
        !stderr.contains('/v1/')
        emulator.studio('my-studio').active == false // the run started it, so the run stopped it
    }

    def "with --debug the server's answer is shown too"() {
        when:
        int exit = lstudio(['--debug', '-e', "studio('my-studio', create: true) { exec 'echo hi' }"], emulator.env)

        then:
        exit == 1
        stderr.contains("studio 'my-studio' is stopped: start it first, e.g. start 'cpu-4'")
        stderr.contains('debug: the call: POST /v1/projects/')
        stderr.contains('/execute failed (HTTP 409, gRPC 9)')
    }
}
