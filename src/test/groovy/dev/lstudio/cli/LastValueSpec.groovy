package dev.lstudio.cli

import dev.lstudio.testing.EmulatorLstudioSpec
import groovy.json.JsonSlurper
import spock.lang.Timeout

/** {@code lstudio -e CODE} prints its last expression's value, unless null, as the commands print theirs. */
@Timeout(120)
class LastValueSpec extends EmulatorLstudioSpec {

    def "-e 'studios(running: true)' shows the running studios as rows in a pipe"() {
        given:
        emulator.create('alpha', 'beta')
        emulator.startStudio('alpha')

        when:
        int exit = lstudio(['-e', 'studios(running: true)'], emulator.env)

        then:
        exit == 0
        stdout.readLines().size() == 1
        stdout.readLines()[0] ==~ /alpha\tdemo\/demo\tRUNNING\tcpu-4\t\S+\t\$\d+\.\d\d/ // time up and cost so far last
    }

    def "with --json the value is one JSON document"() {
        given:
        emulator.create('alpha', 'beta')

        when:
        int exit = lstudio(['--json', '-e', 'studios()'], emulator.env)

        then:
        exit == 0
        new JsonSlurper().parseText(stdout)*.name.sort() == ['alpha', 'beta']
    }

    def "on a terminal the value prints as the REPL prints it: a table with coloured phases"() {
        given:
        emulator.create('alpha')
        emulator.startStudio('alpha')
        def out = new ByteArrayOutputStream()
        def main = new Main(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, 'UTF-8'),
                new PrintStream(new ByteArrayOutputStream(), true), [LSTUDIO_HOME: home.toString(), HOME: home.toString()] +
                emulator.env, new Terminals(false, false, true), false)

        when:
        int exit = main.run(['-e', 'studios()'] as String[])
        def text = out.toString('UTF-8')

        then:
        exit == 0
        text.contains('\u001b[')
        text.replaceAll(/\u001b\[[0-9;]*m/, '').readLines()[0].split(/\s+/) as List == ['name', 'teamspace', 'phase', 'machine']
    }

    def "a plain value prints as itself, null and an exec result print nothing more"() {
        expect:
        lstudio(['-e', '1 + 2']) == 0
        stdout == '3' + System.lineSeparator()

        and:
        lstudio(['-e', 'println "hi"']) == 0
        stdout == 'hi' + System.lineSeparator()
    }

    def "code that printed results of its own prints no value after them"() {
        given:
        emulator.create('alpha')

        expect:
        lstudio(['-e', "println 'hi'; 5"]) == 0
        stdout == 'hi' + System.lineSeparator()

        and: 'the block returns the studio, which its output and summary have shown already'
        lstudio(['-e', "studio('alpha') { start 'cpu-4'; exec 'echo done'; stop() }"], emulator.env) == 0
        stdout == 'done\n'
    }

    def "a script file prints no value: only -e does"() {
        given:
        def script = file('value.groovy', '1 + 2')

        expect:
        lstudio([script]) == 0
        stdout.isEmpty()
    }
}
