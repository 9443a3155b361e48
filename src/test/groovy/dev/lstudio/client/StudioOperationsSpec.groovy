package dev.lstudio.client

import java.time.Duration

/** The Studio handle's other operations reach the right endpoints with the right bodies. */
class StudioOperationsSpec extends ClientSpec {
    Studio studio

    def setup() {
        studio = studioS1()
    }

    def "rename and environment variables are updates of the Studio"() {
        given:
        api.on("PUT $P/s1", '{"id":"s1","name":"s","displayName":"Nice"}')

        when:
        def renamed = studio.rename('Nice')
        def first = body(api.last("PUT $P/s1"))
        studio.setEnv([HF_HOME: '/data', MODE: 'fast'])

        then:
        renamed.displayName() == 'Nice'
        first == [display_name: 'Nice']
        body(api.last("PUT $P/s1")) == [code_config: [env_vars: [[name: 'HF_HOME', value: '/data'], [name: 'MODE', value: 'fast']]]]
    }

    def "auto-sleep is set through sleepconfig"() {
        given:
        api.on("PUT $P/s1/sleepconfig", '{}')

        when:
        studio.autoSleep(Duration.ofMinutes(30))
        def idle = body(api.last("PUT $P/s1/sleepconfig"))
        studio.disableAutoSleep()

        then:
        idle == [code_config: [disable_auto_shutdown: false, idle_shutdown_seconds: 1800]]
        body(api.last("PUT $P/s1/sleepconfig")) == [code_config: [disable_auto_shutdown: true]]
    }

    def "a fork is returned once the copy is READY"() {
        given:
        api.on("PUT $P/s1/fork", '{"id":"s2","name":"copy","state":"CLOUD_SPACE_STATE_INITIAL_SYNC_IN_PROGRESS"}')
        api.on("GET $P/s2", '{"id":"s2","name":"copy","state":"CLOUD_SPACE_STATE_INITIAL_SYNC_IN_PROGRESS"}',
                '{"id":"s2","name":"copy","state":"CLOUD_SPACE_STATE_READY"}')

        when:
        def copy = studio.fork('copy')

        then:
        copy.id() == 's2'
        copy.teamspace() == TEAM
        body(api.last("PUT $P/s1/fork")) == [new_name: 'copy']
        api.count("GET $P/s2") == 2
        progress.tasks*.text == ['copy: fork']
    }

    def "delete, keep-alive and plugins call their endpoints"() {
        given:
        api.on("DELETE $P/s1", '{}')
        api.on("POST $P/s1/keep-alive", '{}')
        api.on("GET $P/s1/plugins", '{"plugins":[{"pluginId":"jobs"}]}')
        api.on("POST $P/s1/plugins/jobs", '{"pluginId":"jobs","state":"installed"}')
        api.on("DELETE $P/s1/plugins/jobs", '{}')
        api.on("POST $P/s1/plugins/jobs/execute", '{"pluginId":"jobs"}')
        api.on('GET /v1/cloudspaces/plugins', '{"plugins":[{"pluginId":"jobs"},{"pluginId":"custom-port"}]}')

        when:
        studio.keepAlive()
        def installed = studio.plugins()
        studio.installPlugin('jobs')
        studio.runPlugin('jobs')
        studio.uninstallPlugin('jobs')
        def available = client.availablePlugins()
        studio.delete()

        then:
        installed*.key() == ['jobs']
        available*.key() == ['jobs', 'custom-port']
        api.calls.findAll { !it.startsWith('GET') } == ["POST $P/s1/keep-alive", "POST $P/s1/plugins/jobs",
                "POST $P/s1/plugins/jobs/execute", "DELETE $P/s1/plugins/jobs", "DELETE $P/s1"]*.toString()
    }

    def "ports: open ones, exposed ones of this Studio only, expose and remove"() {
        given:
        api.on("GET $P/s1/open-ports", '{"ports":["8888"]}')
        api.on('GET /v1/projects/p1/endpoints', '{"endpoints":[{"id":"e1","cloudspaceId":"s1"},{"id":"e2","cloudspaceId":"other"}]}')
        api.on('POST /v1/projects/p1/endpoints', '{"id":"e3","cloudspaceId":"s1"}')
        api.on('DELETE /v1/projects/p1/endpoints/e3', '{}')

        when:
        def open = studio.openPorts()
        def mine = studio.ports()
        def added = studio.exposePort(8080, 'app', true)
        studio.removePort('e3')

        then:
        open == ['8888']
        mine*.id() == ['e1']
        added.id() == 'e3'
        body(api.last('POST /v1/projects/p1/endpoints')) ==
                [port: 8080, name: 'app', cloudspace_id: 's1', endpoint_type: 'V1_ENDPOINT_TYPE_PUBLIC']
        api.count('DELETE /v1/projects/p1/endpoints/e3') == 1
    }
}
