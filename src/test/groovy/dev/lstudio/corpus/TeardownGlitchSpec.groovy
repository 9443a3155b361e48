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

/**
 * Issue 13, "teardown acts, then checks": a status answer that says nothing (no instance in use)
 * looks like a stopped studio. Teardown and cleanup that asked first and trusted that one answer
 * sent no stop and left the studio running; a stop is safe to repeat, so both send it whatever
 * the status said and count the studio stopped only when two reads after it agree.
 */
@Timeout(120)
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
