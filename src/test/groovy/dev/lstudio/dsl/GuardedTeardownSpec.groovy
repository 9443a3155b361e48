package dev.lstudio.dsl

import dev.lstudio.testing.EmulatorFixture
import groovy.json.JsonSlurper
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Timeout
import spock.util.concurrent.PollingConditions

/** Studios a run starts are stopped however it ends; asserted through the emulator's admin API. */
@Timeout(180)
class GuardedTeardownSpec extends Specification {
    @Shared
    @AutoCleanup
    EmulatorFixture emulator = EmulatorFixture.start()
    LiveHarness harness = new LiveHarness(emulator)
    PollingConditions eventually = new PollingConditions(timeout: 60, delay: 0.1)

    def setup() {
        emulator.reset()
    }

    def cleanup() {
        harness.close()
    }

    /** Nothing active, and machine time no longer grows. */
    void nothingRunning() {
        eventually.eventually { assert emulator.activeCount() == 0 }
        def before = emulator.studios().collectEntries { [it.name, it.machineSeconds] }
        Thread.sleep(300)
        assert emulator.studios().collectEntries { [it.name, it.machineSeconds] } == before
    }

    def "a block that fails stops the studio it started at once, before the script goes on"() {
        when:
        harness.runOnly('''
            try {
                studio('s', create: true) { start 'lit-t4-1'; throw new IllegalStateException('training diverged') }
            } catch (IllegalStateException e) {
                json(studio('s').running)
            }
        ''')

        then:
        harness.out().trim() == 'false'
        nothingRunning()
    }

    def "the exception of a failing block reaches the caller unchanged"() {
        when:
        harness.run("studio('s', create: true) { start 'cpu-4'; throw new IllegalStateException('training diverged') }")

        then:
        IllegalStateException e = thrown()
        e.message == 'training diverged'
        nothingRunning()
    }

    def "a studio the run started and someone deleted meanwhile is gone at teardown, not a failure"() {
        when:
        harness.run('''
            def s = studio('s', create: true)
            s.start 'cpu-4'
            s.unwrap().delete()
        ''')

        then:
        notThrown(Exception)
        harness.logs.contains("studio 's' is gone already (deleted)")
        emulator.studios().every { it.name != 's' }
    }

    def "a studio started and not stopped is stopped when the script ends"() {
        when:
        harness.run("studio('s', create: true) { start 'cpu-4' }; def t = studio('t', create: true); t.start('cpu-2')")

        then:
        nothingRunning()
        harness.logs.contains("teardown: stop studio 't' (started on cpu-2)")
        harness.logs.contains("teardown: stop studio 's' (started on cpu-4)")
    }

    def "a clean stop leaves nothing for teardown"() {
        when:
        harness.run("studio('s', create: true) { start 'cpu-4'; stop() }")

        then:
        !harness.logs.any { it.startsWith('teardown: stop studio') }
        harness.teardown.pending() == 0
    }

    def "keepRunning on a studio leaves it running at exit, and the summary says so"() {
        when:
        harness.run("studio('kept', create: true) { start 'cpu-4'; keepRunning() }; studio('other', create: true) { start 'cpu-2' }")

        then:
        emulator.studio('kept').active
        !emulator.studio('other').active
        harness.logs.any { it.contains('kept (teamspace demo/demo) on cpu-4') && it.endsWith('now RUNNING on cpu-4 (keepRunning)') }
    }

    def "keepRunning in a block that fails leaves the studio running too"() {
        when:
        harness.run("studio('kept', create: true) { start 'cpu-4'; keepRunning(); throw new RuntimeException('boom') }")

        then:
        thrown(RuntimeException)
        emulator.studio('kept').active
    }

    def "the script's keepRunning leaves every started studio running"() {
        when:
        harness.run("studio('a', create: true) { start 'cpu-4' }; keepRunning()")

        then:
        emulator.studio('a').active
        harness.logs.contains("not done (keepRunning): stop studio 'a' (started on cpu-4); it keeps running")
    }

    def "a studio that was running before the block is not stopped when the block fails"() {
        given:
        harness.runOnly("studio('shared', create: true) { start 'cpu-4' }")
        def other = new LiveHarness(emulator)

        when:
        other.run("studio('shared') { start 'cpu-4'; throw new RuntimeException('boom') }")

        then:
        thrown(RuntimeException)
        emulator.studio('shared').active

        cleanup:
        other.close()
        harness.teardown.runAll()
    }

    def "the summary names each studio the run started, its machine, time running and state now"() {
        when:
        harness.run("studio('a', create: true) { start 'lit-h100-1'; stop() }; studio('b', create: true) { start 'cpu-4' }")
        def summary = harness.logs.findAll { it.startsWith('  ') }

        then:
        harness.logs.contains('studios this run started:')
        summary.size() == 2
        summary[0] ==~ /  a \(teamspace demo\/demo\) on lit-h100-1, running [0-9.a-z]+(, (about \$\d+\.\d\d|under \$0\.01) \(estimate\))?, now STOPPED/
        summary[1] ==~ /  b \(teamspace demo\/demo\) on cpu-4, running [0-9.a-z]+(, (about \$\d+\.\d\d|under \$0\.01) \(estimate\))?, now STOPPED/
    }

