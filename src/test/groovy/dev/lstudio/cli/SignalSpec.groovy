package dev.lstudio.cli

import dev.lstudio.dsl.Teardown
import dev.lstudio.testing.LstudioSpec
import java.nio.file.Files
import java.nio.file.Path
import java.time.Clock
import java.util.concurrent.TimeUnit
import spock.lang.Requires
import spock.lang.Timeout
import spock.util.concurrent.PollingConditions

@Timeout(180)
class SignalSpec extends LstudioSpec {

    def "SIGTERM to a running script runs its teardown, then the process exits 143"() {
        expect:
        signalled { Process p -> p.destroy() } == 143 // destroy() sends SIGTERM on Unix
        Files.readString(home.resolve('marker')) == 'torn down'
        Files.readString(home.resolve('lstudio.log')).contains('terminated (SIGTERM); running teardown')
    }

    // A JVM started with SIGINT ignored (a background job of a script) passes that on to its
    // children, and the JVM then rightly leaves SIGINT alone; the in-process feature below
    // covers the handler there.
    @Requires({ !SignalSpec.sigintIgnored() })
    def "SIGINT to a running script runs its teardown, then the process exits 130"() {
        expect:
        signalled { Process p -> new ProcessBuilder('kill', '-INT', "${p.pid()}").start().waitFor() } == 130
        Files.readString(home.resolve('marker')) == 'torn down'
        Files.readString(home.resolve('lstudio.log')).contains('interrupted (SIGINT); running teardown')
    }

    def "while one process runs a script, a second run of it exits 5 naming that process"() {
        given:
        def started = home.resolve('started')
        def file = home.resolve('holder.groovy')
        Files.writeString(file, "new File(args[0]).text = 'started'\nThread.sleep(600_000)")
        def process = logged('run', file.toString(), started.toString())

        when:
        new PollingConditions(timeout: 90, delay: 0.2).eventually { assert Files.exists(started) }
        int exit = lstudio(['run', file.toString()])

        then:
        exit == 5
        stderr.contains("(pid ${process.pid()},")

        cleanup:
        process?.destroyForcibly()
        process?.waitFor(90, TimeUnit.SECONDS)
    }

    def "SIGINT interrupts the script thread, runs teardown and exits 130"() {
        given:
        def ran = []
        def teardown = Teardown.create {}
        teardown.add('stop') { ran << 'stop' }
        def exits = []
        def scriptThread = Thread.start { try { Thread.sleep(600_000) } catch (InterruptedException e) { ran << 'interrupted' } }
        def console = new Console(new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()),
                false, false, false, Clock.systemUTC(), Redaction.none())
        def guard = SignalGuard.detached(teardown, console, scriptThread, { exits << it })

        when:
        guard.close() // the run finished unwinding: the handler need not wait out the grace period
        guard.handle(ExitCode.INTERRUPTED)
        scriptThread.join(60_000)

        then:
        exits == [130]
        ran.toSet() == ['stop', 'interrupted'] as Set
        guard.received() == ExitCode.INTERRUPTED
    }

    /** Starts a script that registers a teardown action, waits until it runs, signals it, returns its exit status. */
    private int signalled(Closure signal) {
        def marker = home.resolve('marker')
        def started = home.resolve('started')
        def file = home.resolve('long.groovy')
        Files.writeString(file, '''
            teardown('write marker') { new File(args[0]).text = 'torn down' }
            new File(args[1]).text = 'started'
            Thread.sleep(600_000)
        ''')
        def process = logged('run', file.toString(), marker.toString(), started.toString())
        try {
            new PollingConditions(timeout: 90, delay: 0.2).eventually { assert Files.exists(started) }
            signal(process)
            assert process.waitFor(90, TimeUnit.SECONDS)
            return process.exitValue()
        } finally {
            process.destroyForcibly()
        }
    }

    static boolean sigintIgnored() {
        def status = Path.of('/proc/self/status')
        if (!Files.exists(status)) {
            return true
        }
        def mask = Files.readAllLines(status).find { it.startsWith('SigIgn:') }?.split(':')[1]?.trim()
        mask == null || (new BigInteger(mask, 16).testBit(1)) // bit 1 is signal 2, SIGINT
    }

    /** lstudio as a child process, its output in lstudio.log. */
    private Process logged(String... args) {
        lstudioProcess(args.toList(), [:], [log: home.resolve('lstudio.log')])
    }
}
