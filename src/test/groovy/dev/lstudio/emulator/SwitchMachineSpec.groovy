package dev.lstudio.emulator

import dev.lstudio.testing.EmulatorFixture
import java.time.Duration

/** Switching machines: codeconfig fills `requested`, then switch-confirm or switch-cancel. */
class SwitchMachineSpec extends WithEmulator {
    @Override
    Map<String, ?> settings() {
        [switchDelay: Duration.ofSeconds(3)]
    }

    Map running(String name, String machine = 'cpu-4') {
        def s = api.create(name)
        api.startAndWait(s, machine)
        s
    }

    Map waitRequestedReady(Map s) {
        Api.waitFor('the requested machine to be ready') {
            def c = api.codeStatus(s)
            c.requested?.startupStatus?.initialRestoreFinished ? c : null
        }
    }

    def "a switch is requested, becomes ready, and once confirmed the studio runs on the new machine"() {
        given:
        def s = running('switch-ok')
        def before = api.codeStatus(s)

        when:
        def answer = api.ok('PUT', api.path(s, 'codeconfig'), [compute_config: [name: 'lit-a100-1', spot: false]])

        then: 'the old machine keeps running while the new one comes up'
        answer.inUse.computeConfig.name == 'cpu-4'
        answer.requested.computeConfig.name == 'lit-a100-1'
        answer.requested.startupStatus.initialRestoreFinished == false

        when:
        def ready = waitRequestedReady(s)

        then:
        ready.inUse.cloudSpaceInstanceId == before.inUse.cloudSpaceInstanceId

        when:
        api.ok('POST', api.path(s, 'switch-confirm'))
        def after = Api.waitFor('top-up on the new machine') {
            def c = api.codeStatus(s)
            c.inUse.startupStatus.topUpRestoreFinished ? c : null
        }

        then:
        after.requested == null
        after.inUse.phase == 'CLOUD_SPACE_INSTANCE_STATE_RUNNING'
        after.inUse.computeConfig.name == 'lit-a100-1'
        after.inUse.cloudSpaceInstanceId == ready.requested.cloudSpaceInstanceId
        api.exec(s, 'nvidia-smi -L').output.contains('A100')
    }

    def "confirming before the new machine is ready is a 409 that says what to wait for"() {
        given: 'a switch that takes an hour, so it cannot be ready yet'
        def slow = EmulatorFixture.start(strict: false, switchDelay: Duration.ofHours(1)).emu
        def api2 = new Api(slow)
        def s = api2.create('switch-early')
        api2.startAndWait(s)
        api2.ok('PUT', api2.path(s, 'codeconfig'), [compute_config: [name: 'cpu-8']])

        when:
        def r = api2.post(api2.path(s, 'switch-confirm'))

        then:
        r.status == 409
        r.json.code == 9
        r.json.message.contains('initialRestoreFinished')
        api2.codeStatus(s).inUse.computeConfig.name == 'cpu-4'

        cleanup:
        slow?.close()
    }

    def "cancel drops the requested machine and the studio stays where it was"() {
        given:
        def s = running('switch-cancel')
        api.ok('PUT', api.path(s, 'codeconfig'), [compute_config: [name: 'cpu-8']])

        when:
        api.ok('POST', api.path(s, 'switch-cancel'))

        then:
        with(api.codeStatus(s)) {
            requested == null
            inUse.computeConfig.name == 'cpu-4'
            inUse.phase == 'CLOUD_SPACE_INSTANCE_STATE_RUNNING'
        }
    }

    def "#action with no switch pending is a 409"() {
        given:
        def s = running("switch-none-$action")

        expect:
        with(api.post(api.path(s, action))) {
            status == 409
            json.code == 9
            json.message.contains('no machine switch is pending')
        }

        where:
        action << ['switch-confirm', 'switch-cancel']
    }

    def "a second switch while one is pending is a 409"() {
        given:
        def s = running('switch-twice')
        api.ok('PUT', api.path(s, 'codeconfig'), [compute_config: [name: 'cpu-8']])

        expect:
        api.put(api.path(s, 'codeconfig'), [compute_config: [name: 'cpu-16']]).status == 409
    }

    def "switching #what is refused with #status"() {
        given:
        def s = api.create("switch-bad-$status-${what.hashCode() & 0xffff}")
        if (start) {
            api.startAndWait(s)
        }

        expect:
        with(api.put(api.path(s, 'codeconfig'), body)) {
            it.status == status
            json.message.contains(hint)
        }

        where:
        what                         | start | body                                       || status | hint
        'a stopped studio'           | false | [compute_config: [name: 'cpu-8']]          || 409    | 'not running'
        'to an unknown machine'      | true  | [compute_config: [name: 'gpu-9000']]       || 400    | "unknown machine 'gpu-9000' (did you mean"
        'to the machine it runs on'  | true  | [compute_config: [name: 'cpu-4']]          || 400    | 'already runs on'
        'without a compute_config'   | true  | [:]                                        || 400    | 'compute_config'
    }

    def "stopping a studio mid-switch drops the pending switch"() {
        given:
        def s = running('switch-stop')
        api.ok('PUT', api.path(s, 'codeconfig'), [compute_config: [name: 'cpu-8']])

        when:
        api.ok('POST', api.path(s, 'stop'))

        then:
        api.codeStatus(s).requested == null
    }

    def "camelCase computeConfig is accepted"() {
        given:
        def s = running('switch-camel')

        expect:
        api.ok('PUT', api.path(s, 'codeconfig'), [computeConfig: [name: 'cpu-8']]).requested.computeConfig.name == 'cpu-8'
    }
}
