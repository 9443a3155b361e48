package dev.lstudio.output

import dev.lstudio.testing.EmulatorLstudioSpec
import spock.lang.Timeout

/**
 * Output a person can read: lines of studios running side by side tagged with their studio (as
 * GNU parallel's --tag does), a command's output kept off stdout when the script says so, and
 * --help wrapped at words.
 */
@Timeout(120)
class ReadableOutputSpec extends EmulatorLstudioSpec {
    static final String FLEET = '''\
        parallel(['worker-1', 'worker-2']%s) { name ->
            studio(name, create: true) { start 'cpu-2'; exec "echo hello from $name; sleep 0.2; echo bye from $name"; stop() }
        }
        '''.stripIndent()

    def "while several parallel items run, each output line starts with its studio"() {
        when:
        int exit = lstudio(['-e', String.format(FLEET, '')], emulator.env)

        then:
        exit == 0
        stdout.readLines().sort() == ['[worker-1] bye from worker-1', '[worker-1] hello from worker-1',
                                      '[worker-2] bye from worker-2', '[worker-2] hello from worker-2']
    }

    def "#options leaves the lines as the commands printed them"() {
        when:
        int exit = lstudio(['-e', String.format(FLEET, options)], emulator.env)

        then:
        exit == 0
        stdout.readLines().sort() == ['bye from worker-1', 'bye from worker-2', 'hello from worker-1', 'hello from worker-2']

        where:
        options << [', tag: false', ', maxConcurrent: 1']
    }

    def "exec with echo: false keeps the output off stdout#how, and in the result"() {
        when:
        int exit = lstudio(args + ['-e', """studio('s', create: true) {
            start 'cpu-4'
            def r = exec 'echo abc | tr a-c x-z', echo: false
            println "got \${r.output.trim()}"
            stop()
        }"""], emulator.env)

        then:
        exit == 0
        stdout.readLines().findAll { !it.startsWith('{') } == ['got xyz']
        !stderr.readLines().any { it.endsWith(' xyz') }

        where:
        how              | args
        ''               | []
        ' and stderr'    | ['--json']
    }

    def "--help: no line past 80 columns, none cut mid-phrase, the emulator's line whole"() {
        when:
        lstudio(['--help'])
        def help = stdout
        lstudio(['emulator', '--help'])
        def emulatorHelp = stdout
        lstudio(['cleanup', '--help'])
        def cleanupHelp = stdout

        then:
        [help, emulatorHelp, cleanupHelp].every { text -> text.readLines().every { it.length() <= 80 } }
        help.readLines().contains('  lstudio emulator             a local Studios API (lstudio emulator --help)')
        help.readLines().contains('                               stop studios left running by killed runs')
        help.contains('''\
  emulator    Serve the Lightning Studios API locally (127.0.0.1), with real
                command execution, persisted state and faults on demand. Runs
                until interrupted (Ctrl-C).''')
        emulatorHelp.readLines().contains('  EFFECT: 429|500|502|503|drop|drop-after[:P], latency:DURATION[:P],')
        cleanupHelp.contains('''\
      --host=NAME          Take over the records of host NAME (its hostname or
                             machine id, as cleanup lists them), e.g. an ended
                             container's: its runs are judged as if they ran
                             here.''')
    }
}
