package dev.lstudio.dsl

import dev.lstudio.api.InvalidArgumentException
import dev.lstudio.client.CommandTimeoutException
import dev.lstudio.client.LookupException
import dev.lstudio.client.Status
import dev.lstudio.testing.EmulatorFixture
import java.nio.file.Files
import java.nio.file.Path
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Timeout
import spock.util.concurrent.PollingConditions

/** The studio verbs against the in-process emulator (zero delays), as a script writes them. */
@Timeout(120)
class StudioVerbsSpec extends Specification {
    @Shared
    @AutoCleanup
    EmulatorFixture emulator = EmulatorFixture.start()
    LiveHarness harness = new LiveHarness(emulator)

    @TempDir
    Path dir

    def setup() {
        emulator.reset()
    }

    def cleanup() {
        harness.close()
    }

    def "the README line starts an H100, prints nvidia-smi's table and stops the studio"() {
        when:
        harness.run("studio('my-studio', create: true) { start 'lit-h100-1'; exec 'nvidia-smi'; stop() }")

        then:
        harness.out().contains('NVIDIA H100')
        harness.out().contains('NVIDIA-SMI')
        with(emulator.studio('my-studio')) {
            phase == 'CLOUD_SPACE_INSTANCE_STATE_STOPPED'
            machine == 'lit-h100-1'
            !active
        }
    }

    def "studio with create: true uses the studio when it exists already"() {
        given:
        harness.run("create('existing')")

        when:
        harness.run("studio('existing', create: true) { json(name) }")

        then:
        emulator.studios()*.name == ['existing']
        harness.out().trim() == '"existing"'
    }

    def "inside a block the script's own verbs stay reachable, and create: false finds an existing studio"() {
        given:
        harness.run("create('s')")

        when:
        def seen = harness.run("studio('s', create: false) { log 'inside'; [name, env('NOT_SET', 'fallback'), args] }")

        then:
        seen == ['s', 'fallback', []]
        harness.logs.contains('inside')
    }

    def "an unknown studio fails naming it, the teamspace and the studios that exist"() {
        given:
        harness.run("create('real-one')")

        when:
        harness.run("studio('nope') { start 'cpu-4' }")

        then:
        LookupException e = thrown()
        e.message.startsWith("studio 'nope' not found in teamspace '")
        e.message.contains('demo')
        e.message.endsWith('existing: real-one')
    }

    def "start is a no-op on a studio already running on that machine"() {
        when:
        harness.run("studio('s', create: true) { start 'cpu-4'; start 'cpu-4'; stop() }")

        then:
        harness.logs.contains("studio 's' is already running on cpu-4")
    }

    def "start on a studio running on another machine is an error naming both machines"() {
        given:
        harness.runOnly("studio('s', create: true) { start 'cpu-4' }")

        when:
        harness.runOnly("studio('s') { start 'lit-a100-1' }")

        then:
        DslException e = thrown()
        e.message == "studio 's' is running on cpu-4, not lit-a100-1; stop() it first, or use switchTo 'lit-a100-1'"
        emulator.studio('s').machine == 'cpu-4'

        cleanup:
        harness.teardown.runAll()
    }

    def "an unknown machine is sent, and the server decides: refused, the error names the nearest known slug"() {
        when:
        harness.run("studio('s', create: true) { start 'lit-h100-16' }")

        then: 'the emulator refuses slugs it does not know'
        LookupException e = thrown()
        e.message == "studio 's': machine 'lit-h100-16' is not one the server knows: did you mean 'lit-h100-1'?"
        e.cause instanceof InvalidArgumentException
        harness.warnings.empty
        !emulator.studio('s').active
        !harness.logs.any { it.startsWith('studios this run started') }
    }

    def "start accepts machine, spot and maxRuntime as named options"() {
        when:
        harness.run("studio('s', create: true) { start machine: 'lit-t4-1', spot: true, maxRuntime: 3.hours; json(machine); stop() }")

        then:
        harness.out().trim() == '"lit-t4-1"'
    }

    def "a misspelt start option, in a map built at run time, is a one-line error listing the valid ones"() {
        when:
        harness.run("def o = [spto: true]; studio('s', create: true) { start o, 'cpu-4' }")

        then:
        DslException e = thrown()
        e.message == "start: unknown option 'spto'; known options: machine, spot, maxRuntime, wait, timeout"
    }

