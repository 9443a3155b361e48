package dev.lstudio.cli

import dev.lstudio.testing.EmulatorLstudioSpec
import dev.lstudio.testing.Lstudio
import groovy.json.JsonOutput
import groovy.json.JsonSlurperClassic
import java.nio.file.Files
import java.nio.file.Path
import java.time.Instant
import java.util.concurrent.TimeUnit
import spock.lang.Timeout
import spock.util.concurrent.PollingConditions

/**
 * Issue 17's done-when: a run SIGKILLed on one host, whose home is then deleted, leaves a Studio
 * that another host's {@code cleanup --shared} stops, and that the emulator's auto-sleep stops on
 * its own when no cleanup runs; a live run on another host is never touched. Each host is a home
 * folder of its own (LSTUDIO_HOME), as each pod or runner has. The emulator's clock runs 300
 * times faster, so the dead man's switch of 15 minutes passes in 3 s; keep-alive every second.
 */
@Timeout(180)
class SharedCleanupSpec extends EmulatorLstudioSpec {
    @Override
    Map<String, ?> emulatorSettings() {
        [timeScale: 300, teamspaces: ['demo', 'other']]
    }

    Map<String, String> getEnv() {
        emulator.env + [LIGHTNING_TEAMSPACE: 'demo', LSTUDIO_KEEPALIVE_SECONDS: '1', LSTUDIO_LEASE_SECONDS: '3']
    }

    Path host(String name) {
        Files.createDirectories(home.resolve(name))
    }

    /** A run on {@code host} that starts {@code studio} and then waits for ever (until killed). */
    Process runForever(Path host, String studio, Map<String, String> extra = [:]) {
        def script = host.resolve('forever.groovy')
        Files.writeString(script, """
            studio('${studio}', create: true) {
                start 'lit-a100-1'
                new File(args[0]).text = 'started'
                while (true) { Thread.sleep(100) }
            }
        """)
        def process = Lstudio.at(host).start(['run', script.toString(), host.resolve('started').toString()],
                env + extra, [log: home.resolve("${studio}.log")])
        new PollingConditions(timeout: 60, delay: 0.1).eventually { assert Files.exists(host.resolve('started')) }
        process
    }

    void evicted(Process process, Path host) {
        process.destroyForcibly() // SIGKILL: no teardown, no word to anyone
        assert process.waitFor(30, TimeUnit.SECONDS)
        host.toFile().deleteDir() // and the pod's disk goes with it
    }

    Lstudio.Run cleanupFrom(Path host, List<String> more = []) {
        Lstudio.at(host).run(['cleanup', '--shared', '--grace', '0s'] + more, env)
    }

    /** A stopped studio in teamspace demo (the fixture's helpers need one teamspace). */
    dev.lstudio.client.Studio created(String name) {
        def client = emulator.client()
        client.createStudio(client.teamspace('demo'), name)
    }

    Map leaseOf(String name) {
        String metadata = emulator.cloudspace(name).userMetadata
        metadata ? (new JsonSlurperClassic().parseText(metadata) as Map).lstudio as Map : null
    }

    def "a studio of a run SIGKILLed on an evicted host is stopped by another host's cleanup --shared, its settings back"() {
        given: 'the user had auto-sleep off; the run turned the switch on (60m here, so the cleanup comes first)'
        created('orphan')
        assert emulator.asSomeoneElse('PUT', 'orphan', '/sleepconfig', [disableAutoShutdown: true, idleShutdownSeconds: '3600']).status == 200
        def hostA = host('pod-a')
        def process = runForever(hostA, 'orphan', [LSTUDIO_DEADMAN: '60m'])
        assert emulator.cloudspace('orphan').codeConfig.idleShutdownSeconds as long == 3600
        assert !emulator.cloudspace('orphan').codeConfig.disableAutoShutdown

        when:
        evicted(process, hostA)
        sleep(3500) // the lease (3 s) runs out
        def run = cleanupFrom(host('pod-b'))

        then:
        run.exit == 0
        run.stderr.contains("stopped studio 'orphan' in teamspace")
        run.stderr.contains('auto-sleep off again')
        run.stderr =~ /cleanup --shared in teamspace \S+: 1 running, stopped 1, 0 left alone/
        !emulator.studio('orphan').active
        !emulator.cloudspace('orphan').userMetadata
        emulator.cloudspace('orphan').codeConfig.disableAutoShutdown
        !Files.exists(hostA)
    }

