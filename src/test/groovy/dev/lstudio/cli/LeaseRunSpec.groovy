package dev.lstudio.cli

import dev.lstudio.testing.EmulatorLstudioSpec
import groovy.json.JsonSlurperClassic
import java.nio.file.Files
import java.time.Instant
import java.util.concurrent.TimeUnit
import spock.lang.Timeout
import spock.util.concurrent.PollingConditions

/**
 * What a run leaves on a Studio it starts so that any host can tell it is orphaned (issue 17,
 * parts 1 and 2): a lease in userMetadata and the service's auto-sleep on with a short idle
 * limit, both there before the start request, both gone (and the user's settings back) when the
 * run stops the Studio or keeps it running.
 */
@Timeout(120)
class LeaseRunSpec extends EmulatorLstudioSpec {

    /** A run that starts 'box', says so in a file, then waits until {@code release} exists. */
    Process holdingRun(String name, Map<String, String> env = [:], String end = 'stop()') {
        def script = file('hold.groovy', """
            studio('${name}', create: true) {
                start 'cpu-4'
                new File(args[0]).text = 'started'
                while (!new File(args[1]).exists()) { Thread.sleep(100) }
                ${end}
            }
        """)
        lstudioProcess(['run', script, home.resolve('started').toString(), home.resolve('release').toString()],
                emulator.env + env, [log: home.resolve('run.log')])
    }

    Map leaseOf(String name) {
        String metadata = emulator.cloudspace(name).userMetadata
        metadata ? (new JsonSlurperClassic().parseText(metadata) as Map).lstudio as Map : null
    }

    void userSets(String name, String metadata, boolean autoSleepOff = true) {
        emulator.create(name)
        def now = emulator.cloudspace(name)
        assert emulator.asSomeoneElse('PUT', name, '', [displayName: now.displayName, userMetadata: metadata]).status == 200
        assert emulator.asSomeoneElse('PUT', name, '/sleepconfig',
                [disableAutoShutdown: autoSleepOff, idleShutdownSeconds: '7200']).status == 200
    }

    def waitStarted() {
        new PollingConditions(timeout: 60, delay: 0.1).eventually { assert Files.exists(home.resolve('started')) }
    }

    def "while a run holds a studio, the studio carries its lease and auto-sleep after 15 minutes; the stop gives both back"() {
        given:
        userSets('box', '{"team":"vision","owner":"ana"}')
        def process = holdingRun('box')

        when:
        waitStarted()
        def lease = leaseOf('box')
        def meta = new JsonSlurperClassic().parseText(emulator.cloudspace('box').userMetadata as String) as Map
        def sleep = emulator.cloudspace('box').codeConfig

        then: 'the lease names the run and expires in about ten minutes; the user keeps their keys'
        lease.host && lease.pid == process.pid() && lease.script.endsWith('hold.groovy') && lease.run
        Instant.parse(lease.expires as String).isAfter(Instant.now().plusSeconds(500))
        meta.team == 'vision' && meta.owner == 'ana'
        !lease.toString().contains(emulator.apiKey)
        !sleep.disableAutoShutdown && sleep.idleShutdownSeconds as long == 900
        lease.sleepBefore.disableAutoShutdown == true

        when:
        Files.writeString(home.resolve('release'), '')

        then:
        process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0
        emulator.cloudspace('box').userMetadata == '{"team":"vision","owner":"ana"}'
        with(emulator.cloudspace('box').codeConfig) {
            disableAutoShutdown
            idleShutdownSeconds as long == 7200
        }

        cleanup:
        process?.destroyForcibly()
    }

    def "userMetadata that is plain text comes back exactly as it was"() {
        given:
        userSets('notes', 'remember: dataset v3 \n second line')

        when:
        int exit = lstudio(['run', file('once.groovy', "studio('notes') { start 'cpu-4'; stop() }")], emulator.env)

        then:
        exit == 0
        emulator.cloudspace('notes').userMetadata == 'remember: dataset v3 \n second line'
        !emulator.studio('notes').active
    }

