package dev.lstudio.emulator

import java.nio.file.Files

/** /_emulator/: what runs, what it used, what ran, and reset. */
class AdminSpec extends WithEmulator {
    @Override
    Map<String, ?> settings() {
        [faults: ['GET /v1/auth/whoami 503'], seed: 3L]
    }

    Map entry(Map s) { api.admin('studios').studios.find { it.id == s.id } as Map }

    def "the index names the admin endpoints"() {
        expect:
        api.admin('').endpoints.containsAll(['GET /_emulator/studios', 'POST /_emulator/reset'])
    }

    def "studios show phase and machine, and machine time grows only while running"() {
        given:
        def s = api.create('adm-time')

        expect:
        with(entry(s)) {
            phase == null
            machine == null
            active == false
            machineSeconds == 0
        }

        when:
        api.startAndWait(s, 'lit-h100-1')
        Api.waitFor('some machine time') { entry(s).machineSeconds > 0 }

        then:
        with(entry(s)) {
            phase == 'CLOUD_SPACE_INSTANCE_STATE_RUNNING'
            machine == 'lit-h100-1'
            active == true
        }
        api.admin('studios').activeCount == 1

        when:
        api.ok('POST', api.path(s, 'stop'))
        api.waitStopped(s)
        def frozen = entry(s).machineSeconds
        Thread.sleep(300)

        then: 'nothing is left running and the meter has stopped'
        entry(s).machineSeconds == frozen
        api.admin('studios').activeCount == 0
        api.admin('studios').totalMachineSeconds >= frozen
    }

    def "reset removes every studio and its files (back to the teammate's), stops what runs and restores the configured faults"() {
        given:
        def s = api.create('adm-reset', [seed_files: [[path: 'f', contents: 'x']]])
        api.startAndWait(s)
        api.exec(s, 'echo counted')
        api.ok('DELETE', '_emulator/faults')

        expect:
        api.call('GET', 'v1/auth/whoami').status == 200

        when:
        api.ok('POST', '_emulator/reset')

        then:
        api.admin('studios').studios*.name == ['shared-box']
        api.admin('studios').studios[0].owner == 'teammate'
        api.admin('commands').total == 0
        !Files.exists(state.resolve("studios/${s.id}"))
        api.admin('faults').rules*.spec == ['GET /v1/auth/whoami 503:1.0']
        api.call('GET', 'v1/auth/whoami').status == 503
        api.ok('GET', "${api.studios()}?userId=${emu.userId()}").cloudspaces == []
    }
}
