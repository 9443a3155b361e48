package dev.lstudio.repl

import dev.lstudio.api.Credentials
import dev.lstudio.dsl.ScriptCompiler
import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit
import org.codehaus.groovy.control.CompilerConfiguration
import org.jline.terminal.Terminal.Signal
import spock.lang.Specification
import spock.lang.TempDir

class ReplSpec extends Specification {

    static final String CTRL_C = '\u0003'
    static final String CTRL_D = '\u0004'

    @TempDir
    Path dir

    def harness = new ReplHarness()

    /** Types the keys, then Ctrl-D, and returns the screen once the REPL has quit. */
    String run(Repl repl, String keys) {
        harness.type(keys + CTRL_D)
        def thread = harness.start(repl)
        thread.join(20_000)
        assert !thread.alive: "the REPL did not quit; screen:\n${harness.output()}"
        harness.output()
    }

    def "a value is printed and the binding persists between lines"() {
        when:
        def screen = run(harness.builder().build(), "x = 20\ndef y = 22\nx + y\n")

        then:
        screen.contains('lstudio> x + y\n42\n')
    }

    def "input with open brackets continues on a secondary prompt until they close"() {
        when:
        def screen = run(harness.builder().build(), "def total(list) {\nlist.sum()\n}\ntotal([1,\n2, 3])\n")

        then:
        screen.contains('}> ')
        screen.contains(']> ')
        screen.readLines().contains('6')
    }

    def "println in a snippet writes to the terminal"() {
        expect:
        run(harness.builder().build(), "println 'hello from groovy'\n").contains('hello from groovy')
    }

    def "an error prints one line and the loop goes on"() {
        when:
        def screen = run(harness.builder().build(), "throw new IllegalStateException('studio is stopping')\nnoSuchThing\n1 + 1\n")

        then:
        screen.readLines().contains('error: IllegalStateException: studio is stopping')
        screen.readLines().contains('error: MissingPropertyException: No such property: noSuchThing')
        screen.readLines().contains('2')
        !screen.contains('\tat ')
    }

    def "a syntax error says where it is"() {
        expect:
        run(harness.builder().build(), "def = 5\n").contains('error: syntax error: ')
        harness.output() =~ /at line 1, column \d+/
    }

    def "a mistyped verb is refused before the line runs, with the verb it meant (issue 14)"() {
        when:
        def screen = run(harness.builder().build(), "ran = false\nran = true; studio('s') { strat 'cpu-4' }\nran\n")

        then:
        screen.readLines().contains("error: unknown verb 'strat' (did you mean 'start'?) at line 1, column 27")
        screen.readLines().contains('false')
    }

    def "a closure or method of an earlier line is a name later lines may call"() {
        when:
        def screen = run(harness.builder().build(), "greet = { 'hi ' + it }\ndef twice(n) { 2 * n }\ngreet(twice(21))\n")

        then:
        screen.readLines().contains('hi 42')
        !screen.contains('unknown verb')
    }

    def ":help with a misspelt verb suggests the verb, as the check of a line does"() {
        given:
        def help = HelpSource.of([start: "start the studio on a machine", stop: "stop the studio"])

        expect:
        run(harness.builder().help(help).build(), ":help strat\n")
                .contains("error: no help for 'strat' (did you mean 'start'?); :help lists the verbs and commands")
    }

    def ":debug shows the full trace, and a configured secret never appears in it"() {
        when:
        def screen = run(harness.builder().redactor(Credentials.of('u', 'sk-live-0123456789')::redact).build(),
                ":debug\nthrow new RuntimeException('bad key sk-live-0123456789')\n")

        then:
        screen.contains('debug on')
        screen.contains('java.lang.RuntimeException: bad key ****')
        screen.contains('\tat ')
        !screen.substring(screen.indexOf('java.lang.RuntimeException')).contains('sk-live')
    }

    def "Ctrl-C at the prompt clears the line and does not quit"() {
        when:
        def screen = run(harness.builder().build(), "1 + ${CTRL_C}2 + 3\n")

        then:
        screen.readLines().contains('5')
        !screen.readLines().contains('6')
    }

