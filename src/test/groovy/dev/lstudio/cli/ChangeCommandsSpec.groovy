package dev.lstudio.cli

import dev.lstudio.testing.EmulatorLstudioSpec
import groovy.json.JsonSlurper
import spock.lang.Timeout

/**
 * restart, switch, create, delete, machines and teamspaces through Main against the emulator:
 * what each prints on a terminal, in a pipe and as JSON, and its exit codes.
 */
@Timeout(120)
class ChangeCommandsSpec extends EmulatorLstudioSpec {

    Map onTerminal(List<String> args, String typed = '') {
        def out = new ByteArrayOutputStream()
        def err = new ByteArrayOutputStream()
        def main = new Main(new ByteArrayInputStream(typed.bytes), new PrintStream(out, true, 'UTF-8'),
                new PrintStream(err, true, 'UTF-8'), [LSTUDIO_HOME: home.toString(), HOME: home.toString()] + emulator.env,
                new Terminals(true, true, true), false)
        int exit = main.run(args as String[])
        [exit: exit, stdout: out.toString('UTF-8').replaceAll(/\u001b\[[0-9;]*m/, ''), stderr: err.toString('UTF-8'),
         ansi: out.toString('UTF-8')]
    }

    def "create makes stopped studios; creating one that exists fails with exit 1 and leaves the others made"() {
        given:
        emulator.create('taken')

        when:
        int exit = lstudio(['create', 'one', 'taken', 'two', '--json'], emulator.env)

        then:
        exit == 1
        new JsonSlurper().parseText(stdout)*.name == ['one', 'two']
        new JsonSlurper().parseText(stdout)*.status == ['STOPPED', 'STOPPED']
        errorLines.size() == 1
        errorLines[0] == "lstudio: create: studio 'taken' exists already in teamspace 'demo/demo'"
        emulator.studios()*.name.sort() == ['one', 'taken', 'two']
    }

    def "create refuses a name no studio can have, naming one that would do"() {
        expect:
        lstudio(['create', 'My Studio'], emulator.env) == 1
        theError.contains("use 'my-studio'")
        emulator.studios().isEmpty()
    }

    def "restart restarts a running studio on its machine"() {
        given:
        emulator.create('alpha')
        emulator.startStudio('alpha', 'cpu-4')

        when:
        int exit = lstudio(['restart', 'alpha'], emulator.env)

        then:
        exit == 0
        stdout.readLines().size() == 1
        stdout.readLines()[0] ==~ /alpha\tdemo\/demo\tRUNNING\tcpu-4\t\S+\t\$\d+\.\d\d/ // time up and cost so far last
        emulator.studio('alpha').active
    }

    def "switch moves a studio to another machine; without --machine it is a usage error"() {
        given:
        emulator.create('alpha')
        emulator.startStudio('alpha', 'cpu-4')

        when:
        def run = onTerminal(['switch', 'alpha', '--machine', 'lit-l4-1'])

        then:
        run.exit == 0
        (run.stdout.readLines()[1].split(/\s+/) as List)[0..3] == ['alpha', 'demo/demo', 'RUNNING', 'lit-l4-1']
        emulator.studio('alpha').machine == 'lit-l4-1'

        expect:
        lstudio(['switch', 'alpha'], emulator.env) == 2
        stderr.contains("Missing required option: '--machine=SLUG'")
    }

    def "delete off a terminal needs --yes, and deletes nothing without it"() {
        given:
        emulator.create('doomed')

        expect:
        lstudio(['delete', 'doomed'], emulator.env) == 2
        theError == "lstudio: delete: deleting doomed loses its files for good; off a terminal add --yes to confirm"
        emulator.studios()*.name == ['doomed']

        and:
        lstudio(['delete', 'doomed', '--yes', '--json'], emulator.env) == 0
        new JsonSlurper().parseText(stdout) == [[name: 'doomed', teamspace: 'demo/demo', status: 'DELETED', machine: 'cpu-4',
                                                 runningFor: null, runningSeconds: null, pricePerHour: null, costSoFar: null]]
        emulator.studios().isEmpty()
    }

    def "delete on a terminal asks, and a no keeps the studio"() {
        given:
        emulator.create('doomed')

        when:
        def no = onTerminal(['delete', 'doomed'], 'n\n')

        then:
        no.exit == 2
        no.stderr.contains('Delete studio(s) doomed and their files, for good? [y/N]')
        no.stderr.contains('not confirmed; nothing was deleted')
        emulator.studios()*.name == ['doomed']

        when:
        def yes = onTerminal(['delete', 'doomed'], 'y\n')

        then:
        yes.exit == 0
        yes.stdout.readLines()[1].split(/\s+/)[2] == 'DELETED'
        emulator.studios().isEmpty()
    }

    def "machines lists the slugs lstudio knows; --gpu only those with GPUs"() {
        when:
        int exit = lstudio(['machines', '--json'])
        def all = new JsonSlurper().parseText(stdout)

        then: 'no credentials needed: the slugs are lstudio own'
        exit == 0
        all.find { it.slug == 'lit-h100-1' } == [slug: 'lit-h100-1', kind: 'GPU', gpus: 1, gpuModel: 'H100',
                                                 vcpus: all.find { it.slug == 'lit-h100-1' }.vcpus,
                                                 description: all.find { it.slug == 'lit-h100-1' }.description]
        all*.slug.contains('cpu-4')

        when:
        lstudio(['machines', '--gpu'])
        def rows = stdout.readLines()*.split('\t')

        then:
        rows*.getAt(0).contains('lit-h100-1')
        !rows*.getAt(0).contains('cpu-4')
        rows.every { it.size() == 2 }
    }

    def "teamspaces lists the teamspaces, with the default marked"() {
        when:
        int exit = lstudio(['teamspaces', '--json'], emulator.env)

        then:
        exit == 0
        new JsonSlurper().parseText(stdout)*.teamspace == ['demo/demo']

        when:
        def run = onTerminal(['teamspaces'])

        then:
        run.exit == 0
        run.stdout.readLines()[0].split(/\s+/) as List == ['teamspace', 'id', 'default']
    }

    def "--help of a command names its options and its exit codes"() {
        when:
        int exit = lstudio([command, '--help'])

        then:
        exit == 0
        stdout.contains('Exit codes:')
        stdout.contains('usage error')
        stdout.contains(option)

        where:
        command   | option
        'studios' | '--running'
        'start'   | '--max-runtime'
        'delete'  | '--yes'
        'exec'    | '--start'
    }

    def "studios and teamspaces leave the names for shell completion on disk; create and delete keep them current"() {
        given:
        emulator.create('alpha', 'beta')
        def folder = home.resolve('cache/completion')

        when:
        lstudio(['studios'], emulator.env)
        lstudio(['teamspaces'], emulator.env)

        then:
        folder.resolve('studios').toFile().readLines() == ['alpha', 'beta']
        folder.resolve('teamspaces').toFile().readLines() == ['demo']

        when:
        lstudio(['create', 'gamma'], emulator.env)
        lstudio(['delete', 'alpha', '--yes'], emulator.env)

        then:
        folder.resolve('studios').toFile().readLines() == ['beta', 'gamma']
    }
}
