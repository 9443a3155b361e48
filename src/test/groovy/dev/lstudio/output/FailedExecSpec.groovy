package dev.lstudio.output

import dev.lstudio.testing.EmulatorLstudioSpec
import dev.lstudio.testing.Lstudio
import groovy.json.JsonSlurper
import spock.lang.Timeout

/**
 * A failed exec says why, on one timestamped line of the run's log (cron.md's alert mails it):
 * the studio, the command shortened, the exit code and what it means, the last lines of the
 * output; the run summary and --json say the same.
 */
@Timeout(120)
class FailedExecSpec extends EmulatorLstudioSpec {
    static final String TRAIN = 'for e in 1 2 3; do echo "epoch $e"; done; echo "CUDA out of memory" >&2; kill -9 $$'

    def "a command killed by SIGKILL: one timestamped line with the exit, the reason and the last lines"() {
        given:
        def script = file('nightly.groovy', "studio('my-studio', create: true) {\n  start 'cpu-4'\n  exec '''$TRAIN'''\n}\n")

        when:
        int exit = lstudio(['run', script], emulator.env)

        then:
        exit == 1
        errorLines.isEmpty() // no untimestamped line left in the log
        def line = stderr.readLines().find { it.contains('failed with exit') }
        line ==~ Lstudio.LOG_LINE
        line.endsWith("Z my-studio: exec 'for e in 1 2 3; do echo \"epoch \$e\"; done; echo \"CUDA out of ...'" +
                " failed with exit 137 (killed by SIGKILL: often out of memory);" +
                " last lines: epoch 2 | epoch 3 | CUDA out of memory (at $script:3)")

        and: 'the summary says it beside the studio, which was stopped'
        def summary = stderr.readLines().find { it.contains('  my-studio (teamspace demo/demo) on cpu-4') }
        summary.contains('now STOPPED; exec ')
        summary.endsWith('failed with exit 137 (killed by SIGKILL: often out of memory); last lines: epoch 2 | epoch 3 | CUDA out of memory')
    }

    def "exit #code reads '#says'"() {
        when:
        int exit = lstudio(['-e', "studio('s', create: true) { start 'cpu-4'; exec '$command' }"], emulator.env)

        then:
        exit == 1
        stderr.readLines().any { it ==~ Lstudio.LOG_LINE && it.contains("s: exec '$command' failed with exit $code$says") }

        where:
        command                         | code || says
        'exit 3'                        | 3    || '; no output (at -e:1)'
        'echo done; kill -TERM $$'      | 143  || ' (terminated by SIGTERM); last lines: done'
        'no-such-command-xyz 2>&1'      | 127  || ' (command not found); last lines: '
    }

    def "--json: the failed command's line has exitCode, reason and lastLines, and so does the summary"() {
        when:
        int exit = lstudio(['--json', '-e', "studio('s', create: true) { start 'cpu-4'; exec '''$TRAIN''' }"], emulator.env)
        def lines = stdout.readLines().collect { new JsonSlurper().parseText(it) as Map }

        then:
        exit == 1
        def exec = lines.find { it.command }
        exec.exitCode == 137
        exec.reason == 'killed by SIGKILL: often out of memory'
        exec.lastLines == ['epoch 2', 'epoch 3', 'CUDA out of memory']
        def failed = lines.find { it.summary }.summary[0].failedExec
        failed.exitCode == 137
        failed.reason == 'killed by SIGKILL: often out of memory'
        failed.lastLines == ['epoch 2', 'epoch 3', 'CUDA out of memory']
        failed.command.startsWith('for e in 1 2 3; do')
    }

    def "the failure line, the summary and --json never show the API key the command printed"() {
        given:
        String key = emulator.apiKey

        when:
        int exit = lstudio(['--json', '-e', "studio('s', create: true) { start 'cpu-4'; exec 'echo key is $key; exit 1' }"],
                emulator.env)

        then:
        exit == 1
        stderr.readLines().any { it.contains("s: exec 'echo key is **") && it.contains('failed with exit 1; last lines: key is **') }
        !stderr.contains(key)
        !stdout.contains(key)
    }
}
