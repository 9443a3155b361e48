package dev.lstudio.docs

import dev.lstudio.testing.EmulatorFixture
import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Timeout

/**
 * Each script of scripts/examples/ does its job against the emulator, run as cron would run
 * it: {@code lstudio run FILE} with settings in the environment. Each row sets the scene,
 * says what the output must show, and checks the studios afterwards in the emulator's own
 * state, since what these scripts are for is what they leave running.
 */
@Timeout(300)
class ExamplesSpec extends ExampleStudiosSpec {
    static final Path EXAMPLES = Path.of('scripts', 'examples').toAbsolutePath()

    def "#script #why"() {
        given:
        scene(emulator)

        when:
        def run = againstEmulator(['run', EXAMPLES.resolve(script).toString()] + args, env)

        then:
        assert run.exit == exit: run.toString()
        shows.each { assert run.output.contains(it): "'$it' missing\n$run" }
        emulator.activeStudios() == running

        where:
        script                    | why                                                            | args              | env                                                          | scene                             || exit | shows                                                              | running
        'quickstart.groovy'       | 'runs the card workflow on an H100 and stops'                  | []                | [:]                                                          | none                              || 0    | ['NVIDIA H100']                                                    | []
        'quickstart.groovy'       | 'creates a missing studio, on the machine given'               | ['new-one', 'lit-t4-1'] | [:]                                                    | none                              || 0    | ['Tesla T4']                                                       | []
        'nightly-training.groovy' | 'trains on the GPU and reports the run as JSON'                | []                | [TRAIN_COMMAND: 'echo "epoch 1/1 loss=0.12" | tee train.log'] | none                           || 0    | ['A100', 'epoch 1/1 loss=0.12', '"studio":"my-studio"', '"exitCode":0'] | []
        'nightly-training.groovy' | 'stops the studio when the training fails'                     | []                | [TRAIN_COMMAND: 'echo diverged; exit 3']                     | none                              || 1    | ['diverged']                                                       | []
        'fleet-smoke-test.groovy' | 'checks every worker and leaves a running one running'         | []                | [SMOKE_COMMAND: 'echo healthy']                              | runningOn('worker-2', 'cpu-4')    || 0    | ['"studio":"worker-1"', '"studio":"worker-3"', 'healthy', 'all 3 Studio(s) healthy'] | ['worker-2']
        'fleet-smoke-test.groovy' | 'fails naming the unhealthy studio, and stops what it started' | []                | [:]                                                          | runningOn('worker-2', 'cpu-4')    || 1    | ['"ok":false', 'smoke test failed for 1 of 3 Studio(s): worker-2'] | ['worker-2']
        'fleet-smoke-test.groovy' | 'tests only the studios named on the command line'             | ['my-studio']     | [:]                                                          | none                              || 0    | ['"studio":"my-studio"', 'Tesla T4']                               | []
        'cleanup-idle.groovy'     | 'stops a studio past the runtime limit, sparing KEEP'          | []                | [MAX_RUNTIME_HOURS: '0', KEEP: 'worker-2']                   | running('worker-1', 'worker-2')   || 0    | ['stopping worker-1', '"action":"stopped"', 'in KEEP']             | ['worker-2']
        'cleanup-idle.groovy'     | 'stops an idle studio'                                         | []                | [IDLE_CHECKS: '1', IDLE_LOAD: '1000']                        | running('worker-1')               || 0    | ['idle on 1 checks in a row']                                      | []
        'cleanup-idle.groovy'     | 'only reports with --dry-run'                                  | ['--dry-run']     | [MAX_RUNTIME_HOURS: '0']                                     | running('worker-1', 'worker-3')   || 0    | ['"action":"would stop"']                                          | ['worker-1', 'worker-3']
        'machine-switch.groovy'   | 'sets up on CPU, runs on the GPU, and finishes on CPU'         | []                | switchEnv()                                                  | none                              || 0    | ['NVIDIA A100', 'prepared', 'model.bin']                           | []
    }

    def "every script in scripts/examples is exercised above"() {
        given:
        def tested = ['quickstart.groovy', 'nightly-training.groovy', 'fleet-smoke-test.groovy',
                      'cleanup-idle.groovy', 'machine-switch.groovy', 'train-with-files.groovy'] as Set

        expect:
        Files.list(EXAMPLES).withCloseable { s -> s.map { it.fileName.toString() }.filter { it.endsWith('.groovy') }.toList() } as Set == tested
    }