    def "a second Ctrl-C at an empty prompt says how to quit, and still does not quit"() {
        when:
        def screen = run(harness.builder().build(), CTRL_C + CTRL_C + "6 * 7\n")

        then:
        screen.contains('Ctrl-C only clears the line; Ctrl-D, exit or :q quits')
        screen.contains('42')
    }

    def "Ctrl-C while an evaluation runs stops it, says so with the session's note, and the loop goes on"() {
        given:
        def session = Stub(Session) {
            afterInterrupt() >> "the remote command goes on in session 'train'"
        }
        def started = new CountDownLatch(1)
        def evaluator = GroovyEvaluator.create(ScriptCompiler.configuration(), new Binding(started: started))
        def thread = harness.start(harness.builder().session(session).evaluator(evaluator).build())

        when:
        harness.type("started.countDown(); while (true) { }\n")
        assert started.await(20, TimeUnit.SECONDS)
        harness.terminal.raise(Signal.INT)
        assert harness.waitFor('interrupted')
        harness.type("6 * 7\n" + CTRL_D)
        thread.join(20_000)

        then:
        harness.output().contains("interrupted. the remote command goes on in session 'train'")
        harness.output().readLines().contains('42')
        !thread.alive
    }

    def "an evaluation that ignores Ctrl-C is left behind after the grace period"() {
        given:
        def started = new CountDownLatch(1)
        def stubborn = { String source ->
            started.countDown()
            while (true) {
                try {
                    Thread.sleep(100_000)
                } catch (InterruptedException ignored) {
                }
            }
        } as Evaluator
        def thread = harness.start(harness.builder().evaluator(stubborn).interruptGrace(java.time.Duration.ofMillis(200)).build())

        when:
        harness.type("anything\n")
        assert started.await(20, TimeUnit.SECONDS)
        harness.terminal.raise(Signal.INT)
        assert harness.waitFor('left behind')
        harness.type(CTRL_D)
        thread.join(20_000)

        then:
        !thread.alive
    }

    def "Ctrl-D quits through one question whose default, Enter, stops the studios started here"() {
        given:
        def session = Mock(Session)

        when:
        harness.type(CTRL_D + "\n")
        def thread = harness.start(harness.builder().session(session).build())
        thread.join(20_000)
        def screen = harness.output()

        then:
        !thread.alive
        1 * session.stillRunning() >> ['gpu-box', 'trainer']
        session.describe('gpu-box') >> 'lit-h100-1, 12 min'
        1 * session.stop(['gpu-box', 'trainer'])
        0 * session.leaveRunning(_)
        screen.contains('Stop gpu-box (lit-h100-1, 12 min), trainer? [Y/n]')
        screen.contains('stopped: gpu-box, trainer')
    }

    def "answering n leaves them running and the last line says so plainly, with how to stop them"() {
        given:
        def session = Mock(Session)

        when:
        harness.type(CTRL_D + "n\n")
        def thread = harness.start(harness.builder().session(session).build())
        thread.join(20_000)

        then:
        1 * session.stillRunning() >> ['gpu-box']
        0 * session.stop(_)
        1 * session.leaveRunning(['gpu-box'])
        harness.output().contains('Left running, and billed until stopped: gpu-box. To stop later: lstudio -e "studio(\'gpu-box\') { stop() }"')
    }

    def "#word quits through the same question"() {
        given:
        def session = Mock(Session)

        when:
        harness.type(word + "\n\n")
        def thread = harness.start(harness.builder().session(session).build())
        thread.join(20_000)

        then:
        !thread.alive
        1 * session.stillRunning() >> ['gpu-box']
        1 * session.stop(['gpu-box'])
        harness.output().contains('Stop gpu-box? [Y/n]')
        !harness.output().contains('error')

        where:
        word << ['exit', 'quit', 'exit()', ':q', ':quit', ':exit']
    }

    def "Ctrl-C at the question goes back to the prompt instead of quitting"() {
        given:
        def session = Mock(Session)
        session.stillRunning() >> ['gpu-box']

        when:
        harness.type(CTRL_D)
        def thread = harness.start(harness.builder().session(session).build())
        assert harness.waitFor('Stop gpu-box? [Y/n]')
        harness.type('\u0003')
        assert harness.waitFor('not quitting')
        harness.type('6 * 7\n')

        then:
        harness.waitFor('42')
        thread.alive

        when: 'quitting again and answering yes'
        harness.type(CTRL_D + 'y\n')
        thread.join(20_000)

        then:
        !thread.alive
        1 * session.stop(['gpu-box'])
    }