    def "with --json the summary is also a JSON line on stdout"() {
        given:
        harness.json = true

        when:
        harness.run("studio('a', create: true) { start 'cpu-4' }")
        def row = new JsonSlurper().parseText(harness.out().readLines().last()).summary[0]

        then:
        row.studio == 'a'
        row.machines == ['cpu-4']
        row.state == 'STOPPED'
        row.keptRunning == false
        row.runningSeconds >= 0

        and: 'the studio is stopped in the emulator, by the teardown the log names'
        harness.logs.contains("teardown: stop studio 'a' (started on cpu-4)")
        emulator.studio('a').phase == 'CLOUD_SPACE_INSTANCE_STATE_STOPPED'
        nothingRunning()
    }

    def "a run that starts nothing prints no summary"() {
        when:
        harness.run("create('idle')")

        then:
        !harness.logs.any { it.startsWith('studios this run started') }

        and: 'the studio was made, never started, and no teardown had anything to stop'
        !emulator.studio('idle').active
        emulator.studio('idle').machineSeconds == 0
        !harness.logs.any { it.startsWith('teardown:') }
    }

    def "maxRuntime stops the studio, interrupts the script and records a timeout saying why"() {
        when:
        harness.run("studio('s', create: true) { start 'cpu-4', maxRuntime: 1.seconds; exec 'sleep 60' }")

        then:
        thrown(Exception)
        harness.context().expiredLimit().message == "studio 's' reached its maxRuntime of 1s; stopped it"
        nothingRunning()
    }

    def "maxRuntime stops the studio even while the script sleeps in plain Groovy"() {
        when:
        harness.run("studio('s', create: true) { start 'cpu-4', maxRuntime: 1.seconds }; Thread.sleep(60_000)")

        then:
        thrown(InterruptedException)
        harness.context().expiredLimit() != null
        harness.context().expiredLimit().message == "studio 's' reached its maxRuntime of 1s; stopped it"
        nothingRunning()
        emulator.studio('s').phase == 'CLOUD_SPACE_INSTANCE_STATE_STOPPED'
        emulator.studio('s').machineSeconds < 30 // stopped at the limit, not after the 60 s sleep
    }

    def "a budget stops every studio the run started once their machine time is used up"() {
        when:
        harness.run('''
            budget(maxHours: 0.0005)
            parallel(['a', 'b']) { n -> studio(n, create: true) { start 'cpu-4'; exec 'sleep 60' } }
        ''')

        then:
        thrown(Exception)
        harness.context().expiredLimit().message.startsWith("the run's budget of 1.8s of machine time is used up")
        nothingRunning()
    }

    def "timeout stops what the block started and fails with a timeout"() {
        when:
        harness.run("timeout(1.seconds) { studio('s', create: true) { start 'cpu-4'; exec 'sleep 60' } }")

        then:
        DslTimeoutException e = thrown()
        e.message == 'timed out after 1s'
        harness.logs.contains("teardown: stop studio 's' (started on cpu-4)")
        nothingRunning()
    }

    def "parallel with one failing item stops every sibling's studio and leaves nothing running"() {
        when:
        harness.run('''
            parallel(['a', 'b', 'c', 'd']) { n ->
                studio(n, create: true) {
                    start 'cpu-4'
                    exec(n == 'c' ? 'exit 3' : 'sleep 60')
                }
            }
        ''')

        then:
        ParallelException e = thrown()
        e.item() == 'c'
        e.cause instanceof CommandFailedException
        emulator.studios()*.name.sort() == ['a', 'b', 'c', 'd']
        nothingRunning()
    }

    def "waits succeed while the API answers 503 and 429 to some calls"() {
        given: 'an emulator with real start and stop delays, so that the waits poll many times'
        def slow = EmulatorFixture.start(startDelay: java.time.Duration.ofMillis(300), stopDelay: java.time.Duration.ofMillis(200),
                faults: ['GET /v1/projects/*/cloudspaces/*/codestatus 503:0.4 429:0.2', 'POST /v1/projects/*/cloudspaces/*/stop 503:0.3'])
        def flaky = new LiveHarness(slow)

        when:
        flaky.run("studio('s', create: true) { start 'lit-h100-1'; exec 'nvidia-smi -L'; stop() }")

        then:
        flaky.out().contains('NVIDIA H100')
        slow.studio('s').phase == 'CLOUD_SPACE_INSTANCE_STATE_STOPPED'

        cleanup:
        flaky?.close()
        slow?.close()
    }
}
