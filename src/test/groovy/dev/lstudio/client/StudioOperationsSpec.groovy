package dev.lstudio.client

import java.time.Duration

/** The Studio handle's other operations reach the right endpoints with the right bodies. */
class StudioOperationsSpec extends ClientSpec {
    Studio studio

    def setup() {
        studio = studioS1()
    }

    static final String LIVE_STUDIO = '{"id":"s1","name":"s","displayName":"Old","description":"for training",' +
            '"env":[{"name":"HF_HOME","value":"/data","fromSecret":false},{"name":"TOKEN","value":"","fromSecret":true}],' +
            '"tags":[{"id":"t1","name":"gpu","internal":false}],"userMetadata":"{\\"team\\":\\"nlp\\"}","isFavorite":true,' +
            '"switchToDefaultMachineOnIdle":true,"dataConnectionMounts":[{"dataConnectionId":"dc1","mountPath":"/teamspace/s3"}],' +
            '"hideFiles":false,"state":"CLOUD_SPACE_STATE_READY","codeConfig":{"idleShutdownSeconds":"3600"}}'

    static final Map KEPT = [description: 'for training',
            tags: [[id: 't1', name: 'gpu', internal: false]], userMetadata: '{"team":"nlp"}', isFavorite: true,
            switchToDefaultMachineOnIdle: true, dataConnectionMounts: [[dataConnectionId: 'dc1', mountPath: '/teamspace/s3']],
            hideFiles: false]
    static final List ENV = [[name: 'HF_HOME', value: '/data', fromSecret: false], [name: 'TOKEN', value: '', fromSecret: true]]

    def "rename reads the Studio and sends every field back with only displayName changed"() {
        given:
        api.on("GET $P/s1", LIVE_STUDIO)
        api.on("PUT $P/s1", '{"id":"s1","name":"s","displayName":"Nice"}')

        when:
        def renamed = studio.rename('Nice')

        then:
        renamed.displayName() == 'Nice'
        body(api.last("PUT $P/s1")) == [displayName: 'Nice', env: ENV] + KEPT
    }

    def "putEnv sets one variable and keeps the others, secrets included, and every other field"() {
        given:
        api.on("GET $P/s1", LIVE_STUDIO)
        api.on("PUT $P/s1", '{"id":"s1","name":"s"}')

        when:
        studio.putEnv([MODE: 'fast', HF_HOME: '/cache'])

        then:
        body(api.last("PUT $P/s1")) == [displayName: 'Old',
                env: [[name: 'HF_HOME', value: '/cache'], ENV[1], [name: 'MODE', value: 'fast']]] + KEPT
    }

    def "setEnv replaces the variables and still keeps every other field"() {
        given:
        api.on("GET $P/s1", LIVE_STUDIO)
        api.on("PUT $P/s1", '{"id":"s1","name":"s"}')

        when:
        studio.setEnv([ONLY: '1'])

        then:
        body(api.last("PUT $P/s1")) == [displayName: 'Old', env: [[name: 'ONLY', value: '1']]] + KEPT
    }

    def "env reads the live top-level env, and the reference's code_config.env_vars"() {
        when:
        api.on("GET $P/s1", LIVE_STUDIO)
        def live = studio.env()
        api.on("GET $P/s1", '{"id":"s1","code_config":{"env_vars":[{"name":"A","value":"1"}]}}')
        def reference = studio.env()

        then:
        live == [HF_HOME: '/data', TOKEN: '']
        reference == [A: '1']
    }

    def "auto-sleep is set through sleepconfig with the flat live body"() {
        given:
        api.on("GET $P/s1", LIVE_STUDIO)
        api.on("PUT $P/s1/sleepconfig", '{}')

        when:
        studio.autoSleep(Duration.ofMinutes(30))
        def idle = body(api.last("PUT $P/s1/sleepconfig"))
        studio.disableAutoSleep()

        then:
        idle == [disableAutoShutdown: false, idleShutdownSeconds: 1800, switchToDefaultMachineOnIdle: true]
        body(api.last("PUT $P/s1/sleepconfig")) == [disableAutoShutdown: true, idleShutdownSeconds: 3600, switchToDefaultMachineOnIdle: true]
    }

    def "a fork sends no machine, is returned once the copy is READY, and then starts on the machine asked for"() {
        given:
        api.on("PUT $P/s1/fork", '{"id":"s2","name":"copy","state":"CLOUD_SPACE_STATE_INITIAL_SYNC_IN_PROGRESS"}')
        api.on("GET $P/s2", '{"id":"s2","name":"copy","state":"CLOUD_SPACE_STATE_INITIAL_SYNC_IN_PROGRESS"}',
                '{"id":"s2","name":"copy","state":"CLOUD_SPACE_STATE_READY"}')
        api.on("GET $P/s2/codestatus", NO_INSTANCE, running('lit-t4-1', 'i9'))
        api.on("POST $P/s2/start", '{}')

        when:
        def copy = studio.fork('copy', TEAM, 'lit-t4-1')

        then:
        copy.id() == 's2'
        copy.teamspace() == TEAM
        body(api.last("PUT $P/s1/fork")) == [newName: 'copy', targetProjectId: 'p1']
        api.count("GET $P/s2") == 2
        body(api.last("POST $P/s2/start")) == [computeConfig: [name: 'lit-t4-1', spot: false]]
        progress.tasks*.text == ['copy: fork', 'copy: start']
    }

