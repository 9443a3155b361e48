package dev.lstudio.cli

import dev.lstudio.testing.EmulatorLstudioSpec
import groovy.json.JsonSlurper
import java.nio.file.Files
import spock.lang.Timeout
import spock.util.concurrent.PollingConditions

/**
 * The runner with studio scripts, through {@link Main#execute} with captured streams: with
 * {@code --emulator} (an emulator of the run's own), or against an emulator of the spec's that
 * the environment points at, when the spec must look at the studios afterwards.
 */
@Timeout(180)
class StudioRunSpec extends EmulatorLstudioSpec {
    static final String README = "studio('my-studio', create: true) { start 'lit-h100-1'; exec 'nvidia-smi'; stop() }"

    /** Against the spec's emulator, with its credentials in the environment. */
    int against(List<String> args, String stdin = '') {
        lstudio(args, emulator.env, stdin)
    }

    def "the README line #how prints the H100 table on stdout and exits 0 with the studio stopped"() {
        when:
        int exit = lstudio(args.call(this), [:], stdin)

        then:
        exit == 0
        stdout.contains('NVIDIA H100 80GB HBM3')
        stdout.contains('NVIDIA-SMI')
        !stdout.contains('my-studio: start') // people's lines stay on stderr
        stderr.readLines().first().contains('--emulator: using the embedded Studios emulator at http://127.0.0.1:')
        stderr.contains('  my-studio (teamspace demo/demo) on lit-h100-1, running ')
        stderr.trim().endsWith('now STOPPED')

        where:
        how                  | args                                                   | stdin
        'with -e'            | { ['--emulator', '-e', README] }                       | ''
        'from a file'        | { ['--emulator', 'run', it.file('job.groovy', README)] } | ''
        'from stdin (run -)' | { ['--emulator', 'run', '-'] }                         | README
        'piped to lstudio'   | { ['--emulator'] }                                     | README
    }

    def "a failing command exits 1 naming the studio, the command and its exit code, on a timestamped line"() {
        when:
        int exit = lstudio(['--emulator', '-e', "studio('s', create: true) { start 'cpu-4'; exec 'exit 7' }"])

        then:
        exit == 1
        stderr.readLines().any { it ==~ /^\d{4}-\S+Z s: exec 'exit 7' failed with exit 7; no output \(at -e:1\)$/ }
        stderr.contains("teardown: stop studio 's' (started on cpu-4)")
        stderr.trim().endsWith("now STOPPED; exec 'exit 7' failed with exit 7; no output")
    }

    def "a compile error exits 2 with file, line and column"() {
        when:
        int exit = lstudio(['--emulator', 'run', file('broken.groovy', "studio('s') {\n  start 'cpu-4'\n")])

        then:
        exit == 2
        stderr =~ /broken\.groovy:\d+:\d+: /
    }

    def "no credentials at all exit 3 with a message naming the variables and the file"() {
        when:
        int exit = lstudio(['-e', "studios()"], [LIGHTNING_CREDENTIAL_PATH: home.resolve('missing.json').toString()])

        then:
        exit == 3
        stderr.contains('LIGHTNING_USER_ID')
        stderr.contains('LIGHTNING_API_KEY')
        stderr.contains('missing.json')
    }

    def "the default credentials file is named when nothing is set"() {
        when:
        int exit = lstudio(['-e', "studios()"])

        then:
        exit == 3
        stderr.contains('LIGHTNING_USER_ID')
        stderr.contains(home.resolve('.lightning/credentials.json').toString())
    }

    def "a rejected API key exits 3 and says where credentials come from"() {
        when:
        int exit = lstudio(['-e', "studios()"], emulator.env + [LIGHTNING_API_KEY: 'wrong-key'])

        then:
        exit == 3
        stderr.contains('LIGHTNING_USER_ID')
        stderr.contains('LIGHTNING_API_KEY')
        stderr.contains('credentials.json')
        !stderr.contains('wrong-key')
    }

    def "an API that keeps failing exits 4 after the retries"() {
        given:
        emulator.faults('GET /v1/memberships 503')

        when:
        int exit = against(['-e', "studios()"])

        then:
        exit == 4
        stderr.contains('listing teamspaces failed (HTTP 503)')
        !stderr.contains('/v1/memberships')
    }

    def "an API failure inside a studio block names the studio, and a failed exec says it was not sent again; exit 4"() {
        given:
        emulator.faults('POST /v1/projects/*/cloudspaces/*/execute 500')

        when:
        int exit = against(['-e', "studio('faulty', create: true) { start 'cpu-4'; exec 'make' }"])
        def line = stderr.readLines().find { it.startsWith('lstudio: ') }

        then:
        exit == 4
        line.startsWith("lstudio: studio 'faulty': running the command failed (HTTP 500): ")
        line.contains('HTTP 500')
        line.contains('not sent again: the command may have started')
        emulator.activeCount() == 0
    }

