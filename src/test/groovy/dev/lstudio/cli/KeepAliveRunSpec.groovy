package dev.lstudio.cli

import dev.lstudio.testing.EmulatorLstudioSpec

/**
 * A run sends keep-alive for each Studio it started, from start to stop, as the SDK does: the live
 * service puts a Studio to sleep when it counts it idle, and a long command may not count.
 */
class KeepAliveRunSpec extends EmulatorLstudioSpec {

    private long beats() {
        emulator.requests().requests.findAll { k, v -> k.startsWith('POST ') && k.endsWith('/keep-alive') }
                .values().sum(0L) as long
    }

    private void createStopped(String name) {
        assert lstudio(['-e', "studio('$name', create: true) { }"], emulator.env) == 0
        emulator.clearRequests()
    }

    def "a studio the run started is kept alive while its command runs, and no more once it is stopped"() {
        given:
        createStopped('beat1')

        when:
        int code = lstudio(['-e', "studio('beat1') { start 'cpu-4'; exec 'sleep 3'; stop() }"], emulator.env + [LSTUDIO_KEEPALIVE_SECONDS: '1'])
        long during = beats()
        sleep 1500

        then:
        code == 0
        during >= 2
        beats() == during
    }

    def "LSTUDIO_KEEPALIVE_SECONDS=0 sends none"() {
        given:
        createStopped('beat2')

        when:
        int code = lstudio(['-e', "studio('beat2') { start 'cpu-4'; exec 'sleep 2'; stop() }"], emulator.env + [LSTUDIO_KEEPALIVE_SECONDS: '0'])

        then:
        code == 0
        beats() == 0
    }

    def "a keep-alive the server refuses is one warning, and the run still succeeds"() {
        given:
        createStopped('beat3')
        emulator.faults('POST /v1/projects/*/cloudspaces/*/keep-alive 500')

        when:
        int code = lstudio(['-e', "studio('beat3') { start 'cpu-4'; exec 'sleep 3'; stop() }"], emulator.env + [LSTUDIO_KEEPALIVE_SECONDS: '1'])

        then:
        code == 0
        beats() >= 2
        stderr.readLines().count { it.contains("keep-alive for studio 'beat3' failed") } == 1
    }

    def "a period that is not a number is refused before anything starts"() {
        given:
        createStopped('beat4')

        when:
        int code = lstudio(['-e', "studio('beat4') { start 'cpu-4' }"], emulator.env + [LSTUDIO_KEEPALIVE_SECONDS: '30s'])

        then:
        code == 2
        stderr.contains("LSTUDIO_KEEPALIVE_SECONDS='30s' is not a whole number of seconds")
        !emulator.requests().requests.keySet().any { it.endsWith('/start') }
    }
}