    def "keepRunning() leaves the studio running without a lease, with the auto-sleep the user had"() {
        given:
        userSets('kept', '', false)

        when:
        int exit = lstudio(['run', file('keep.groovy', "studio('kept') { start 'cpu-4'; keepRunning() }")], emulator.env)

        then:
        exit == 0
        emulator.studio('kept').active
        !emulator.cloudspace('kept').userMetadata
        with(emulator.cloudspace('kept').codeConfig) {
            !disableAutoShutdown
            idleShutdownSeconds as long == 7200
        }
    }

    def "the lease is renewed well before it expires while the run holds the studio"() {
        given:
        def process = holdingRun('renewed', [LSTUDIO_LEASE_SECONDS: '3'])

        when:
        waitStarted()
        def first = Instant.parse(leaseOf('renewed').expires as String)

        then:
        new PollingConditions(timeout: 10, delay: 0.2).eventually {
            assert Instant.parse(leaseOf('renewed').expires as String).isAfter(first)
        }
        emulator.studio('renewed').active

        cleanup:
        Files.writeString(home.resolve('release'), '')
        process?.waitFor(60, TimeUnit.SECONDS)
        process?.destroyForcibly()
    }

    def "LSTUDIO_DEADMAN=off leaves the studio's auto-sleep as it was, and still writes the lease"() {
        given:
        userSets('nodeadman', '')
        def process = holdingRun('nodeadman', [LSTUDIO_DEADMAN: 'off'])

        when:
        waitStarted()

        then:
        emulator.cloudspace('nodeadman').codeConfig.disableAutoShutdown
        leaseOf('nodeadman').run
        leaseOf('nodeadman').sleepBefore == null

        cleanup:
        Files.writeString(home.resolve('release'), '')
        process?.waitFor(60, TimeUnit.SECONDS)
        process?.destroyForcibly()
    }

    def "LSTUDIO_DEADMAN=#value is refused with exit 2 before anything starts"() {
        given:
        emulator.create('never')
        emulator.clearRequests()

        when:
        int exit = lstudio(['run', file('never.groovy', "studio('never') { start 'cpu-4' }")],
                emulator.env + [LSTUDIO_DEADMAN: value] + extra)

        then:
        exit == 2
        theError.contains('LSTUDIO_DEADMAN')
        theError.contains(says)
        !emulator.studio('never').active
        emulator.requests().total == 0

        where:
        value  | extra                               || says
        '1m'   | [:]                                 || 'three keep-alive periods (1m30s)'
        'soon' | [:]                                 || 'like 15m, 1h or off'
        '20m'  | [LSTUDIO_KEEPALIVE_SECONDS: '0']    || 'needs keep-alive'
    }

    def "LSTUDIO_LEASE_SECONDS that is not a whole number of seconds is refused with exit 2"() {
        when:
        int exit = lstudio(['run', file('never.groovy', "println 'hi'")], emulator.env + [LSTUDIO_LEASE_SECONDS: '10m'])

        then:
        exit == 2
        theError.contains('LSTUDIO_LEASE_SECONDS')
    }

    def "a run SIGKILLed on this host: the local cleanup stops its studio, takes the lease off and puts auto-sleep back"() {
        given:
        userSets('killed', '{"team":"vision"}')
        def process = holdingRun('killed')
        waitStarted()
        assert leaseOf('killed')

        when:
        process.destroyForcibly()
        assert process.waitFor(30, TimeUnit.SECONDS)
        int exit = lstudio(['cleanup'], emulator.env)

        then:
        exit == 0
        stderr.contains("stopped studio 'killed'")
        !emulator.studio('killed').active
        emulator.cloudspace('killed').userMetadata == '{"team":"vision"}'
        with(emulator.cloudspace('killed').codeConfig) {
            disableAutoShutdown
            idleShutdownSeconds as long == 7200
        }
    }

    def "an auto-sleep the script sets itself is kept when the run gives the studio up"() {
        given:
        userSets('own', '')

        when:
        int exit = lstudio(['run', file('own.groovy',
                "studio('own') { start 'cpu-4'; autoSleep(after: 40.minutes); keepRunning() }")], emulator.env)

        then:
        exit == 0
        emulator.studio('own').active
        !emulator.cloudspace('own').userMetadata
        with(emulator.cloudspace('own').codeConfig) {
            !disableAutoShutdown
            idleShutdownSeconds as long == 2400
        }
    }
}
