package dev.lstudio.cli

import dev.lstudio.repl.TmuxSession
import java.nio.file.Files
import java.nio.file.Path
import spock.lang.AutoCleanup
import spock.lang.IgnoreIf
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Timeout

/**
 * The launcher with no arguments on a real pseudo terminal (tmux), against its embedded
 * emulator, typed at as a person would: the issue's "done when" for the REPL. Runs after
 * {@code package} (failsafe), since it needs the jar the launcher starts.
 */
@Timeout(300)
@IgnoreIf({ !TmuxSession.available() })
class ReplInTerminalIT extends Specification {
    @TempDir
    Path home

    @AutoCleanup
    TmuxSession tmux

    def "typing at lstudio --emulator: completion of studios and slugs, the card workflow, and quitting stops what runs"() {
        given:
        def launcher = Path.of('scripts/lstudio').toAbsolutePath()
        assert Files.exists(Path.of('target/lstudio.jar')): 'run after package: the launcher starts target/lstudio.jar'
        // trap: Ctrl-C reaches the wrapping sh too, which would die before printing EXIT (a handler, unlike '', is not inherited)
        tmux = TmuxSession.start("sh -c 'trap : INT; ${launcher} --emulator; echo EXIT=\$?; sleep 60'",
                [TERM: 'xterm-256color', LSTUDIO_HOME: home.toString(), HOME: home.toString(), LSTUDIO_CDS: 'off'])
        tmux.waitFor('TAB completes')

        when: 'a studio is created, then its name is completed'
        tmux.type("studio('my-studio', create: true)")
        tmux.press('Enter')
        tmux.waitFor('my-studio  STOPPED')
        // no pause: the create itself puts the name in the completion list
        tmux.type("studio('my-")
        tmux.press('Tab')

        then:
        tmux.waitFor("studio('my-studio'")

        when: 'machine slugs are offered with their GPUs'
        tmux.press('C-u')
        tmux.type("start 'lit-h")
        tmux.press('Tab')
        tmux.press('Tab')

        then:
        def shown = tmux.waitFor('H200')
        shown.contains('lit-h100-1')
        shown.contains('H100')

        when: 'the card workflow runs interactively'
        tmux.press('C-u')
        tmux.type("studio('my-studio') { start 'lit-h100-1'; exec 'nvidia-smi'; stop() }")
        tmux.press('Enter')

        then:
        tmux.waitFor('NVIDIA H100 80GB HBM3')
        tmux.waitFor('my-studio  STOPPED')

        when: 'a studio is left running'
        tmux.type("studio('my-studio').start 'cpu-4'")
        tmux.press('Enter')
        tmux.waitFor('1 running')

        and: 'Ctrl-C during an exec that ticks'
        tmux.type("studio('my-studio').exec 'for i in 1 2 3 4 5 6 7 8; do echo tick \$i; sleep 1; done'")
        tmux.press('Enter')
        tmux.waitFor('tick 1')
        tmux.press('C-c')
        tmux.waitFor('goes on running on the studio')
        Thread.sleep(4_000) // the remote command ticks on meanwhile

        then: 'nothing of it printed after the note, on the prompt that followed'
        def afterNote = tmux.screen().split('goes on running on the studio', 2)[1]
        !afterNote.contains('tick')

        when: 'the user quits with Ctrl-D'
        tmux.press('C-d')
        tmux.waitFor('Stop my-studio (cpu-4, under a minute)? [Y/n]')
        tmux.press('Enter') // the default stops it

        then:
        def end = tmux.waitFor('EXIT=0')
        end.contains('stopped: my-studio')
        end.contains('now STOPPED')
    }
}
