package dev.lstudio.api

import spock.lang.Unroll

/**
 * One feature per row of api-facts' live table: the request exactly as the live service takes
 * it (method, path, query, JSON body) and the live answer (test resources under live/) as read.
 * Each fails if the client sent the reference's form (snake_case, nested code_config, session,
 * flat endpoint...) or read only the reference's answer.
 */
class LiveWireSpec extends MockApiSpec {
    static final String CS = '/v1/projects/p1/cloudspaces'

    static String live(String name) {
        LiveWireSpec.getResource('/live/' + name).getText('UTF-8')
    }

    void replyLive(String name, String type = 'application/json') {
        reply(200, live(name), ['Content-Type': type])
    }

    @Unroll
    def "live #row: #method #path"() {
        given:
        replyLive(resource, resource.endsWith('.ndjson') ? 'application/x-ndjson' : 'application/json')

        when:
        def result = call(api)
        def request = taken()

        then:
        request.method == method
        request.path == path
        json(request) == body
        check(result)

        where:
        row                 | call                                                                                  | method   | path                                             | body                                                                                                    | resource                 | check
        'execute (submit)'  | { LightningApi a -> a.execute('p1', 's1', ExecuteRequest.detached('nvidia-smi')) }    | 'POST'   | CS + '/s1/execute'                               | [command: 'nvidia-smi', detached: true]                                                                 | 'execute-submit.json'    | { it.session() == 'lstudio-5f2c9e1a' }
        'execute named'     | { LightningApi a -> a.execute('p1', 's1', ExecuteRequest.detached('ls', 'mine')) }    | 'POST'   | CS + '/s1/execute'                               | [command: 'ls', detached: true, sessionName: 'mine']                                                    | 'execute-submit.json'    | { it.session() == 'lstudio-5f2c9e1a' }
        'execute stream'    | { LightningApi a -> readStream(a) }                                                   | 'GET'    | CS + '/s1/execute/x1/stream'                     | null                                                                                                    | 'execute-stream.ndjson'  | { it.outputs.size() == 3 && it.exits == [0, 0, 0] && it.positions == [it.outputs[0].size(), it.outputs[0..1].join('').size(), it.outputs.join('').size()] && it.outputs[2].contains('H100') }
        'execute poll'      | { LightningApi a -> a.executeOutput('p1', 's1', 'x1') }                               | 'GET'    | CS + '/s1/execute/x1'                            | null                                                                                                    | 'execute-poll.json'      | { it.output() == 'Epoch 1/3\nEpoch 2/3\n' && it.exitCode() == -1 && !it.finished() }
        'codestatus'        | { LightningApi a -> a.codeStatus('p1', 's1') }                                        | 'GET'    | CS + '/s1/codestatus'                            | null                                                                                                    | 'codestatus.json'        | { s -> s.inUse().with { phase() == InstancePhase.PENDING && startupEtaSeconds() == 95L && startupPercentage() == '40' && statusMessage() == 'Pulling the container image' && price() == 31.464d && instanceType() == 'p5.48xlarge' && startTimestamp() == '2026-12-01T21:38:11.402Z' && machine() == 'p5.48xlarge' && initialRestoreFinished() && !topUpRestoreFinished() && computeConfig().requestedRunDurationSeconds() == 10800L } }
        'list by name'      | { LightningApi a -> a.listCloudspaces('p1', CloudSpaceQuery.anyUser().withName('llm-finetune'), null) } | 'GET' | CS + '?name=llm-finetune'              | null                                                                                                    | 'list-cloudspaces.json'  | { it.cloudspaces()*.name() == ['llm-finetune'] && it.cloudspaces()[0].state() == CloudSpaceState.READY && !it.nextPageToken() }
        'list mine'         | { LightningApi a -> a.listCloudspaces('p1', CloudSpaceQuery.forUser('u1'), null) }    | 'GET'    | CS + '?userId=u1'                                | null                                                                                                    | 'list-cloudspaces.json'  | { it.cloudspaces()[0].phase() == InstancePhase.RUNNING }
        'getbyname'         | { LightningApi a -> a.getCloudspaceByName('jo', 'nlp-team', 'llm-finetune') }         | 'GET'    | '/v1/users/jo/projects/nlp-team/cloudspaces/llm-finetune/getbyname' | null                                                                      | 'getbyname.json'         | { it.id() == '01jf2a7c1d8e9f0g1h2j' && it.name() == 'llm-finetune' && it.state() == CloudSpaceState.UNKNOWN }
        'GET cloudspace'    | { LightningApi a -> a.getCloudspace('p1', 's1') }                                     | 'GET'    | CS + '/s1'                                       | null                                                                                                    | 'get-cloudspace.json'    | { cs -> cs.envVars()*.name() == ['HF_HOME', 'WANDB_API_KEY'] && cs.envVars()[1].fromSecret() && cs.userMetadata() == '{"owner":"nlp","ticket":"ML-4411"}' && cs.tags()*.name() == ['llm', 'q4'] && cs.state() == CloudSpaceState.READY && cs.switchToDefaultMachineOnIdle() && cs.other('dataConnectionMounts').size() == 1 }
        'update'            | { LightningApi a -> a.updateCloudspace('p1', 's1', renamed()) }                       | 'PUT'    | CS + '/s1'                                       | fullUpdate()                                                                                            | 'update-cloudspace.json' | { it.displayName() == 'LLM finetune v2' }
        'sleepconfig'       | { LightningApi a -> a.sleepConfig('p1', 's1', new SleepConfigRequest(false, 1800L, true)) } | 'PUT' | CS + '/s1/sleepconfig'                          | [disableAutoShutdown: false, idleShutdownSeconds: 1800, switchToDefaultMachineOnIdle: true]             | 'sleepconfig.json'       | { it == null }
        'fork'              | { LightningApi a -> a.fork('p1', 's1', new ForkRequest('llm-finetune-copy', 'p2', 'lightning-public-prod')) } | 'PUT' | CS + '/s1/fork'                | [newName: 'llm-finetune-copy', targetProjectId: 'p2', targetClusterId: 'lightning-public-prod']         | 'fork.json'              | { it.id() == '01jf9z8y7x6w5v4u3t2s' && it.state() == CloudSpaceState.INITIAL_SYNC_IN_PROGRESS }
        'keep-alive'        | { LightningApi a -> a.keepAlive('p1', 's1') }                                         | 'POST'   | CS + '/s1/keep-alive'                            | [:]                                                                                                     | 'keep-alive.json'        | { it == null }
        'plugins available' | { LightningApi a -> a.availablePlugins() }                                            | 'GET'    | '/v1/cloudspaces/plugins'                        | null                                                                                                    | 'plugins-available.json' | { it*.key() == ['jobs', 'custom-port', 'multi-node'] && it[1].description() == 'Expose custom ports' }
        'plugins installed' | { LightningApi a -> a.installedPlugins('p1', 's1') }                                  | 'GET'    | CS + '/s1/plugins'                               | null                                                                                                    | 'plugins-installed.json' | { it*.key() == ['jobs'] && it[0].description() == 'Run async jobs from your Studio' }
        'plugin install'    | { LightningApi a -> a.installPlugin('p1', 's1', 'jobs') }                             | 'POST'   | CS + '/s1/plugins/jobs'                          | null                                                                                                    | 'plugin-install.json'    | { it.succeeded() && it.id() == '01pi00000000000000aa' }
        'plugin failed'     | { LightningApi a -> a.installPlugin('p1', 's1', 'multi-node') }                       | 'POST'   | CS + '/s1/plugins/multi-node'                    | null                                                                                                    | 'plugin-install-failed.json' | { !it.succeeded() && it.error() == 'multi-node needs a GPU machine' }
        'plugin uninstall'  | { LightningApi a -> a.uninstallPlugin('p1', 's1', 'jobs') }                           | 'DELETE' | CS + '/s1/plugins/jobs'                          | null                                                                                                    | 'plugin-uninstall.json'  | { it.succeeded() }
        'plugin execute'    | { LightningApi a -> a.executePlugin('p1', 's1', 'jobs') }                             | 'POST'   | CS + '/s1/plugins/jobs/execute'                  | null                                                                                                    | 'plugin-execute.json'    | { it.succeeded() && it.additionalInfo().contains('jobs/01job') }
        'create endpoint'   | { LightningApi a -> a.addEndpoint('p1', AddEndpointRequest.port('s1', 8080, 'gradio')) } | 'POST' | '/v1/projects/p1/endpoints'                     | [name: 'gradio', ports: ['8080'], cloudspace: [cloudspaceId: 's1', port: '8080', type: 'ENDPOINT_PLUGIN_PORT']] | 'create-endpoint.json' | { it.studioId() == '01jf2a7c1d8e9f0g1h2j' && it.portNumber() == 8080 && it.type() == EndpointType.PLUGIN_PORT && it.urls()[0].startsWith('https://8080-') }
        'list endpoints'    | { LightningApi a -> a.endpoints('p1', 's1') }                                         | 'GET'    | '/v1/projects/p1/endpoints?cloudspaceId=s1'      | null                                                                                                    | 'list-endpoints.json'    | { it*.portNumber() == [8080, 9000] && it*.type() == [EndpointType.PLUGIN_PORT, EndpointType.UNKNOWN] && it*.studioId().unique() == ['01jf2a7c1d8e9f0g1h2j'] }
        'start'             | { LightningApi a -> a.start('p1', 's1', new ComputeConfig('lit-h100-8', false, 10800L)) } | 'POST' | CS + '/s1/start'                               | [computeConfig: [name: 'lit-h100-8', spot: false, requestedRunDurationSeconds: '10800']]                | 'start.json'             | { it == null }
        'memberships'       | { LightningApi a -> a.memberships() }                                                 | 'GET'    | '/v1/memberships?filterByUserId=true'            | null                                                                                                    | 'memberships.json'       | { it*.projectId() == ['01hq8w0z3t5y6u7i8o9p'] && it[0].ownedByOrganization() && it[0].isDefault() == false }
    }