    def "an unreachable API exits 4"() {
        when:
        int exit = lstudio(['-e', "studios()"], emulator.env + [LIGHTNING_CLOUD_URL: 'http://127.0.0.1:9'])

        then:
        exit == 4
    }

    def "#limit exits 124 saying why, with the studio stopped"() {
        when:
        int exit = against(['-e', code])

        then:
        exit == 124
        stderr.contains(message)
        new PollingConditions(timeout: 60).eventually { assert emulator.activeCount() == 0 }

        where:
        limit             | code                                                                                   || message
        'maxRuntime'      | "studio('s', create: true) { start 'cpu-4', maxRuntime: 1.seconds; exec 'sleep 60' }" || "studio 's' reached its maxRuntime of 1s; stopped it"
        'a timeout block' | "timeout(1.seconds) { studio('s', create: true) { start 'cpu-4'; exec 'sleep 60' } }" || 'timed out after 1s'
        'an exec timeout' | "studio('s', create: true) { start 'cpu-4'; exec 'sleep 60', timeout: 1.seconds }"    || "command in studio 's' still running after"
        'a budget'        | "budget(maxHours: 0.0003); studio('s', create: true) { start 'cpu-4'; exec 'sleep 60' }" || "the run's budget of 1.1s of machine time is used up"
    }

    def "a script that fails leaves nothing running: the admin API sees the studios stopped and their time frozen"() {
        when:
        int exit = against(['-e', "studio('a', create: true) { start 'cpu-4' }; studio('b', create: true) { start 'lit-t4-1'; throw new IllegalStateException('boom') }"])

        then:
        exit == 1
        emulator.activeCount() == 0
        def seconds = emulator.studios()*.machineSeconds
        sleep(300)
        emulator.studios()*.machineSeconds == seconds
    }

    def "an unknown studio is reported as not found in the teamspace"() {
        when:
        int exit = lstudio(['--emulator', '-e', "studio('nope') { start 'cpu-4' }"])

        then:
        exit == 1
        theError == "lstudio: studio 'nope' not found in teamspace 'demo/demo', where you have no Studios yet: use studio('nope', create: true) to create it (at -e:1)"
        !stderr.contains('--debug')
    }

    def "an unknown machine the server refuses is one error line with the nearest slug, and no warning"() {
        when:
        int exit = lstudio(['--emulator', '-e', "studio('s', create: true) { start 'lit-h100-16' }"])

        then:
        exit == 1
        theError == "lstudio: studio 's': machine 'lit-h100-16' is not one the server knows: did you mean 'lit-h100-1'? (at -e:1)"
        !stderr.contains('warning: machine')
    }

    def "starting a studio that runs on another machine is an error naming both"() {
        when:
        int exit = lstudio(['--emulator', '-e', "studio('s', create: true) { start 'cpu-4' }; studio('s') { start 'lit-h100-1' }"])

        then:
        exit == 1
        stderr.contains("studio 's' is running on cpu-4, not lit-h100-1")
    }

    def "--json prints results as JSON lines on stdout, and nothing else there"() {
        when:
        int exit = lstudio(['--emulator', '--json', '-e', README])
        def lines = stdout.readLines().collect { new JsonSlurper().parseText(it) }

        then:
        exit == 0
        lines.size() == 2
        lines[0].studio == 'my-studio' && lines[0].command == 'nvidia-smi' && lines[0].exitCode == 0
        lines[0].output.contains('NVIDIA H100')
        lines[1].summary[0].state == 'STOPPED'
        stderr.contains('NVIDIA H100') // the command's output went to the log instead
    }

    def "--debug logs each HTTP call without the API key"() {
        when:
        int exit = against(['--debug', '-e', "studios()"])

        then:
        exit == 0
        stderr.contains('debug: http: --> GET ' + emulator.baseUrl + 'v1/memberships')
        stderr.contains('Authorization: ****')
        !stderr.contains(emulator.env.LIGHTNING_API_KEY)
    }

    def "LSTUDIO_EMULATOR_STATE keeps the emulator's studios from one run to the next"() {
        given:
        def state = [LSTUDIO_EMULATOR_STATE: home.resolve('emulator-state').toString()]

        when:
        lstudio(['--emulator', '-e', "create('kept')"], state)
        int exit = lstudio(['--emulator', '-e', "json(studios()*.name)"], state)

        then:
        exit == 0
        stdout.trim() == '["kept"]'
        stderr.contains('state kept in ' + home.resolve('emulator-state'))
    }

    def "without LSTUDIO_EMULATOR_STATE every run starts from an empty emulator"() {
        when:
        lstudio(['--emulator', '-e', "create('gone')"])
        lstudio(['--emulator', '-e', "json(studios()*.name)"])

        then:
        stdout.trim() == '[]'
    }

    def "lstudio emulator is a subcommand"() {
        when:
        int exit = lstudio(['emulator', '--help'])

        then:
        exit == 0
        stdout.contains('Serve the Lightning Studios API locally')
        stdout.contains('--start-delay')
    }
}
