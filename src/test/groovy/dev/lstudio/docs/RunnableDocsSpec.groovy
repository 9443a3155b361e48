package dev.lstudio.docs

import java.nio.file.Path
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Timeout

/**
 * Every ```groovy block of dsl-docs/*.md runs, as a reader would run it, against the emulator:
 * from a file through lstudio's own entry point. It must exit as the page says (0 unless an
 * {@code <!-- exit: N -->} follows it), print what the page says it prints, and leave no studio
 * running unless it asked to. See dsl-docs/README.md for the markers.
 */
@Timeout(300)
class RunnableDocsSpec extends Specification {
    @Shared
    @TempDir
    Path dir
    @Shared
    @AutoCleanup
    EmulatorFixture emulator

    def setupSpec() {
        emulator = new EmulatorFixture(dir)
    }

    def setup() {
        emulator.reset()
    }

    def "#block runs against the emulator and shows what the page says"() {
        given:
        def file = emulator.scriptFile(block.where(), block.code)

        when:
        def run = emulator.lstudio(['run', file.toString()] + block.args)

        then:
        assert run.exit == block.exit: "${block.where()} exited $run.exit, the page says $block.exit\n$run"
        block.expects.each { text ->
            assert run.output.contains(text): "${block.where()} did not print '$text'\n$run"
        }

        and: 'nothing is left running unless the block asked for it'
        block.code.contains('keepRunning') || emulator.activeStudios() == []

        where:
        block << DocBlocks.runnable()
    }
}
