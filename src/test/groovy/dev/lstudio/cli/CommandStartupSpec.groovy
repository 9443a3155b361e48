package dev.lstudio.cli

import dev.lstudio.testing.EmulatorLstudioSpec
import java.nio.file.Files
import spock.lang.Timeout

/**
 * The one-word commands are what people run most: they must not pay for Groovy's compiler, its
 * runtime (picocli would start it looking for closures) or the REPL. Checked on a child JVM's
 * -verbose:class log, as the speed claim of dsl-docs/commands.md says.
 */
@Timeout(120)
class CommandStartupSpec extends EmulatorLstudioSpec {

    def "lstudio #args loads no Groovy compiler, no Groovy runtime and no REPL class"() {
        given:
        emulator.create('alpha')
        def log = home.resolve('classes.log')

        when:
        def process = lstudioProcess(args, emulator.env, [jvm: ['-verbose:class'], log: log])
        int exit = process.waitFor()
        def loaded = Files.readAllLines(log).findAll { it.contains('class,load') }.collect { it.split(' ')[1] }

        then:
        exit == 0
        loaded.any { it == 'dev.lstudio.cli.StudioCommands' }
        loaded.findAll { it.startsWith('org.codehaus.groovy.control.') || it.startsWith('dev.lstudio.repl.') } == []
        loaded.findAll { it.startsWith('org.codehaus.groovy.runtime.') || it == 'groovy.lang.GroovySystem' } == []

        where:
        args << [['studios', '--json'], ['status', 'alpha'], ['stop', 'alpha']]
    }
}
