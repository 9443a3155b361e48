package dev.lstudio.cli

import dev.lstudio.testing.EmulatorLstudioSpec
import java.nio.file.Files
import java.nio.file.attribute.PosixFilePermissions
import spock.lang.Timeout

/**
 * {@code lstudio repl} with snippets piped in (a dumb terminal over the streams), against an
 * emulator: the DSL live with one context for the whole session, and nothing left running when
 * the input ends.
 */
@Timeout(180)
class ReplCommandSpec extends EmulatorLstudioSpec {
    int repl(String typed, List<String> options = []) {
        lstudio(options + ['repl'], emulator.env, typed)
    }

    /** The REPL writes everything a person reads to its terminal: stdout here. */
    String getScreen() { stdout }

    def "the card workflow runs line by line, values print readably, and the binding persists"() {
        when:
        int exit = repl('''\
            s = studio('my-studio', create: true)
            s.start 'lit-h100-1'
            r = s.exec 'nvidia-smi'
            r.output.readLines().size() > 5
            s.stop()
            '''.stripIndent())

        then:
        exit == 0
        screen.contains('creating studio \'my-studio\' in teamspace')
        screen.contains('my-studio  RUNNING  lit-h100-1')
        screen.contains('NVIDIA H100 80GB HBM3')
        screen.contains('exit 0 in ')
        screen.contains('true')
        screen.contains('my-studio  STOPPED')
        emulator.studios().find { it.name == 'my-studio' }.phase.toString().endsWith('STOPPED')
    }

    def "a studio started here and left running when the input ends is stopped: no one is there to answer"() {
        when:
        int exit = repl("studio('gpu-box', create: true).start 'lit-h100-1'\n")

        then:
        exit == 0
        screen.contains('Stop gpu-box (lit-h100-1, under a minute)? [Y/n]')
        screen.contains('no answer (end of input): stopping them')
        screen.contains('stopped: gpu-box')
        emulator.activeCount() == 0
    }

    def "Enter at the quit question stops the studio started here"() {
        when:
        int exit = repl("studio('gpu-box', create: true).start 'lit-h100-1'\n:exit\n\n")

        then:
        exit == 0
        screen.contains('Stop gpu-box (lit-h100-1, under a minute)? [Y/n]')
        screen.contains('stopped: gpu-box')
        emulator.activeCount() == 0
    }

    def "answering n on quit leaves the studio running, and the summary says so"() {
        when:
        int exit = repl("studio('gpu-box', create: true).start 'cpu-4'\n:exit\nn\n")

        then:
        exit == 0
        screen.contains('Left running, and billed until stopped: gpu-box')
        screen.contains('gpu-box (teamspace demo/demo) on cpu-4')
        screen.contains('(keepRunning)')
        emulator.activeCount() == 1
    }

    def "an error prints one line and the session goes on"() {
        when:
        int exit = repl("studio('nope')\n6 * 7\n")

        then:
        exit == 0
        screen.readLines().any { it.contains("studio 'nope' not found in teamspace") }
        !screen.contains('\tat ')
        screen.readLines().any { it.endsWith('42') }
    }

    def ":studios prints the teamspace's studios as a table and :teamspace switches"() {
        given:
        def client = emulator.client()
        def team = client.defaultTeamspace()
        client.createStudio(team, 'alpha')
        client.createStudio(team, 'beta')

        when:
        int exit = repl(":teamspace demo\n:studios\n")

        then:
        exit == 0
        def lines = screen.readLines()
        lines.any { it.matches(/.*name\s+teamspace\s+phase\s+machine.*/) }
        lines.any { it.matches(/.*alpha\s+demo\/demo\s+STOPPED.*/) }
        lines.any { it.matches(/.*beta\s+demo\/demo\s+STOPPED.*/) }

        cleanup:
        client?.close()
    }

    def ":use makes a studio current: the README's bare verbs work at the prompt, which names it; :use alone clears"() {
        given:
        def client = emulator.client()
        client.createStudio(client.defaultTeamspace(), 'my-studio')

        when:
        int exit = repl(":use my-studio\nstart 'cpu-4'\nexec 'echo from-the-current-studio'\nstop()\n:use\nstart 'cpu-4'\nuse('my-studio')\nstatus()\n")

        then:
        exit == 0
        screen.contains('lstudio demo/demo/my-studio> ')
        screen.contains('my-studio  RUNNING  cpu-4')
        screen.contains('from-the-current-studio')
        screen.contains('my-studio  STOPPED')
        screen.contains("error: start needs a studio: :use NAME (or use('NAME')) chooses one, or write studio('NAME').start(...); studios here: my-studio")
        !screen.contains('MissingMethodException')
        emulator.activeCount() == 0

        cleanup:
        client?.close()
    }

    def ":save writes a script that lstudio run runs, bare verbs of the current studio inside its block; :inspect prints the record"() {
        given:
        def script = home.resolve('session.groovy')

        when:
        int exit = repl("studio('my-studio', create: true)\n:use my-studio\nstart 'cpu-4'\nexec 'echo saved-line'\nstop()\n:inspect my-studio\n:save ${script}\n")

        then:
        exit == 0
        Files.readString(script) == """studio('my-studio', create: true)
studio('my-studio') { start 'cpu-4' }
studio('my-studio') { exec 'echo saved-line' }
studio('my-studio') { stop() }
"""
        screen.contains('"name":"my-studio"')

        when:
        int ran = lstudio(['run', script.toString()], emulator.env)

        then:
        ran == 0
        stdout.contains('saved-line')
    }

    def ":help VERB prints the reference's section"() {
        when:
        repl(":help exec\n")

        then:
        screen.contains('exec - ')
        screen.contains('Waits for')
    }

    def "history lives in the state folder, is the user's alone, and keeps no line with the API key"() {
        when:
        repl("x = 1\nkey = '${emulator.env.LIGHTNING_API_KEY}'\n")
        def history = home.resolve('state/history')

        then:
        Files.exists(history)
        PosixFilePermissions.toString(Files.getPosixFilePermissions(history)) == 'rw-------'
        Files.readString(history).contains('x = 1')
        !Files.readString(history).contains(emulator.env.LIGHTNING_API_KEY)
        screen.contains('not kept in history')
    }

    def "a line holding the API key from the credentials file is kept out of history too"() {
        given:
        def key = emulator.env.LIGHTNING_API_KEY
        def file = home.resolve('.lightning/credentials.json')
        Files.createDirectories(file.parent)
        Files.writeString(file, groovy.json.JsonOutput.toJson([user_id: emulator.env.LIGHTNING_USER_ID, api_key: key]))
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString('rw-------'))

        when:
        int exit = lstudio(['repl'], [LIGHTNING_CLOUD_URL: emulator.env.LIGHTNING_CLOUD_URL], "k = '${key}'\nstudios().size()\n")
        def history = Files.readString(home.resolve('state/history'))

        then:
        exit == 0
        screen.contains('not kept in history')
        history.contains('studios().size()')
        !history.contains(key)
    }

    def "with --emulator the session has its own emulator and its banner"() {
        when:
        int exit = lstudio(['--emulator', 'repl'], [:], "studio('s', create: true) { start 'cpu-4'; exec 'echo from-the-studio'; stop() }\n")

        then:
        exit == 0
        screen.contains('--emulator: using the embedded Studios emulator')
        screen.contains('from-the-studio')
        screen.contains('s  STOPPED')
    }
}