    def "status, running and machine read the studio now"() {
        when:
        def seen = harness.run('''
            studio('s', create: true) {
                def before = [status, running, machine]
                start 'cpu-8'
                def during = [status, running, machine]
                stop()
                [before, during, [status, running, machine]]
            }
        ''')

        then:
        seen == [[Status.STOPPED, false, null], [Status.RUNNING, true, 'cpu-8'], [Status.STOPPED, false, null]]
    }

    def "switchTo moves a running studio to another machine"() {
        when:
        def machine = harness.run("studio('s', create: true) { start 'cpu-4'; switchTo 'lit-a100-1'; def m = machine; stop(); m }")

        then:
        machine == 'lit-a100-1'
        !emulator.studio('s').active
    }

    def "restart keeps the machine"() {
        when:
        def machine = harness.run("studio('s', create: true) { start 'cpu-4'; restart(); def m = machine; stop(); m }")

        then:
        machine == 'cpu-4'
    }

    def "exec returns output, exit code and duration"() {
        when:
        def result = harness.run("studio('s', create: true) { start(); def r = exec 'echo hello; echo world'; stop(); r }")

        then:
        result.output == 'hello\nworld\n'
        result.exitCode == 0
        !result.duration.negative
        harness.out() == 'hello\nworld\n'
    }

    def "a failing command throws naming the studio, the command, the exit code and its last lines"() {
        when:
        harness.run("studio('s', create: true) { start(); exec 'echo broken >&2; exit 3' }")

        then:
        CommandFailedException e = thrown()
        e.message == "s: exec 'echo broken >&2; exit 3' failed with exit 3; last lines: broken"
        e.result().exitCode() == 3
    }

    def "check: false hands back a failing command's result instead"() {
        when:
        def code = harness.run("studio('s', create: true) { start(); def r = exec 'exit 5', check: false; stop(); r.exitCode }")

        then:
        code == 5
    }

    def "exec with a timeout gives up on a command that runs too long"() {
        when:
        harness.run("studio('s', create: true) { start(); exec 'sleep 30', timeout: 1.seconds }")

        then:
        CommandTimeoutException e = thrown()
        e.message.contains("command in studio 's' still running after")
    }

    def "output streams to stdout while the command runs"() {
        given: 'a command that prints, then waits for a file that the spec writes only after seeing the print'
        def flag = dir.resolve('go')
        def finished = false
        def script = Thread.start {
            harness.run("""studio('s', create: true) {
                start()
                exec 'echo first; while [ ! -f $flag ]; do sleep 0.05; done; echo second', timeout: 60.seconds
                stop()
            }""")
            finished = true
        }

        when:
        new PollingConditions(timeout: 60).eventually { assert harness.out().contains('first') }
        def secondBeforeRelease = harness.out().contains('second')
        Files.writeString(flag, 'go')
        script.join(60_000)

        then:
        !secondBeforeRelease
        finished
        harness.out() == 'first\nsecond\n'
    }

    def "with --json, exec prints its result as one JSON line and its output goes to the log"() {
        given:
        harness.json = true

        when:
        harness.run("studio('s', create: true) { start(); exec 'echo hi'; stop() }")
        def lines = harness.out().readLines().collect { new groovy.json.JsonSlurper().parseText(it) }

        then:
        lines[0].studio == 's'
        lines[0].command == 'echo hi'
        lines[0].exitCode == 0
        lines[0].output == 'hi\n'
        lines[1].summary[0].studio == 's'
        harness.logs.contains('hi')
    }

    def "create copies local files into the new studio"() {
        given:
        Files.writeString(dir.resolve('main.py'), "print('hello from main')\n")

        when:
        def out = harness.run("""
            def s = create('seeded', files: ['${dir.resolve('main.py')}'], displayName: 'Seeded')
            s.start()
            def r = s.exec('cat main.py')
            s.stop()
            [r.output, s.displayName]
        """)

        then:
        out == ["print('hello from main')\n", 'Seeded']
    }

    def "create with a machine starts the studio, and the run stops it at the end"() {
        when:
        harness.run("create('fresh', machine: 'cpu-2'); json(studio('fresh').running)")

        then:
        harness.out().trim() == 'true'
        !emulator.studio('fresh').active
        harness.logs.contains("teardown: stop studio 'fresh' (started on cpu-2)")
    }

    def "rename sets the display name; env adds variables and keeps the others"() {
        when:
        def seen = harness.run('''
            studio('s', create: true) {
                rename 'Nightly training'
                env FOO: 'bar', BAZ: 'qux'
                env FOO: 'changed'
                displayName = 'Nightly'
                start()
                def out = exec('echo $FOO-$BAZ').output.trim()
                stop()
                [studio('s').displayName, env, out]
            }
        ''')

        then:
        seen == ['Nightly', [FOO: 'changed', BAZ: 'qux'], 'changed-qux']
    }