    def "answering y on quit stops the running studios"() {
        given:
        def session = Mock(Session)
        harness.type(CTRL_D + "y\n")

        when:
        def thread = harness.start(harness.builder().session(session).build())
        thread.join(20_000)

        then:
        1 * session.stillRunning() >> ['gpu-box']
        1 * session.stop(['gpu-box'])
        harness.output().contains('Stop gpu-box? [Y/n]')
        harness.output().contains('stopped: gpu-box')
    }

    def ":exit quits the same way, and with nothing running it just quits"() {
        given:
        def session = Mock(Session)
        harness.type(":exit\n")

        when:
        def thread = harness.start(harness.builder().session(session).build())
        thread.join(20_000)

        then:
        1 * session.stillRunning() >> []
        !thread.alive
        !harness.output().contains('Stop')
    }

    def "the prompt shows the current teamspace and the right prompt how many studios run"() {
        given:
        def session = Stub(Session) {
            teamspace() >> 'research'
            runningCount() >> 2
        }

        expect:
        run(harness.builder().session(session).build(), "1\n").contains('lstudio research> ')
        harness.output().contains('2 running')
    }

    def "the first prompt is redrawn with the teamspace as soon as it is known, before anything is typed"() {
        given:
        def known = new java.util.concurrent.atomic.AtomicReference<String>()
        def session = Stub(Session) {
            teamspace() >> { known.get() }
        }

        when:
        def thread = harness.start(harness.builder().session(session).build())
        assert harness.waitFor('lstudio> ')
        known.set('research')

        then:
        harness.waitFor('lstudio research> ')

        cleanup:
        harness.type(CTRL_D)
        thread?.join(20_000)
    }

    def ":teamspace switches through the session and :teamspace alone shows it"() {
        given:
        def session = Mock(Session)

        when:
        def screen = run(harness.builder().session(session).build(), ":teamspace acme/prod\n:teamspace\n")

        then:
        1 * session.useTeamspace('acme/prod')
        _ * session.teamspace() >> 'acme/prod'
        screen.contains('teamspace: acme/prod')
    }

    def ":teamspace with an unknown name prints the session's one-line reason"() {
        given:
        def session = Stub(Session) {
            useTeamspace('nope') >> { throw new IllegalArgumentException("no teamspace 'nope'; yours are: research") }
        }

        expect:
        run(harness.builder().session(session).build(), ":teamspace nope\n")
                .contains("error: IllegalArgumentException: no teamspace 'nope'; yours are: research")
    }

    def ":studios prints the session's studios as a table"() {
        given:
        def session = Stub(Session) {
            studios() >> [new StudioRow('my-studio', 'RUNNING', 'lit-h100-1'), new StudioRow('nightly', 'STOPPED', null)]
        }
        def renderer = TableRenderer.builder().table(StudioRow.TABLE).build()

        when:
        def screen = run(harness.builder().session(session).renderer(renderer).build(), ":studios\n")

        then:
        screen.contains('''\
            name       phase    machine
            my-studio  RUNNING  lit-h100-1
            nightly    STOPPED  '''.stripIndent())
    }

    def ":json on prints results as JSON and :json off as text again"() {
        when:
        def screen = run(harness.builder().build(), ":json on\n[name: 'x', gpus: 8]\n:json off\n[name: 'y']\n")

        then:
        screen.contains('json output on')
        screen.readLines().contains('{"name":"x","gpus":8}')
        screen.readLines().contains('[name:y]')
    }

    def ":help lists commands and verbs; :help VERB shows the verb's text"() {
        given:
        def help = HelpSource.of([start: "start the studio on a machine\n\nstart 'lit-h100-1'\nstart machine: 'cpu-4', spot: true"])

        when:
        def screen = run(harness.builder().help(help).build(), ":help\n:help start\n:help nothing\n")

        then:
        screen.contains(':load FILE')
        screen.contains('start  start the studio on a machine')
        screen.contains("start machine: 'cpu-4', spot: true")
        screen.contains("error: no help for 'nothing'; :help lists the verbs and commands")
    }

