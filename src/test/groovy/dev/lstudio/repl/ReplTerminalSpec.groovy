package dev.lstudio.repl

import spock.lang.AutoCleanup
import spock.lang.IgnoreIf
import spock.lang.Specification
import spock.lang.TempDir
import java.nio.file.Path

/** The REPL in a real pseudo terminal (tmux), as a person would use it. */
@IgnoreIf({ !TmuxSession.available() })
class ReplTerminalSpec extends Specification {

    @TempDir
    Path dir

    @AutoCleanup
    TmuxSession tmux

    def setup() {
        def java = "${System.getProperty('java.home')}/bin/java"
        tmux = TmuxSession.start("'${java}' -cp '${System.getProperty('java.class.path')}' dev.lstudio.repl.ReplDemo '${dir}/history'",
                [TERM: 'xterm-256color'])
        tmux.waitFor('lstudio research>')
    }

    def "TAB completes a studio name, lists H100 and H200 slugs, and Ctrl-C, Ctrl-D behave"() {
        when: 'a studio name is completed'
        tmux.type("studio('my-s")
        tmux.press('Tab')
        then:
        tmux.waitFor("studio('my-studio'")

        when: 'machine slugs are listed'
        tmux.press('C-u')
        tmux.type("start 'lit-h")
        tmux.press('Tab')
        tmux.press('Tab')
        then:
        def shown = tmux.waitFor('1x H200')
        shown.contains('lit-h100-1')
        shown.contains('8x H100')

        when: 'the call runs and the right prompt counts the running studio'
        tmux.press('C-u')
        tmux.type("start 'lit-h100-1'")
        tmux.press('Enter')
        then:
        tmux.waitFor('1 running')

        when: 'Ctrl-C stops an endless loop and the prompt comes back'
        tmux.type('while (true) { }')
        tmux.press('Enter')
        Thread.sleep(500)
        tmux.press('C-c')
        then:
        tmux.waitFor('interrupted. nothing runs remotely in the demo')

        when: 'Ctrl-C at an empty prompt does not quit, Ctrl-D offers to stop the running studio'
        tmux.press('C-c')
        Thread.sleep(500) // a person pauses after Ctrl-C; keys sent at once would race the new prompt
        tmux.type('6 * 7')
        tmux.press('Enter')
        tmux.waitFor('42')
        tmux.press('C-d')
        tmux.waitFor('Stop demo-on-lit-h100-1? [Y/n]')
        tmux.press('Enter')
        then:
        tmux.waitForExit()
    }
}
