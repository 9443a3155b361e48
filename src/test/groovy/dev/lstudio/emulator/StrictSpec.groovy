package dev.lstudio.emulator

import spock.lang.Shared

/** A strict emulator refuses what the live protobuf layer refuses: body fields the live service lacks. */
class StrictSpec extends WithEmulator {
    @Override
    Map<String, ?> settings() {
        [strict: true]
    }

    @Shared
    Map studio

    def setupSpec() {
        studio = api.create('strict-main')
        api.startAndWait(studio)
    }

    String at(String action) {
        action == null ? api.path(studio) : action.startsWith('v1/') ? action.replace('PID', studio.projectId as String)
                : api.path(studio, action)
    }

    def "the reference's #field in #method #action is refused with 400, naming the field and the endpoint"() {
        when:
        def r = api.call(method, at(action), body)

        then:
        r.status == 400
        r.json.code == 3
        r.json.message.startsWith("unknown field \"$field\" in $method /v1/projects/{projectId}/")
        r.json.message.contains('the live service takes')
        r.json.message.contains(live)

        where:
        method | action                              | field                    | body                                                    || live
        'PUT'  | null                                | 'code_config'            | [display_name: 'X', code_config: [env_vars: []]]        || 'displayName, env'
        'PUT'  | 'sleepconfig'                       | 'code_config'            | [code_config: [idle_shutdown_seconds: 60]]              || 'idleShutdownSeconds'
        'PUT'  | 'fork'                              | 'project_id'             | [new_name: 'strict-copy', project_id: 'p']              || 'targetProjectId'
        'PUT'  | 'fork'                              | 'compute_config'         | [new_name: 'strict-copy', compute_config: [name: 'cpu-4']] || 'newName'
        'POST' | 'execute'                           | 'session'                | [command: 'true', session: 'mine']                      || 'sessionName'
        'POST' | 'keep-alive'                        | 'reason'                 | [reason: 'busy']                                        || 'an empty body {}'
        'POST' | 'v1/projects/PID/endpoints'         | 'port'                   | [port: 8080, cloudspace_id: 'x']                        || 'ports'
        'POST' | 'v1/projects/PID/endpoints'         | 'cloudspace_id'          | [cloudspace_id: 'x']                                    || 'cloudspace'
        'POST' | 'v1/projects/PID/endpoints'         | 'endpoint_type'          | [endpoint_type: 'V1_ENDPOINT_TYPE_PRIVATE']             || 'auth'
        'POST' | 'v1/projects/PID/endpoints'         | 'cloudspace.endpointType' | [cloudspace: [cloudspaceId: 'x', endpointType: 'T']]   || 'cloudspaceId, port, type, autoStart'
        'POST' | 'v1/projects/PID/cloudspaces'       | 'code_config'            | [name: 'strict-new', code_config: [:]]                  || 'displayName'
    }

    def "nothing changed when a body was refused"() {
        when:
        api.call('PUT', api.path(studio), [displayName: 'Changed', code_config: [:]])

        then:
        api.ok('GET', api.path(studio)).displayName == 'strict-main'
    }

    def "snake_case spellings of live fields are accepted, as protobuf JSON accepts them"() {
        given:
        def s = api.create('strict-snake', [display_name: 'Snake', cluster_id: 'c1'])

        expect:
        api.ok('PUT', api.path(s), [display_name: 'Snake 2', user_metadata: 'm', is_favorite: true,
                                    env: [[name: 'A', value: 'b', from_secret: false]]]).userMetadata == 'm'
        api.ok('PUT', api.path(s, 'sleepconfig'), [idle_shutdown_seconds: 90, disable_auto_shutdown: false])
                .codeConfig.idleShutdownSeconds == 90
        api.ok('PUT', api.path(s, 'fork'), [new_name: 'strict-snake-copy', target_project_id: s.projectId]).name ==
                'strict-snake-copy'
        api.exec(studio, 'echo ok', [session_name: 'snake-session']).sessionName == 'snake-session'
        api.ok('POST', "v1/projects/${s.projectId}/endpoints", [name: 'e', ports: ['8080'],
                cloudspace: [cloudspace_id: s.id, port: '8080', type: 'ENDPOINT_PLUGIN_PORT', auto_start: false]])
                .cloudspace.cloudspaceId == s.id
    }

    def "the live forms are accepted: #method #action"() {
        expect:
        api.call(method, at(action), body).status == 200

        where:
        method | action       | body
        'POST' | 'execute'    | [command: 'echo hi', detached: true, sessionName: 'live-form']
        'POST' | 'keep-alive' | [:]
        'POST' | 'start'      | [computeConfig: [name: 'cpu-4', spot: false, requestedRunDurationSeconds: '3600']]
        'POST' | 'runs'       | [clusterId: 'lightning-cloud', localSource: true]
        'PUT'  | null         | [displayName: 'strict-main', env: [], description: '', tags: [], userMetadata: '',
                                 isFavorite: false, switchToDefaultMachineOnIdle: false, dataConnectionMounts: []]
    }

    def "the default emulator still takes the reference's forms"() {
        given:
        def lenient = Emulator.builder().teammate(false).build().start()
        def api2 = new Api(lenient)
        def s = api2.create('lenient')

        expect:
        api2.ok('PUT', api2.path(s), [display_name: 'L', code_config: [env_vars: [[name: 'A', value: '1']]]]).env*.name == ['A']

        cleanup:
        lenient?.close()
    }
}