    def ":load evaluates a file, and what it defines stays"() {
        given:
        def file = dir.resolve('setup.groovy')
        Files.writeString(file, "def greet(name) { 'hello ' + name }\ngreet('file')\n")

        when:
        def screen = run(harness.builder().build(), ":load ${file}\ngreet('repl')\n:load ${dir}/missing.groovy\n")

        then:
        screen.readLines().contains('hello file')
        screen.readLines().contains('hello repl')
        screen.contains("error: no such file: ${dir}/missing.groovy")
    }

    def "an unknown meta-command says what to do"() {
        expect:
        run(harness.builder().build(), ":frobnicate\n").contains("error: unknown command ':frobnicate'; :help lists the commands")
    }

    def ":history lists earlier lines and keeps lines with credentials out, in memory and in the file"() {
        given:
        def file = dir.resolve('state/history')
        def repl = harness.builder(file).redactor(Credentials.of('u', 'sk-live-0123456789')::redact).build()

        when:
        def screen = run(repl, [
                "x = 1",
                "apiKey = 'abc'",
                "def conf = [api_key: 'abc']",
                "env = 'LIGHTNING_API_KEY'",
                "println 'sk-live-0123456789'",
                "headers = [Authorization: 'Basic dXNlcjprZXlrZXlrZXk=']",
                "y = 2",
                ":history",
        ].join('\n') + '\n')

        then:
        repl.reader().history.collect { it.line() } == ['x = 1', 'y = 2', ':history']
        Files.readAllLines(file).collect { it.substring(it.indexOf(':') + 1) } == ['x = 1', 'y = 2', ':history']
        screen.contains('not kept in history')
        screen =~ /1\s+x = 1\n2\s+y = 2/
    }

    def "history from an earlier session is read back"() {
        given:
        def file = dir.resolve('history')
        run(harness.builder(file).build(), "answer = 42\n")
        def second = new ReplHarness()

        when:
        second.type("\u001b[A\n" + CTRL_D)   // up arrow recalls the last line
        def repl = second.builder(file).build()
        second.start(repl).join(20_000)

        then:
        second.output().readLines().contains('42')
    }

    def "the history file is the user's alone"() {
        given:
        def file = dir.resolve('new/history')

        when:
        run(harness.builder(file).build(), "1\n")

        then:
        Files.getPosixFilePermissions(file)*.toString().sort() == ['OWNER_READ', 'OWNER_WRITE']
    }

    def "_ holds the last non-null result and :vars lists the session's variables with their types"() {
        when:
        def screen = run(harness.builder().build(), "6 * 7\nprintln 'x'\n_ + 1\ngpuBox = 'lit-h100-1'\n:vars\n")

        then:
        screen.contains('43')
        screen.readLines().any { it.matches(/.*gpuBox\s+String\s+lit-h100-1.*/) }
        screen.readLines().any { it.matches(/.*_\s+String\s+lit-h100-1.*/) }
    }

    def ":save writes the lines that worked, not the failed ones nor the commands"() {
        given:
        def file = dir.resolve('session.groovy')

        when:
        run(harness.builder().build(), "x = 20\nnope()\n:vars\nx + 22\n:save ${file}\n")

        then:
        Files.readString(file) == "x = 20\nx + 22\n"
        harness.output().contains("saved 2 line(s) to ${file}; run it with: lstudio run ${file}")
    }

    def ":edit opens the last line in the editor and runs what comes back"() {
        when:
        def screen = run(harness.builder().editor("sed -i s/1/41/g").build(), "1 + 1\n:edit\n")

        then:
        screen.contains('41 + 41')
        screen.contains('82')
    }

    def "suggestions from history are on where the terminal can show them"() {
        expect:
        Repl.builder().terminal(harness.terminal).build().reader().autosuggestion == org.jline.reader.LineReader.SuggestionType.HISTORY
        Repl.builder().terminal(new ReplHarness('dumb').terminal).build().reader().autosuggestion == org.jline.reader.LineReader.SuggestionType.NONE
    }

    def "the terminal is closed when the REPL ends"() {
        when:
        run(harness.builder().build(), "")

        then:
        harness.terminal.closed
    }
}
