package dev.lstudio.emulator

import spock.lang.Shared

class PluginsAndPortsSpec extends WithEmulator {
    @Shared
    Map studio

    def setupSpec() {
        studio = api.create('plug-main')
        api.startAndWait(studio)
    }

    def "installing a plugin twice is harmless and it is listed once"() {
        when:
        api.ok('POST', api.path(studio, 'plugins/inference-server'))
        api.ok('POST', api.path(studio, 'plugins/inference-server'))

        then:
        api.ok('GET', api.path(studio, 'plugins')).plugins.keySet() as List == ['inference-server']

        cleanup:
        api.call('DELETE', api.path(studio, 'plugins/inference-server'))
    }

    def "#action an unknown plugin answers 200 with #expected and an error listing the available ones"() {
        when:
        def r = api.call(method, api.path(studio, path))

        then: 'as live, the HTTP status says nothing: the state does'
        r.status == 200
        r.json.state == expected
        r.json.pluginId == 'teleport'
        r.json.projectId == studio.projectId
        r.json.error.contains('jobs, multi-machine-training, inference-server, custom-port')

        where:
        action         | method   | path                       || expected
        'installing'   | 'POST'   | 'plugins/teleport'         || 'installation_failed'
        'uninstalling' | 'DELETE' | 'plugins/teleport'         || 'uninstallation_failed'
        'executing'    | 'POST'   | 'plugins/teleport/execute' || 'execution_failed'
    }

    def "install answers the live result: id, pluginId, projectId, installation_success and an empty error"() {
        when:
        def r = api.ok('POST', api.path(studio, 'plugins/multi-machine-training'))

        then:
        r.keySet() == ['id', 'pluginId', 'projectId', 'state', 'error', 'additionalInfo'] as Set
        r.id
        r.pluginId == 'multi-machine-training'
        r.state == 'installation_success'
        r.error == ''

        cleanup:
        api.call('DELETE', api.path(studio, 'plugins/multi-machine-training'))
    }

    def "uninstalling a plugin that is not installed answers uninstallation_failed"() {
        expect:
        with(api.ok('DELETE', api.path(studio, 'plugins/jobs'))) {
            state == 'uninstallation_failed'
            error.contains('not installed')
        }
    }

    def "an installed plugin executes a command in the studio; one not installed fails in its state"() {
        expect:
        api.ok('POST', api.path(studio, 'plugins/custom-port/execute'), [command: 'echo nope']).state == 'execution_failed'

        when:
        api.ok('POST', api.path(studio, 'plugins/custom-port'))

        then:
        with(api.ok('POST', api.path(studio, 'plugins/custom-port/execute'), [command: 'echo from-plugin'])) {
            state == 'execution_success'
            error == ''
            additionalInfo == 'from-plugin\n'
        }
        with(api.ok('POST', api.path(studio, 'plugins/custom-port/execute'), [command: 'echo oops; exit 4'])) {
            state == 'execution_failed'
            error == 'exit code 4'
            additionalInfo == 'oops\n'
        }
        api.ok('POST', api.path(studio, 'plugins/custom-port/execute')).state == 'execution_success'
    }

    def "an endpoint with #what is a #status"() {
        given:
        def p = api.projectId()

        expect:
        api.post("v1/projects/$p/endpoints", body(studio.id)).status == status

        where:
        what                     | body                                                                  || status
        'no port'                | { id -> [cloudspace_id: id] }                                         || 400
        'port 0'                 | { id -> [port: 0, cloudspace_id: id] }                                || 400
        'port 70000'             | { id -> [port: 70000, cloudspace_id: id] }                            || 400
        'no studio'              | { id -> [port: 8080] }                                                || 400
        'an unknown studio'      | { id -> [port: 8080, cloudspace_id: 'nope'] }                         || 404
        'an unknown type'        | { id -> [port: 8080, cloudspace_id: id, endpoint_type: 'SECRET'] }    || 400
        'a port as a string'     | { id -> [port: '8443', cloudspace_id: id, endpoint_type: 'V1_ENDPOINT_TYPE_PUBLIC'] } || 200
    }

    def "the same port of a studio cannot be exposed twice"() {
        given:
        def p = api.projectId()
        api.ok('POST', "v1/projects/$p/endpoints", [port: 7000, cloudspaceId: studio.id])

        expect:
        api.post("v1/projects/$p/endpoints", [port: 7000, cloudspace_id: studio.id]).status == 409
    }

    def "endpoints can be listed for one studio"() {
        given:
        def p = api.projectId()
        def other = api.create('plug-other')
        api.ok('POST', "v1/projects/$p/endpoints", [port: 7100, cloudspace_id: other.id])

        expect:
        api.ok('GET', "v1/projects/$p/endpoints?cloudspaceId=$other.id").endpoints*.ports == [['7100']]
    }

    def "a stopped studio has no open ports"() {
        given:
        def s = api.create('plug-stopped')

        expect:
        api.ok('GET', api.path(s, 'open-ports')).ports == []
    }
}
