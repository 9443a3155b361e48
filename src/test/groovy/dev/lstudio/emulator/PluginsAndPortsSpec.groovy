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
        api.ok('GET', api.path(studio, 'plugins')).plugins*.id == ['inference-server']

        cleanup:
        api.call('DELETE', api.path(studio, 'plugins/inference-server'))
    }

    def "an unknown plugin is a 404 listing the available ones"() {
        expect:
        with(api.post(api.path(studio, 'plugins/teleport'))) {
            status == 404
            json.message.contains('jobs, multi-machine-training, inference-server, custom-port')
        }
    }

    def "uninstalling a plugin that is not installed is a 404"() {
        expect:
        api.call('DELETE', api.path(studio, 'plugins/jobs')).status == 404
    }

    def "an installed plugin executes a command in the studio; one not installed is a 409"() {
        expect:
        api.post(api.path(studio, 'plugins/custom-port/execute'), [command: 'echo nope']).status == 409

        when:
        api.ok('POST', api.path(studio, 'plugins/custom-port'))

        then:
        with(api.ok('POST', api.path(studio, 'plugins/custom-port/execute'), [command: 'echo from-plugin; exit 4'])) {
            output == 'from-plugin\n'
            exitCode == 4
        }
        api.ok('POST', api.path(studio, 'plugins/custom-port/execute')).exitCode == 0
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
        api.ok('GET', "v1/projects/$p/endpoints?cloudspaceId=$other.id").endpoints*.port == [7100]
    }

    def "a stopped studio has no open ports"() {
        given:
        def s = api.create('plug-stopped')

        expect:
        api.ok('GET', api.path(s, 'open-ports')).ports == []
    }
}
