package dev.lstudio.cli

import dev.lstudio.testing.EmulatorLstudioSpec
import groovy.json.JsonSlurper
import spock.lang.Timeout

/**
 * The one-word commands through Main against the emulator, as a person sees them: a coloured
 * table on a terminal, tab-separated rows in a pipe, one JSON document with --json, the exit
 * codes of their --help, and the nearest name for a name that names nothing.
 */
@Timeout(120)
class StudioCommandsSpec extends EmulatorLstudioSpec {
    static final String ESC = '\u001b['

    /** lstudio with stdin, stdout and stderr on a (fake) terminal: what a person at one sees. */
    Map onTerminal(List<String> args, String typed = '') {
        def out = new ByteArrayOutputStream()
        def err = new ByteArrayOutputStream()
        def main = new Main(new ByteArrayInputStream(typed.bytes), new PrintStream(out, true, 'UTF-8'),
                new PrintStream(err, true, 'UTF-8'), [LSTUDIO_HOME: home.toString(), HOME: home.toString()] + emulator.env,
                new Terminals(true, true, true), false)
        int exit = main.run(args as String[])
        [exit: exit, stdout: out.toString('UTF-8'), stderr: err.toString('UTF-8')]
    }

    static String plain(String ansi) {
        ansi.replaceAll(/\u001b\[[0-9;]*m/, '')
    }

    def "studios on a terminal is an aligned table under a header, the running phase in green, with time up and cost so far"() {
        given:
        emulator.create('alpha', 'beta-long-name')
        emulator.startStudio('alpha', 'cpu-4')

        when:
        def run = onTerminal(['studios'])
        def lines = plain(run.stdout).readLines()

        then:
        run.exit == 0
        lines[0].split(/\s+/) as List == ['name', 'teamspace', 'status', 'machine', 'running', 'for', 'cost', 'so', 'far']
        lines.size() == 3
        def alpha = lines.find { it.startsWith('alpha ') }.split(/\s+/) as List
        alpha[0..3] == ['alpha', 'demo/demo', 'RUNNING', 'cpu-4']
        alpha[4] ==~ /\d+s|\d+ms|\d+m\d*s?/
        alpha[5] ==~ /\$\d+\.\d\d/
        lines.find { it.startsWith('beta-long-name') }.split(/\s+/)[2] == 'STOPPED'
        lines[1].indexOf('demo') == lines[2].indexOf('demo') // aligned
        run.stdout.contains(ESC + '32mRUNNING') || run.stdout =~ /\u001b\[[0-9;]*32[0-9;]*mRUNNING/
    }

    def "studios in a pipe prints tab-separated rows with no header and no colour"() {
        given:
        emulator.create('alpha', 'beta')
        emulator.startStudio('alpha')

        when:
        int exit = lstudio(['studios'], emulator.env)

        then:
        exit == 0
        !stdout.contains(ESC)
        stdout.readLines().find { it.startsWith('alpha') } ==~ /alpha\tdemo\/demo\tRUNNING\tcpu-4\t\S+\t\$\d+\.\d\d/
        stdout.readLines().find { it.startsWith('beta') } == "beta\tdemo/demo\tSTOPPED\tcpu-4\t\t"
    }

    def "studios --json is one array with name, teamspace, status and machine; --running keeps the running"() {
        given:
        emulator.create('alpha', 'beta')
        emulator.startStudio('alpha', 'lit-h100-1')

        when:
        int exit = lstudio(['studios', '--json'], emulator.env)
        def all = new JsonSlurper().parseText(stdout)

        then:
        exit == 0
        all instanceof List
        def alpha = all.find { it.name == 'alpha' }
        alpha.subMap(['name', 'teamspace', 'status', 'machine']) == [name: 'alpha', teamspace: 'demo/demo', status: 'RUNNING', machine: 'lit-h100-1']
        alpha.runningSeconds >= 0
        alpha.pricePerHour > 0
        alpha.costSoFar ==~ /\$\d+\.\d\d/
        def beta = all.find { it.name == 'beta' }
        [beta.runningFor, beta.runningSeconds, beta.pricePerHour, beta.costSoFar] == [null, null, null, null]
        all*.name.sort() == ['alpha', 'beta']

        when:
        lstudio(['studios', '--running', '--json'], emulator.env)

        then:
        new JsonSlurper().parseText(stdout)*.name == ['alpha']
    }

    def "an empty list is [] as JSON, and nothing on stdout otherwise"() {
        expect:
        lstudio(['studios', '--json'], emulator.env) == 0
        new JsonSlurper().parseText(stdout) == []
        lstudio(['studios'], emulator.env) == 0
        stdout.isEmpty()
        stderr.contains("no studios in teamspace 'demo/demo'")
    }

    def "status shows one studio in detail: a field per line on a terminal, JSON with the same fields"() {
        given:
        emulator.create('alpha')
        emulator.startStudio('alpha', 'cpu-4')

        when:
        def run = onTerminal(['status', 'alpha'])
        def fields = plain(run.stdout).readLines().drop(1).collectEntries { (it.split(/\s+/, 2) as List).with { [it[0], it[1]?.trim()] } }

        then:
        run.exit == 0
        fields.name == 'alpha'
        fields.status == 'RUNNING'
        fields.machine == 'cpu-4'
        fields.ready == 'true'

        when:
        int exit = lstudio(['status', 'alpha', '--json'], emulator.env)
        def json = new JsonSlurper().parseText(stdout)

        then:
        exit == 0
        json.size() == 1
        json[0].keySet() as List == ['name', 'teamspace', 'status', 'machine', 'runningFor', 'runningSeconds', 'pricePerHour',
                                     'costSoFar', 'ready', 'switching', 'autoSleep', 'env', 'ports', 'plugins']
        json[0].status == 'RUNNING'
        json[0].autoSleep == 'after 1h idle'
        json[0].env instanceof List
    }

    def "status in a pipe is field<TAB>value lines"() {
        given:
        emulator.create('alpha')

        when:
        int exit = lstudio(['status', 'alpha'], emulator.env)

        then:
        exit == 0
        stdout.readLines().contains("status\tSTOPPED")
        stdout.readLines().contains("name\talpha")
    }

    def "a name that names no studio fails with the nearest name, and exit 1"() {
        given:
        emulator.create('my-studio')

        when:
        int exit = lstudio([command, 'my-stuido'], emulator.env)

        then:
        exit == 1
        theError == "lstudio: ${command}: studio 'my-stuido' not found in teamspace 'demo/demo'; did you mean 'my-studio'?" +
                ' (lstudio studios lists them)'

        where:
        command << ['status', 'stop', 'start', 'restart']
    }

    def "start starts and waits, the studio keeps running afterwards; stop stops it"() {
        given:
        emulator.create('alpha')

        when:
        int exit = lstudio(['start', 'alpha', '--machine', 'lit-h100-1', '--json'], emulator.env)

        then:
        exit == 0
        new JsonSlurper().parseText(stdout)*.subMap(['name', 'teamspace', 'status', 'machine', 'pricePerHour']) ==
                [[name: 'alpha', teamspace: 'demo/demo', status: 'RUNNING', machine: 'lit-h100-1', pricePerHour: 3.5]]
        emulator.studio('alpha').active
        emulator.studio('alpha').machine == 'lit-h100-1'

        when:
        exit = lstudio(['stop', 'alpha'], emulator.env)

        then:
        exit == 0
        stdout.readLines() == ["alpha\tdemo/demo\tSTOPPED\tlit-h100-1\t\t"] // stopped: no time up, no cost
        !emulator.studio('alpha').active
    }

    def "start --create makes the studio first; --no-wait returns before it runs"() {
        when:
        int exit = lstudio(['start', 'fresh', '--create', '--no-wait', '--json'], emulator.env)

        then:
        exit == 0
        new JsonSlurper().parseText(stdout)[0].name == 'fresh'
        emulator.studio('fresh') != null
    }

    def "start with a bad --max-runtime is a usage error before any call"() {
        given:
        emulator.create('alpha')

        expect:
        lstudio(['start', 'alpha', '--max-runtime', 'soon'], emulator.env) == 2
        theError.contains("--max-runtime 'soon' is not a duration")
        !emulator.studio('alpha').active
    }

    def "several names act on each; the exit code says one failed, the others still happened"() {
        given:
        emulator.create('a1', 'a2')
        emulator.startStudio('a1')
        emulator.startStudio('a2')

        when:
        int exit = lstudio(['stop', 'a1', 'nope', 'a2', '--json'], emulator.env)

        then:
        exit == 1
        new JsonSlurper().parseText(stdout)*.name == ['a1', 'a2']
        theError.startsWith("lstudio: stop: studio 'nope' not found")
        emulator.activeStudios() == []
    }

    def "exec streams the command's output and exits with its exit code"() {
        given:
        emulator.create('alpha')
        emulator.startStudio('alpha')

        when:
        int exit = lstudio(['exec', 'alpha', '--', 'echo hello; exit 3'], emulator.env)

        then:
        exit == 3
        stdout.contains('hello')
        emulator.studio('alpha').active
    }

    def "exec joins several words, quoting those that need it"() {
        given:
        emulator.create('alpha')
        emulator.startStudio('alpha')

        when:
        int exit = lstudio(['exec', 'alpha', '--', 'echo', 'two  spaces', '-n'], emulator.env)

        then:
        exit == 0
        stdout.contains('two  spaces -n')
    }

    def "exec --start starts the studio for the command and stops it afterwards, even when the command fails"() {
        given:
        emulator.create('alpha')

        when:
        int exit = lstudio(['exec', 'alpha', '--start', 'cpu-4', '--', 'echo ran; exit 5'], emulator.env)

        then:
        exit == 5
        stdout.contains('ran')
        !emulator.studio('alpha').active
    }

    def "exec on a name that names nothing exits 1 without running anything"() {
        given:
        emulator.create('alpha')

        expect:
        lstudio(['exec', 'alhpa', '--', 'echo hi'], emulator.env) == 1
        !stdout.contains('hi')
        errorLines.any { it.contains("studio 'alhpa'") }
    }

    def "without credentials a command exits 3 with one line saying what to set"() {
        expect:
        lstudio(['studios'], [LIGHTNING_CLOUD_URL: emulator.baseUrl]) == 3
        theError.startsWith('lstudio: studios: ')
    }
}
