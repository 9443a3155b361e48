package dev.lstudio.repl

import dev.lstudio.dsl.Dsl
import dev.lstudio.dsl.DslContext
import dev.lstudio.dsl.DslReference
import dev.lstudio.dsl.EmulatorFixture
import dev.lstudio.dsl.Interactive
import dev.lstudio.dsl.Teardown
import org.jline.reader.Candidate
import org.jline.reader.LineReader
import org.jline.reader.Parser.ParseContext
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Timeout

/**
 * TAB in a live session, wired as {@code lstudio repl} wires it: the client's one completion
 * cache, keyed by the session's resolved teamspace, and forgotten by the verbs that change the list.
 */
@Timeout(90)
class LiveCompletionSpec extends Specification {
    @Shared
    @AutoCleanup
    EmulatorFixture emulator = EmulatorFixture.start()

    Teardown teardown = Teardown.create({})
    ByteArrayOutputStream out = new ByteArrayOutputStream()
    @AutoCleanup('close')
    ReplHarness harness = new ReplHarness()
    DslContext context
    DslSession session
    Dsl dsl
    LineReader reader

    def setup() {
        emulator.reset()
        context = DslContext.builder().client(emulator.client()).teardown(teardown)
                .output(new PrintStream(out, true), new PrintStream(out, true)).build()
        session = new DslSession(Interactive.of(context))
        dsl = Dsl.create(context)
        def data = new DslCompletionData({ context.client().completionCache() }, session::resolvedTeamspace,
                { DslReference.shipped() })
        reader = harness.builder().completion(data).evaluator(GroovyEvaluator.create()).build().reader()
    }

    def cleanup() {
        teardown.runAll()
        context.client().close()
    }

    /** The studio names TAB lists (JLine then narrows them to the typed prefix). */
    List<String> offered(String buffer) {
        def line = reader.parser.parse(buffer, buffer.length(), ParseContext.COMPLETE)
        List<Candidate> out = []
        reader.completer.complete(reader, line, out)
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