    def "autoSleep sets the sleep settings the studio then holds, and keepAlive sends one keep-alive"() {
        when:
        harness.run("studio('s', create: true) { autoSleep(after: 30.minutes) }")

        then:
        notThrown(Exception)
        with(emulator.cloudspace('s').codeConfig) {
            disableAutoShutdown == false
            idleShutdownSeconds == 1800
        }

        when:
        emulator.clearRequests()
        new LiveHarness(emulator).run("studio('s') { autoSleep(false); start(); keepAlive(); stop() }") // a second run

        then:
        notThrown(Exception)
        emulator.cloudspace('s').codeConfig.disableAutoShutdown == true
        emulator.requests().requests.findAll { k, v -> k.startsWith('POST ') && k.endsWith('/keep-alive') }.values().sum() == 1
        !emulator.studio('s').active
    }

    def "autoSleep without a duration says how to give one"() {
        when:
        harness.run("studio('s', create: true) { autoSleep(true) }")

        then:
        DslException e = thrown()
        e.message == 'autoSleep: say after how long, e.g. autoSleep(after: 30.minutes)'
    }

    def "plugins are installed, listed, executed and uninstalled"() {
        when:
        def seen = harness.run('''
            studio('s', create: true) {
                install 'jobs'
                def listed = plugins
                start()
                plugin('jobs').execute()
                uninstall 'jobs'
                stop()
                [listed, plugins]
            }
        ''')

        then:
        seen == [['jobs'], []]
    }

    def "ports are exposed, listed and unexposed"() {
        when:
        def seen = harness.run('''
            studio('s', create: true) {
                expose 8080
                expose 9000, name: 'api', public: true
                def both = ports.sort()
                unexpose 8080
                [both, ports]
            }
        ''')

        then:
        seen == [[8080, 9000], [9000]]
    }

    def "unexposing a port that is not exposed names the ports that are"() {
        when:
        harness.run("studio('s', create: true) { expose 9000; unexpose 8080 }")

        then:
        DslException e = thrown()
        e.message == "unexpose: port 8080 is not exposed on studio 's'; exposed: 9000"
    }

    def "fork makes a copy and delete removes a studio"() {
        when:
        def names = harness.run('''
            def copy = studio('original', create: true).fork('copy')
            def both = studios()*.name.sort()
            studio('original').delete()
            [both, studios()*.name, copy.name]
        ''')

        then:
        names == [['copy', 'original'], ['copy'], 'copy']
    }

    def "studios lists the teamspace's studios, running ones with running: true"() {
        when:
        def seen = harness.run('''
            create('a'); create('b')
            studio('b').start()
            def result = [studios()*.name.sort(), studios(running: true)*.name]
            studio('b').stop()
            result
        ''')

        then:
        seen == [['a', 'b'], ['b']]
    }

    def "json of a studio list writes what was listed, without further calls, the machine as the REPL table shows it"() {
        when:
        harness.run("create('a'); json(studios())")

        then:
        harness.out().trim() == '[{"name":"a","teamspace":"demo/demo","status":"STOPPED","machine":"cpu-4"}]'
    }

    def "teamspaces, teamspace selection and machines"() {
        when:
        def seen = harness.run('''
            def names = teamspaces()*.name
            def chosen = teamspace('demo').name
            def inBlock = teamspace('demo') { studios().size() }
            [names, chosen, inBlock, machines().find { it.slug() == 'lit-h100-8' }.describe()]
        ''')

        then:
        seen == [['demo'], 'demo', 0, '8x H100']
    }

    def "an unknown teamspace fails listing yours"() {
        when:
        harness.run("teamspace('research')")

        then:
        LookupException e = thrown()
        e.message.startsWith("teamspace 'research' not found; yours: ")
        e.message.contains('demo')
    }

    def "Java callers use the same verbs through Dsl with a Consumer"() {
        given:
        def dsl = harness.dsl()

        when:
        dsl.studio(Map.of('create', true), 'java', { h -> null } as Dsl.Body)
        dsl.studio('java', { h ->
            h.start('cpu-4')
            h.exec(Map.of('check', false), 'echo from java')
            h.stop()
        } as java.util.function.Consumer)

        then:
        harness.out() == 'from java\n'
        !emulator.studio('java').active
    }
}
