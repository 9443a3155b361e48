package dev.lstudio.docs

import dev.lstudio.testing.EmulatorLstudioSpec
import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Timeout

/**
 * Issue 14, item 8: getting-started.md walked as a newcomer walks it, in order, against a fresh
 * emulator (no Studios of theirs, unlike the examples of RunnableDocsSpec, which may assume
 * some): step 3's check, then step 4's script saved as the page says and run.
 */
@Timeout(120)
class GettingStartedSpec extends EmulatorLstudioSpec {
    static final String PAGE = Files.readString(Path.of('dsl-docs/getting-started.md'))

    /** The code of step 3's check: the {@code scripts/lstudio -e '...'} line under "Check that it works". */
    static String check() {
        String section = PAGE.substring(PAGE.indexOf('Check that it works'))
        def line = section.readLines().find { it.startsWith("scripts/lstudio -e '") }
        line.substring("scripts/lstudio -e '".length(), line.length() - 1)
    }

    /** Step 4's script: the first groovy block after "Save this as `hello-gpu.groovy`". */
    static String firstScript() {
        String section = PAGE.substring(PAGE.indexOf('Save this as `hello-gpu.groovy`'))
        int start = section.indexOf('```groovy\n') + '```groovy\n'.length()
        section.substring(start, section.indexOf('```', start))
    }

    def "step 3's check, then step 4's script saved as hello-gpu.groovy, then the check again, on a fresh emulator"() {
        when: 'step 3: the check, without starting anything'
        int exit = lstudio(['-e', check()], emulator.env)

        then: 'it says how many Studios there are: none yet'
        exit == 0
        stdout.readLines() == ['0 Studios']

        when: 'step 4: the first script'
        exit = lstudio(['run', file('hello-gpu.groovy', firstScript())], emulator.env)

        then: 'it creates my-studio, runs on a T4 and leaves it stopped'
        exit == 0
        stdout.contains('Tesla T4')
        stderr.contains('now STOPPED')
        emulator.studio('my-studio').active == false

        when: "step 3's check again"
        exit = lstudio(['-e', check()], emulator.env)

        then: 'it lists the Studio step 4 created'
        exit == 0
        stdout.readLines() == ['1 Studios', '  my-studio  STOPPED']
    }
}
