package dev.lstudio.docs

import dev.lstudio.dsl.DslReference
import dev.lstudio.testing.Lstudio
import spock.lang.Timeout

/**
 * Every ```groovy block of README.md and dsl-docs/*.md runs, as a reader would run it, against the emulator:
 * from a file through lstudio's own entry point. It must exit as the page says (0 unless an
 * {@code <!-- exit: N -->} follows it), print what the page says it prints, and leave no studio
 * running unless it asked to. See dsl-docs/README.md for the markers.
 */
@Timeout(300)
class RunnableDocsSpec extends ExampleStudiosSpec {
    def "#block runs against the emulator and shows what the page says"() {
        given:
        def file = scriptFile(block.where(), block.code)

        when:
        def run = againstEmulator(['run', file.toString()] + block.args)

        then:
        assert run.exit == block.exit: "${block.where()} exited $run.exit, the page says $block.exit\n$run"
        block.expects.each { text ->
            assert run.output.contains(text): "${block.where()} did not print '$text'\n$run"
        }

        and: 'nothing is left running unless the block asked for it'
        block.code.contains('keepRunning') || emulator.activeStudios() == []

        where:
        block << DocBlocks.runnable().findAll { !it.shell }
    }

    def "#block: its lstudio command lines run against the emulator and show what the page says"() {
        when: 'every line but the last must succeed; the last exits as the page says'
        List<Lstudio.Run> runs = []
        for (List<String> words : block.commands()) {
            if (runs && runs.last().exit != 0) {
                break
            }
            runs << againstEmulator(words)
        }
        def output = runs*.output.join('')

        then:
        runs.size() == block.commands().size()
        assert runs.last().exit == block.exit: "${block.where()} exited ${runs.last().exit}, the page says $block.exit\n${runs.last()}"
        block.expects.each { text ->
            assert output.contains(text): "${block.where()} did not print '$text'\n$output"
        }

        and: 'nothing is left running: a page that starts a Studio stops it'
        emulator.activeStudios() == []

        where:
        block << DocBlocks.runnable().findAll { it.shell }
    }

    /**
     * How to call each verb that takes named arguments, with one it cannot know. The name is
     * computed ({@code (k): 1}), so that the compile-time check, which reads the reference, lets it
     * through to the code's own check: the two lists are compared, not the reference with itself.
     */
    static final Map<String, String> UNKNOWN_OPTION_CALLS = [
            studios : "studios((k): 1)",
            studio  : "studio((k): 1, 'my-studio')",
            create  : "create((k): 1, 'new-one')",
            start   : "studio('my-studio') { start((k): 1) }",
            stop    : "studio('my-studio') { stop((k): 1) }",
            restart : "studio('my-studio') { restart((k): 1) }",
            switchTo: "studio('my-studio') { switchTo((k): 1, 'cpu-8') }",
            exec    : "studio('my-studio') { exec((k): 1, 'true') }",
            fork    : "studio('my-studio') { fork((k): 1, 'copy') }",
            autoSleep: "studio('my-studio') { autoSleep((k): 1) }",
            expose  : "studio('my-studio') { expose((k): 1, 8080) }",
            upload  : "studio('my-studio') { upload((k): 1, 'train.py') }",
            download: "studio('my-studio') { download((k): 1, 'out/metrics.json') }",
            files   : "studio('my-studio') { files((k): 1) }",
            parallel: "parallel((k): 1, [1]) { }",
            retry   : "retry((k): 1) { }",
            budget  : "budget((k): 1)"]

    def "the options the reference gives #verb are the ones the code accepts"() {
        given:
        def documented = DslReference.load().entry(verb).get().options()

        when:
        def run = againstEmulator(['-e', "def k = 'bogus'; " + UNKNOWN_OPTION_CALLS[verb]])
        def known = (run.stderr =~ /unknown option 'bogus'; known options: ([^\n]*)/)

        then:
        run.exit == 1
        known.find()
        known.group(1).replaceAll(/ \(at [^)]*\)$/, '').split(', ') as Set == documented as Set

        where:
        verb << DslReference.load().entries().findAll { !it.options().isEmpty() }*.name()
    }

    def "an option the reference does not give #verb is refused before the run, exit 2"() {
        when:
        def run = againstEmulator(['-e', UNKNOWN_OPTION_CALLS[verb].replace('(k): 1', 'bogus: 1')])

        then:
        run.exit == 2
        run.stderr =~ /^-e:1:\d+: $verb: unknown option 'bogus'; known options: /

        where:
        verb << DslReference.load().entries().findAll { !it.options().isEmpty() }*.name()
    }

    def "every verb with options is checked against the code above"() {
        expect:
        DslReference.load().entries().findAll { !it.options().isEmpty() }*.name() as Set ==
                UNKNOWN_OPTION_CALLS.keySet()
    }
}
