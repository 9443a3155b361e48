package dev.lstudio.cli

import dev.lstudio.testing.EmulatorLstudioSpec

/**
 * The README's card workflow through the real CLI against the strict emulator, which answers as
 * the live service does: a detached submit is answered at once with a placeholder, and the
 * output comes from following the session. What the user sees is the command's real output,
 * whole, once, and the run's exit code follows the remote command's.
 */
class CardWorkflowSpec extends EmulatorLstudioSpec {

    def "the card workflow prints the whole nvidia-smi table of an H100, not the submit's placeholder"() {
        when:
        int code = lstudio(['-e', "studio('my-studio', create: true) { start 'lit-h100-1'; exec 'nvidia-smi'; stop() }"], emulator.env)
        def lines = stdout.readLines()

        then:
        code == 0
        !stdout.contains('Command Started Successfully')
        lines.find { it.contains('NVIDIA-SMI') }
        lines.find { it.contains('H100') }
        lines.find { it.contains('Processes') }
        lines.count { it.contains('NVIDIA-SMI') } == 1
        stderr.contains("my-studio (teamspace demo/demo) on lit-h100-1")
        emulator.studio('my-studio').phase in [null, 'CLOUD_SPACE_INSTANCE_STATE_STOPPED']
    }

    def "the remote command's exit code decides the run's: exit #remote gives #exit"() {
        when:
        int code = lstudio(['-e', "studio('card-$remote', create: true) { start 'cpu-4'; exec 'echo before; exit $remote' }"], emulator.env)

        then:
        code == exit
        stdout.readLines() == ['before']
        !stdout.contains('Command Started Successfully')

        where:
        remote || exit
        0      || 0
        3      || 1
    }

    def "a long output arrives whole and once, however many calls and chunks it takes"() {
        when:
        int code = lstudio(['-e', "studio('long', create: true) { start 'cpu-4'; exec 'seq 1 60000; sleep 1; seq 60001 120000'; stop() }"], emulator.env)
        def lines = stdout.readLines()

        then:
        code == 0
        lines.size() == 120000
        lines == (1..120000)*.toString()
    }

    def "output that repeats itself is kept whole, not taken for a resend"() {
        when:
        int code = lstudio(['-e', "studio('dots', create: true) { start 'cpu-4'; exec 'for i in 1 2 3 4 5; do printf .; sleep 0.3; done; echo' }"], emulator.env)

        then:
        code == 0
        stdout == '.....\n'
    }
}
