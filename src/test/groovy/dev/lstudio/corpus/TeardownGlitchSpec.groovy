package dev.lstudio.corpus

import dev.lstudio.testing.EmulatorLstudioSpec
import dev.lstudio.client.OwnedStudio
import dev.lstudio.client.Owner
import dev.lstudio.client.Ownership
import dev.lstudio.emulator.FaultProxy
import java.nio.file.Files
import java.nio.file.Path
import java.time.Instant
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Timeout
import spock.util.concurrent.PollingConditions
import java.util.concurrent.TimeUnit

/**
 * Issue 13, "teardown acts, then checks": a status answer that says nothing (no instance in use)
 * looks like a stopped studio. Teardown and cleanup that asked first and trusted that one answer
 * sent no stop and left the studio running; a stop is safe to repeat, so both send it whatever
 * the status said and count the studio stopped only when two reads after it agree.
 */
@Timeout(240)
class TeardownGlitchSpec extends EmulatorLstudioSpec {
    @Shared
    @AutoCleanup
    FaultProxy proxy = FaultProxy.before(emulator.baseUrl)

    def setup() {
        proxy.glitches.clear()
    }

    Map<String, String> getThroughProxy() {
        emulator.env + [LIGHTNING_CLOUD_URL: proxy.baseUrl]
    }

    def "case 2: a status answer of 200 {} during teardown does not pass for STOPPED: the stop is sent and the studio stops"() {
        given: 'every status read answers {} for 1.5 s from the moment the command is sent'
        def glitch = proxy.glitch(trigger: 'POST .+/execute', target: 'GET .+/codestatus', body: '{}', millis: 1500)

        when:
        int exit = lstudio(['-e', "studio('g', create: true) { start 'cpu-4'; exec 'true' }"], throughProxy)

        then:
        exit == 0
        glitch.answered > 0
        !emulator.studio('g').active
        emulator.activeCount() == 0
    }

    def "case 2: lstudio cleanup meeting {\"inUse\": null} still stops a studio a killed run left running"() {
        given: 'a run that ended without stopping its studio, recorded against the proxy'
        lstudio(['-e', "studio('left', create: true).start('cpu-4'); keepRunning()"], throughProxy)
        endedRun().record(recordOf('left'))
        proxy.glitch(trigger: 'GET .+/codestatus', target: 'GET .+/codestatus', body: '{"inUse": null}', millis: 1500)

        when:
        int exit = lstudio(['cleanup'], throughProxy)

        then:
        exit == 0
        !emulator.studio('left').active
    }

    def "case 3: while every status read answers 429, SIGTERM's teardown still sends the stop, and confirms it once reads answer again"() {
        given:
        def script = file('storm.groovy', """
            studio('storm', create: true) {
                start 'cpu-4'
                new File(args[0]).text = 'started'
                exec 'sleep 600'
            }
        """)
        def started = home.resolve('started')
        def log = home.resolve('lstudio.log')
        def process = lstudioProcess(['run', script, started.toString()], emulator.env, [log: log])
        new PollingConditions(timeout: 60, delay: 0.2).eventually { assert Files.exists(started) }
        new PollingConditions(timeout: 30, delay: 0.1).eventually { assert emulator.studio('storm').commandsExecuted == 1 }
        emulator.faults('GET /v1/projects/*/cloudspaces/*/codestatus 429:1 retry-after:2s')
        emulator.clearRequests()

        when: 'SIGTERM in the storm'
        process.destroy()

        then: 'the stop goes out while no status read gets through'
        new PollingConditions(timeout: 30, delay: 0.2).eventually {
            assert requests('POST', '/stop') >= 1
            assert !emulator.studio('storm').active
        }

        when: 'the storm passes'
        sleep(3000)
        emulator.faults()

        then: 'teardown confirms the stop and the run ends as SIGTERM says, its ledger empty'
        process.waitFor(120, TimeUnit.SECONDS)
        process.exitValue() == 143
        !emulator.studio('storm').active
        !Files.exists(home.resolve('state/owned')) || Files.list(home.resolve('state/owned')).withCloseable { it.count() } == 0

        cleanup:
        process?.destroyForcibly()
    }

    def "case 3: a stop whose answer is lost on the way is sent again, and the run counts it stopped once two reads agree"() {
        given: 'every stop is carried out, then its connection dropped before the answer'
        emulator.faults('POST /v1/projects/*/cloudspaces/*/stop drop-after:1')

        when:
        int exit = lstudio(['-e', "studio('lost', create: true) { start 'cpu-4'; exec 'true' }"], emulator.env)

        then:
        exit == 0
        requests('POST', '/stop') >= 1
        !emulator.studio('lost').active
        stderr =~ /lost \(teamspace demo\/demo\) on cpu-4, running .*, now STOPPED/
    }

    private int requests(String method, String suffix) {
        emulator.requests().requests.findAll { k, v -> k.startsWith(method + ' ') && k.endsWith(suffix) }.values().sum(0) as int
    }

    Ownership endedRun() {
        def owner = new Owner(ProcessHandle.current().pid(), Instant.parse('2001-01-01T00:00:00Z'),
                Owner.current('x').host(), 'old.groovy')
        Ownership.in(home.resolve('state/owned'), owner, { Path temp, byte[] bytes -> Files.write(temp, bytes) } as Ownership.BytesWriter, {})
    }

    OwnedStudio recordOf(String name) {
        def s = emulator.studio(name)
        new OwnedStudio(proxy.baseUrl, emulator.emu.userId(), s.projectId as String, 'demo/demo', s.id as String, name,
                'cpu-4', Instant.now())
    }
}