    def "the update sends back every field of the live update body the Studio has, with the one change"() {
        expect:
        Json.mapper().readValue(Json.mapper().writeValueAsString(renamed()), Map) == fullUpdate()
    }

    def "the reference's sleep config, fork and execute names are not sent"() {
        when:
        def bodies = [new SleepConfigRequest(true, 600L, null), new ForkRequest('c', 'p', null), ExecuteRequest.detached('x')]
                .collect { Json.mapper().writeValueAsString(it) }

        then:
        bodies.every { !it.contains('code_config') && !it.contains('new_name') && !it.contains('project_id') && !it.contains('"session"') }
    }

    static UpdateCloudSpaceRequest renamed() {
        CloudSpace studio = Json.mapper().readValue(live('get-cloudspace.json'), CloudSpace)
        UpdateCloudSpaceRequest.of(studio).withDisplayName('LLM finetune v2')
    }

    static Map fullUpdate() {
        [displayName: 'LLM finetune v2',
         env: [[name: 'HF_HOME', value: '/teamspace/studios/this_studio/.cache', fromSecret: false],
               [name: 'WANDB_API_KEY', value: '', fromSecret: true]],
         description: 'Finetuning runs for the Q4 release',
         tags: [[id: '01tag00000000000000a', name: 'llm', internal: false], [id: '01tag00000000000000b', name: 'q4', internal: false]],
         userMetadata: '{"owner":"nlp","ticket":"ML-4411"}',
         isFavorite: true,
         switchToDefaultMachineOnIdle: true,
         dataConnectionMounts: [[dataConnectionId: '01dc00000000000000aa', mountPath: '/teamspace/s3_connections/datasets']],
         hideFiles: false,
         license: 'apache-2.0']
    }

    static Map readStream(LightningApi a) {
        def outputs = [], exits = [], positions = []
        a.executeStream('p1', 's1', 'x1', null).withCloseable { s ->
            def e
            while ((e = s.next()) != null) {
                outputs << e.output()
                exits << e.exitCode()
                positions << s.position()
            }
        }
        [outputs: outputs, exits: exits, positions: positions]
    }
}
