package dev.lstudio.docs

import dev.lstudio.dsl.DslReference
import dev.lstudio.repl.HelpSource
import dev.lstudio.repl.ReplHarness
import spock.lang.Specification
import spock.lang.Timeout

/**
 * The REPL's :help, fed by the reference page through {@link DslReference}, prints the page's
 * own sections: one source, so the two cannot disagree.
 */
@Timeout(60)
class HelpFromReferenceSpec extends Specification {
    static final String CTRL_D = '\u0004'

    DslReference reference = DslReference.load()
    ReplHarness harness = new ReplHarness()

    def cleanup() {
        harness.close()
    }

    String typeAndQuit(String keys) {
        harness.type(keys + CTRL_D)
        Thread repl = harness.start(harness.builder().help(HelpSource.of(reference)).build())
        repl.join(30_000)
        assert !repl.alive: "the REPL did not quit; screen:\n${harness.output()}"
        harness.output()
    }

    def ":help #verb prints the reference's section for #verb, line by line"() {
        when:
        def screen = typeAndQuit(":help $verb\n")

        then:
        reference.text(verb).get().readLines().every { screen.contains(it) }
        screen.contains("Waits for")

        where:
        verb << ['start', 'exec', 'parallel', 'maxRuntime']
    }

    def ":help lists every verb of the reference with its summary"() {
        when:
        def screen = typeAndQuit(":help\n")

        then:
        reference.summaries().every { verb, summary -> screen.readLines().any { it.contains(verb) && it.contains(summary) } }
    }
}
