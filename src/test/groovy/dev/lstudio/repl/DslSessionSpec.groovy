package dev.lstudio.repl

import dev.lstudio.dsl.Dsl
import dev.lstudio.dsl.DslContext
import dev.lstudio.dsl.DslReference
import dev.lstudio.dsl.Interactive
import dev.lstudio.dsl.Teardown
import dev.lstudio.testing.EmulatorFixture
import org.jline.reader.Candidate
import org.jline.reader.LineReader
import org.jline.reader.Parser.ParseContext
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Timeout
import spock.util.concurrent.PollingConditions

/**
 * The REPL's session over the DSL's, against the emulator: what the prompt, quit and Ctrl-C are
 * told, and what TAB offers when wired as {@code lstudio repl} wires it (the client's one
 * completion cache, keyed by the session's resolved teamspace, forgotten by the verbs that change
 * the list).
 */
@Timeout(90)
class DslSessionSpec extends Specification {
    @Shared
    @AutoCleanup
    EmulatorFixture emulator = EmulatorFixture.start()

    ByteArrayOutputStream out = new ByteArrayOutputStream()
    Teardown teardown = Teardown.create({})
    DslContext context
    DslSession session
    Dsl dsl
    @AutoCleanup('close')
    ReplHarness harness = new ReplHarness()
    LineReader reader

    /** TAB as {@code lstudio repl} wires it, built for the features that press it. */
    LineReader reader() {
        reader = reader ?: harness.builder().evaluator(GroovyEvaluator.create())
                .completion(new DslCompletionData({ context.client().completionCache() }, session::resolvedTeamspace,
                        { DslReference.shipped() })).build().reader()
    }

    def setup() {
        emulator.reset()
        context = DslContext.builder().client(emulator.client()).teardown(teardown)
                .output(new PrintStream(out, true), new PrintStream(out, true)).build()
        session = new DslSession(Interactive.of(context))
        dsl = Dsl.create(context)
    }

    def cleanup() {
        teardown.runAll()
        context.client().close()
    }

    def "the prompt shows no teamspace until it is known, then its label, without a call of its own"() {
        expect:
        session.teamspace() == null

        when:
        session.warmUp()

        then:
        session.teamspace() == 'demo/demo'
    }

    def "studios started here are counted for the right prompt and stopped on quit when asked"() {
        given:
        dsl.studio([create: true], 'a').start('cpu-4')
        dsl.studio([create: true], 'b').start('cpu-4')

        expect:
        session.runningCount() == 2
        session.stillRunning() == ['a', 'b']

        when:
        session.stop(['a'])

        then:
        session.stillRunning() == ['b']
        emulator.studios().find { it.name == 'a' }.phase.toString().endsWith('STOPPED')
        emulator.activeCount() == 1
    }

    def "studios the user leaves running on quit are not stopped by teardown afterwards"() {
        given:
        dsl.studio([create: true], 'kept').start('cpu-4')

        when:
        session.leaveRunning(['kept'])
        teardown.runAll()

        then:
        emulator.activeCount() == 1
        session.stillRunning().empty
    }

    def "Ctrl-C during an exec is told that the command goes on running on the studio"() {
        given:
        def studio = dsl.studio([create: true], 'busy')
        studio.start('cpu-4')
        def worker = Thread.start { try { studio.exec('sleep 5') } catch (ignored) { } }

        when:
        new PollingConditions(timeout: 10).eventually {
            session.interrupting()
            assert session.afterInterrupt().contains('busy: exec sleep 5: the command goes on running on the studio')
        }
        worker.interrupt()
        worker.join(10_000)

        then:
        !worker.alive
        when: 'nothing is in flight any more'
        session.interrupting()

        then:
        session.afterInterrupt() == 'nothing was running remotely'
    }

    def "after Ctrl-C during an exec nothing more of its output is printed, though the command goes on"() {
        given:
        def studio = dsl.studio([create: true], 'ticker')
        studio.start('cpu-4')
        def worker = Thread.start {
            try { studio.exec('for i in 1 2 3 4 5 6; do echo tick $i; sleep 1; done') } catch (ignored) { }
        }
        new PollingConditions(timeout: 15).eventually { assert out.toString().contains('tick 1') }

        when:
        worker.interrupt()
        worker.join(10_000)
        def atInterrupt = out.toString().count('tick ')
        Thread.sleep(3_000)

        then: 'the prompt that follows stays clean'
        !worker.alive
        out.toString().count('tick ') == atInterrupt
        atInterrupt < 6 // it was stopped halfway
    }

    /** The studio names TAB lists (JLine then narrows them to the typed prefix). */
    List<String> offered(String buffer) {
        def tab = reader()
        def line = tab.parser.parse(buffer, buffer.length(), ParseContext.COMPLETE)
        List<Candidate> out = []
        tab.completer.complete(tab, line, out)
        out*.value()
    }

    def "studio('fre<TAB> right after studio('fresh-one', create: true) offers it"() {
        given: 'the list was read once, before the studio existed'
        dsl.studio([create: true], 'first-one')
        offered("studio('fi") == ['first-one']

        when:
        dsl.studio([create: true], 'fresh-one')

        then: 'no waiting for the list to grow old'
        offered("studio('fre").contains('fresh-one')
    }

    def "a deleted studio is no longer offered, and a fork is"() {
        given:
        def gone = dsl.studio([create: true], 'gone-soon')
        offered("studio('go") == ['gone-soon']

        when:
        gone.fork('got-copied')
        gone.delete()

        then:
        offered("studio('go") == ['got-copied']
    }

    def "before the teamspace is known TAB offers no studio and asks the server nothing"() {
        expect:
        session.resolvedTeamspace() == null
        offered("studio('") == []
    }
}