    def "a fork without a machine is not started"() {
        given:
        api.on("PUT $P/s1/fork", '{"id":"s2","name":"copy","state":"CLOUD_SPACE_STATE_READY"}')
        api.on("GET $P/s2", '{"id":"s2","name":"copy","state":"CLOUD_SPACE_STATE_READY"}')

        when:
        studio.fork('copy')

        then:
        api.count("POST $P/s2/start") == 0
    }

    def "delete, keep-alive and plugins call their endpoints"() {
        given:
        api.on("DELETE $P/s1", '{}')
        api.on("POST $P/s1/keep-alive", '{}')
        api.on("GET $P/s1/plugins", '{"plugins":{"jobs":"Run async Jobs"}}')
        api.on("POST $P/s1/plugins/jobs", '{"id":"pi1","pluginId":"jobs","projectId":"p1","state":"installation_success","error":""}')
        api.on("DELETE $P/s1/plugins/jobs", '{"id":"pi1","pluginId":"jobs","projectId":"p1","state":"uninstallation_success"}')
        api.on("POST $P/s1/plugins/jobs/execute", '{"id":"pi1","pluginId":"jobs","state":"execution_success","additionalInfo":"ok"}')
        api.on('GET /v1/cloudspaces/plugins', '{"plugins":{"jobs":"Run async Jobs","custom-port":"Expose custom ports"}}')

        when:
        studio.keepAlive()
        def installed = studio.plugins()
        studio.installPlugin('jobs')
        def ran = studio.runPlugin('jobs')
        studio.uninstallPlugin('jobs')
        def available = client.availablePlugins()
        studio.delete()

        then:
        installed*.id() == ['jobs']
        available*.id() == ['jobs', 'custom-port']
        ran == new PluginInfo('jobs', null, 'execution_success', null, 'ok')
        available*.description() == ['Run async Jobs', 'Expose custom ports']
        body(api.last("POST $P/s1/keep-alive")) == [:]
        api.calls.findAll { !it.startsWith('GET') } == ["POST $P/s1/keep-alive", "POST $P/s1/plugins/jobs",
                "POST $P/s1/plugins/jobs/execute", "DELETE $P/s1/plugins/jobs", "DELETE $P/s1"]*.toString()
    }

    def "ports: open ones, exposed ones of this Studio only, expose and remove"() {
        given:
        api.on("GET $P/s1/open-ports", '{"ports":["8888"]}')
        api.on('GET /v1/projects/p1/endpoints', '{"endpoints":[{"id":"e1","cloudspace":{"cloudspaceId":"s1","port":"8080"}},' +
                '{"id":"e2","cloudspace":{"cloudspaceId":"other","port":"80"}},{"id":"e4","cloudspace_id":"s1","port":6006}]}')
        api.on('POST /v1/projects/p1/endpoints', '{"id":"e3","name":"app","ports":["8080"],"urls":["https://8080-x.cloudspaces.litng.ai"],' +
                '"cloudspace":{"cloudspaceId":"s1","port":"8080","type":"ENDPOINT_PLUGIN_PORT"}}')
        api.on('DELETE /v1/projects/p1/endpoints/e3', '{}')

        when:
        def open = studio.openPorts()
        def mine = studio.ports()
        def added = studio.exposePort(8080, 'app', true)
        studio.removePort('e3')

        then:
        open == ['8888']
        mine*.id() == ['e1', 'e4']
        mine*.numbers() == [[8080], [6006]]
        api.last('GET /v1/projects/p1/endpoints').requestUrl.queryParameter('cloudspaceId') == 's1'
        added.id() == 'e3'
        added.studioId() == 's1'
        added.urls() == ['https://8080-x.cloudspaces.litng.ai']
        added.number() == 8080
        body(api.last('POST /v1/projects/p1/endpoints')) ==
                [name: 'app', ports: ['8080'], cloudspace: [cloudspaceId: 's1', port: '8080', type: 'ENDPOINT_PLUGIN_PORT']]
        api.count('DELETE /v1/projects/p1/endpoints/e3') == 1
    }

    def "a plugin call the server answers without success fails with the server's error, naming plugin and studio"() {
        given:
        api.on("POST $P/s1/plugins/jobs", answer)

        when:
        studio.installPlugin('jobs')

        then:
        PluginFailedException e = thrown()
        e.message == message
        e.pluginId() == 'jobs'

        where:
        answer                                                                               || message
        '{"pluginId":"jobs","state":"installation_failed","error":"quota exceeded\\nretry later"}' || "installing plugin 'jobs' in studio 's' in teamspace 'jo/team' failed: quota exceeded retry later"
        '{"pluginId":"jobs","state":"installation_pending","error":""}'                       || "installing plugin 'jobs' in studio 's' in teamspace 'jo/team' failed: the server answered state 'installation_pending'"
        '{"pluginId":"jobs","state":"installation_success","error":"no space left"}'             || "installing plugin 'jobs' in studio 's' in teamspace 'jo/team' failed: no space left"
        '{}'                                                                                 || "installing plugin 'jobs' in studio 's' in teamspace 'jo/team' failed: the server answered state (none)"
    }
}