    def "with no cleanup at all, the service's auto-sleep stops the orphan on its own after the idle limit"() {
        given:
        def hostA = host('pod-a')
        def process = runForever(hostA, 'forgotten')

        expect: 'the switch is on: 15 minutes'
        emulator.cloudspace('forgotten').codeConfig.idleShutdownSeconds as long == 900

        when:
        evicted(process, hostA)

        then: 'once the keep-alives stop, 15 scaled minutes (3 s) later it sleeps'
        new PollingConditions(timeout: 30, delay: 0.2).eventually { assert !emulator.studio('forgotten').active }
        emulator.studio('forgotten').lastStopReason.contains('idle for 900s')
    }

    def "a live run on another host is never touched: its lease is renewed and keep-alive holds off the switch"() {
        given:
        def process = runForever(host('pod-live'), 'live')

        when: 'three leases long and more than two idle limits of the switch'
        sleep(7000)
        def run = cleanupFrom(host('pod-b'))

        then:
        run.exit == 0
        run.stderr.contains("studio 'live' in teamspace")
        run.stderr.contains('left alone')
        !run.stderr.contains("stopped studio 'live'")
        emulator.studio('live').active
        leaseOf('live').pid == process.pid()

        cleanup:
        process?.destroyForcibly()
    }

    def "studios without an lstudio lease, and those of another teamspace, are left alone"() {
        given: 'a studio a person started, and one in teamspace other with a lease long expired'
        created('by-hand').start('cpu-4')
        def client = emulator.client()
        def elsewhere = client.createStudio(client.teamspace('other'), 'elsewhere')
        elsewhere.start('cpu-4')
        def expired = [lstudio: [run: 'gone-1', host: 'pod-x', pid: 1, script: 'x.groovy',
                                 started: '2026-01-01T00:00:00Z', expires: '2026-01-01T00:10:00Z']]
        elsewhere.updateUserMetadata { JsonOutput.toJson(expired) }

        when:
        def run = cleanupFrom(host('pod-b'), ['--json'])
        def lines = run.stdout.readLines().collect { new JsonSlurperClassic().parseText(it) as Map }

        then:
        run.exit == 0
        lines.collect { [it.studio, it.action, it.reason] } == [['by-hand', 'left-alone', 'no-lease']]
        emulator.studio('by-hand').active
        elsewhere.status().running()

        cleanup:
        client?.close()
    }

    def "--dry-run says what it would stop and changes nothing"() {
        given:
        def hostA = host('pod-a')
        def process = runForever(hostA, 'maybe', [LSTUDIO_DEADMAN: '60m'])
        evicted(process, hostA)
        sleep(3500)

        when:
        def run = cleanupFrom(host('pod-b'), ['--dry-run'])

        then:
        run.exit == 0
        run.stderr.contains("would stop studio 'maybe'")
        run.stderr.contains('nothing was changed')
        emulator.studio('maybe').active
        leaseOf('maybe')
    }

    def "a lease expired less than the grace ago is honoured"() {
        given:
        def hostA = host('pod-a')
        def process = runForever(hostA, 'grace', [LSTUDIO_DEADMAN: '60m'])
        evicted(process, hostA)
        sleep(3500)

        when:
        def run = Lstudio.at(host('pod-b')).run(['cleanup', '--shared'], env)

        then: 'the default grace is 5 minutes'
        run.exit == 0
        run.stderr.contains("studio 'grace' in teamspace")
        run.stderr.contains('grace 5m')
        emulator.studio('grace').active
    }

    def "LSTUDIO_SHARED_CLEANUP=on runs the same pass at the start of every run"() {
        given:
        def hostA = host('pod-a')
        def process = runForever(hostA, 'swept', [LSTUDIO_DEADMAN: '60m'])
        evicted(process, hostA)
        sleep(3500)
        def hostB = host('pod-b')
        def script = hostB.resolve('hello.groovy')
        Files.writeString(script, "println 'hello'")

        when: 'a grace of 0 is not for a run: the default 5 minutes stands, so the lease is made old by hand'
        def client = emulator.client()
        client.studio(client.teamspace('demo'), 'swept').updateUserMetadata { String m ->
            m.replaceFirst(/"expires":"[^"]+"/, '"expires":"2026-01-01T00:00:00Z"')
        }
        def run = Lstudio.at(hostB).run(['run', script.toString()], env + [LSTUDIO_SHARED_CLEANUP: 'on'])

        then:
        run.exit == 0
        run.stdout.contains('hello')
        run.stderr.contains("stopped studio 'swept'")
        !emulator.studio('swept').active

        cleanup:
        client?.close()
    }

    def "--grace without --shared, and --shared with --host, are refused with exit 2"() {
        expect:
        Lstudio.at(host('pod-b')).run(args, env).exit == 2

        where:
        args << [['cleanup', '--grace', '1m'], ['cleanup', '--shared', '--host', 'x']]
    }
}