    def "train-with-files sends the code (not what .gitignore leaves out), trains, brings the results back and stops"() {
        given: 'a project with a file git ignores'
        def code = home.resolve('project')
        Files.createDirectories(code.resolve('data'))
        Files.writeString(code.resolve('train.sh'), 'mkdir -p out && wc -l < data/rows.txt > out/rows.txt && ls -R . > out/seen.txt\n')
        Files.writeString(code.resolve('data/rows.txt'), 'a\nb\nc\n')
        Files.writeString(code.resolve('scratch.tmp'), 'not for the studio')
        Files.writeString(code.resolve('.gitignore'), '*.tmp\n')
        def results = home.resolve('results')
        def env = [CODE: code.toString(), TRAIN_COMMAND: 'sh train.sh', TO: results.toString()]

        when:
        def run = againstEmulator(['run', EXAMPLES.resolve('train-with-files.groovy').toString()], env)

        then: 'the results are here, the ignored file never went up, and nothing runs'
        assert run.exit == 0: run.toString()
        Files.readString(results.resolve('rows.txt')).trim() == '3'
        def seen = Files.readString(results.resolve('seen.txt'))
        seen.contains('train.sh') && seen.contains('rows.txt') && !seen.contains('scratch.tmp')
        run.stdout.contains('"sent":3') && run.stdout.contains('"received":2')
        emulator.activeStudios() == []

        when: 'the next night, with nothing changed'
        def again = againstEmulator(['run', EXAMPLES.resolve('train-with-files.groovy').toString()], env)

        then: 'the code is not sent again'
        assert again.exit == 0: again.toString()
        again.stdout.contains('"sent":0')
        again.output.contains('sent 0 file(s) (3 unchanged, left as they were)')
    }

    def "cleanup-idle remembers when it first saw a studio running, across runs"() {
        given:
        def state = home.resolve('cleanup.properties')
        running('worker-1').call(emulator)

        when: 'the first check finds it running, under the limit'
        def first = againstEmulator(['run', EXAMPLES.resolve('cleanup-idle.groovy').toString()],
                [CLEANUP_STATE: state.toString(), IDLE_LOAD: '0'])

        then:
        first.exit == 0
        first.stdout.contains('"action":"kept"')
        Files.readString(state).contains('worker-1.firstSeen=')

        when: 'a later check with a limit the studio has passed'
        def second = againstEmulator(['run', EXAMPLES.resolve('cleanup-idle.groovy').toString()],
                [CLEANUP_STATE: state.toString(), IDLE_LOAD: '0', MAX_RUNTIME_HOURS: '0'])

        then:
        second.exit == 0
        second.stderr.contains('stopping worker-1')
        emulator.activeStudios() == []
        !Files.readString(state).contains('worker-1.')
    }

    def "cleanup-idle --dry-run prints nothing but JSON lines on stdout, for a pipe to jq"() {
        given:
        running('worker-1', 'worker-2').call(emulator)

        when:
        def run = againstEmulator(['run', EXAMPLES.resolve('cleanup-idle.groovy').toString(), '--dry-run'],
                [CLEANUP_STATE: home.resolve('cleanup.properties').toString(), MAX_RUNTIME_HOURS: '0'])

        then: 'the idle checks ran (their log lines), but their output (a load average, 0 %) stayed off stdout'
        run.exit == 0
        run.stderr.contains('worker-1: exec cut -d" " -f1 /proc/loadavg')
        def lines = run.stdout.readLines()
        lines.size() == 2
        lines.every { new groovy.json.JsonSlurper().parseText(it).action == 'would stop' }
    }

    static Closure none = { EmulatorFixture e -> }

    /** Studios someone else started before the script runs. */
    static Closure running(String... names) {
        return { EmulatorFixture e -> names.each { e.startStudio(it) } }
    }

    static Closure runningOn(String name, String machine) {
        return { EmulatorFixture e -> e.startStudio(name, machine) }
    }

    static Map<String, String> switchEnv() {
        [SETUP_COMMAND: 'echo prepared > setup.txt',
         RUN_COMMAND  : 'cat setup.txt && echo weights > model.bin',
         AFTER_COMMAND: 'ls']
    }
}
