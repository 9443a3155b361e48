package dev.lstudio.api

import spock.lang.Specification
import spock.lang.Unroll

/** What real servers send is read; what the reference writes is written. */
class WireFormatSpec extends Specification {
    def mapper = Json.mapper()

    def "camelCase and snake_case spellings read the same"() {
        given:
        def camel = '{"inUse":{"phase":"CLOUD_SPACE_INSTANCE_STATE_RUNNING","cloudSpaceInstanceId":"i",' +
                '"startupStatus":{"initialRestoreFinished":true,"topUpRestoreFinished":false},"computeConfig":{"name":"cpu-4"}}}'
        def snake = '{"in_use":{"phase":"CLOUD_SPACE_INSTANCE_STATE_RUNNING","cloud_space_instance_id":"i",' +
                '"startup_status":{"initial_restore_finished":true,"top_up_restore_finished":false},"compute_config":{"name":"cpu-4"}}}'

        expect:
        mapper.readValue(camel, CodeStatus) == mapper.readValue(snake, CodeStatus)
        with(mapper.readValue(snake, CodeStatus).inUse()) {
            phase() == InstancePhase.RUNNING
            initialRestoreFinished()
            !topUpRestoreFinished()
            machine() == 'cpu-4'
        }
    }

    def "unknown fields are ignored"() {
        expect:
        mapper.readValue('{"id":"s1","brandNewField":{"deep":[1,2]},"name":"n"}', CloudSpace).name() == 'n'
    }

    @Unroll
    def "phase #wire reads as #phase"() {
        expect:
        mapper.readValue("""{"phase":"$wire"}""", InstanceStatus).phase() == phase

        where:
        wire                                         || phase
        'CLOUD_SPACE_INSTANCE_STATE_PENDING'         || InstancePhase.PENDING
        'CLOUD_SPACE_INSTANCE_STATE_IMAGE_BUILDING'  || InstancePhase.IMAGE_BUILDING
        'CLOUD_SPACE_INSTANCE_STATE_DELETED'         || InstancePhase.DELETED
        'CLOUD_SPACE_INSTANCE_STATE_HIBERNATING'     || InstancePhase.UNKNOWN
        'something else entirely'                    || InstancePhase.UNKNOWN
    }

    def "an unknown Studio state or endpoint type does not fail either"() {
        expect:
        mapper.readValue('{"state":"CLOUD_SPACE_STATE_FROZEN"}', CloudSpace).state() == CloudSpaceState.UNKNOWN
        mapper.readValue('{"endpointType":"V1_ENDPOINT_TYPE_SECRET"}', Endpoint).endpointType() == EndpointType.UNKNOWN
    }

    @Unroll
    def "a 64-bit number is read from #form"() {
        expect:
        mapper.readValue(json, InstanceStatus).startupEtaSeconds() == 120L
        mapper.readValue(json.replace('startupEtaSeconds', 'requestedRunDurationSeconds'), ComputeConfig)
                .requestedRunDurationSeconds() == 120L

        where:
        form       | json
        'a string' | '{"startupEtaSeconds":"120"}'
        'a number' | '{"startupEtaSeconds":120}'
    }

    def "a 64-bit number is written as a string, in camelCase as the live service names it"() {
        expect:
        mapper.writeValueAsString(new ComputeConfig('lit-h100-8', true, 10800L)) ==
                '{"name":"lit-h100-8","spot":true,"requestedRunDurationSeconds":"10800"}'
    }

    def "request bodies are written in camelCase and leave out what is not set"() {
        expect:
        mapper.writeValueAsString(CreateCloudSpaceRequest.named('s')) == '{"name":"s"}'
        mapper.writeValueAsString(new ForkRequest('copy', null, null)) == '{"newName":"copy"}'
        mapper.writeValueAsString(new SleepConfigRequest(true, 600L, null)) ==
                '{"disableAutoShutdown":true,"idleShutdownSeconds":600}'
    }

    def "membership owner types compare ignoring case"() {
        expect:
        mapper.readValue('{"ownerType":"ORGANIZATION"}', Membership).ownedByOrganization()
        mapper.readValue('{"owner_type":"organization"}', Membership).ownedByOrganization()
        !mapper.readValue('{"ownerType":"user"}', Membership).ownedByOrganization()
    }

    def "execute answers read session and exit code in every spelling"() {
        expect:
        mapper.readValue('{"output":"o","exit_code":1,"session":"a"}', ExecuteResult) == new ExecuteResult('o', 1, 'a')
        mapper.readValue('{"output":"o","exitCode":1,"sessionName":"a"}', ExecuteResult) == new ExecuteResult('o', 1, 'a')
        mapper.readValue('{"output":"o","session_name":"a","exit_code":"1"}', ExecuteResult) == new ExecuteResult('o', 1, 'a')
    }

    def "an execute answer with both spellings of each field reads too, as the emulator sends it"() {
        expect:
        mapper.readValue('{"output":"o","exitCode":0,"exit_code":0,"session":"a","sessionName":"a","running":false}',
                ExecuteResult) == new ExecuteResult('o', 0, 'a')
        mapper.readValue('{"output":"o"}', ExecuteResult) == new ExecuteResult('o', null, null)
    }

    def "environment variable values stay out of toString"() {
        expect:
        !new EnvVar('TOKEN', 'hunter2').toString().contains('hunter2')
    }
}
