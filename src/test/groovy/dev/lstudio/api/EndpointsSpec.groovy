package dev.lstudio.api

import spock.lang.Unroll

import java.lang.reflect.Modifier

/** Every endpoint of the reference: the request as recorded by the server, and the answer as parsed. */
class EndpointsSpec extends MockApiSpec {
    static final String CS = '/v1/projects/p1/cloudspaces'
    static final String STUDIO = '{"id":"s1","name":"my-studio","displayName":"My Studio","clusterId":"lightning-cloud",' +
            '"codeStatus":{"inUse":{"phase":"CLOUD_SPACE_INSTANCE_STATE_RUNNING","cloudSpaceInstanceId":"i1"}},' +
            '"createdAt":"2024-01-15T10:00:00Z"}'

    @Unroll
    def "#endpoint sends #method #path with credentials and reads the answer"() {
        given:
        reply(200, response)

        when:
        def result = call(api)
        def request = taken()

        then:
        request.method == method
        request.path == path
        request.getHeader('Authorization') == BASIC
        json(request) == body
        check(result)

        where:
        endpoint            | call                                                                            | method   | path                                                               | body                                                                                                                                                                     | response                                                                                                                                     | check
        'memberships'       | { LightningApi a -> a.memberships() }                                           | 'GET'    | '/v1/memberships?filterByUserId=true'                              | null                                                                                                                                                                     | '{"memberships":[{"projectId":"p1","name":"team","displayName":"Team","ownerId":"u1","ownerType":"USER","isDefault":true}]}'               | { it[0].projectId() == 'p1' && it[0].name() == 'team' && !it[0].ownedByOrganization() && it[0].isDefault() }
        'auth user'         | { LightningApi a -> a.currentUser() }                                           | 'GET'    | '/v1/auth/user'                                                    | null                                                                                                                                                                     | '{"id":"u1","username":"jo","email":"jo@example.com"}'                                                                                       | { it.id() == 'u1' && it.username() == 'jo' }
        'whoami'            | { LightningApi a -> a.whoami() }                                                | 'GET'    | '/v1/auth/whoami'                                                  | null                                                                                                                                                                     | '{"userId":"u1","username":"jo"}'                                                                                                            | { it.id() == 'u1' && it.username() == 'jo' }
        'list, all filters' | { LightningApi a -> a.listCloudspaces('p1', allFilters(), 'tok') }               | 'GET'    | CS + '?userId=u1&name=s&clusterId=c&pageToken=tok&limit=5&activeOnly=true&isFavorite=false' | null                                                                                                                              | '{"cloudspaces":[' + STUDIO + '],"nextPageToken":"n2"}'                                                                                      | { it.cloudspaces()[0].phase() == InstancePhase.RUNNING && it.nextPageToken() == 'n2' }
        'list, user only'   | { LightningApi a -> a.listCloudspaces('p1', CloudSpaceQuery.forUser('u1'), null) } | 'GET' | CS + '?userId=u1'                                                  | null                                                                                                                                                                     | '{}'                                                                                                                                         | { it.cloudspaces().isEmpty() && it.nextPageToken() == null }
        'get'               | { LightningApi a -> a.getCloudspace('p1', 's1') }                               | 'GET'    | CS + '/s1'                                                         | null                                                                                                                                                                     | STUDIO                                                                                                                                       | { it.displayName() == 'My Studio' && it.clusterId() == 'lightning-cloud' }
        'get by name'       | { LightningApi a -> a.getCloudspaceByName('jo', 'team', 'my-studio') }          | 'GET'    | '/v1/users/jo/projects/team/cloudspaces/my-studio/getbyname'       | null                                                                                                                                                                     | STUDIO                                                                                                                                       | { it.id() == 's1' }
        'create'            | { LightningApi a -> a.createCloudspace('p1', createRequest()) }                 | 'POST'   | CS | [name: 'my-new-studio', displayName: 'My New Studio', clusterId: 'lightning-cloud', seedFiles: [[path: 'main.py', contents: "print('hi')\n"]], disableSecrets: false] | STUDIO | { it.id() == 's1' }
        'runs'              | { LightningApi a -> a.createRun('p1', 's1', CreateRunRequest.localSource('c1')) } | 'POST' | CS + '/s1/runs' | [clusterId: 'c1', localSource: true] | '{"id":"run-1","name":"run","cloudSpaceId":"s1"}' | { it.id() == 'run-1' }
        'start'             | { LightningApi a -> a.start('p1', 's1', new ComputeConfig('cpu-4', false, 10800)) } | 'POST' | CS + '/s1/start' | [computeConfig: [name: 'cpu-4', spot: false, requestedRunDurationSeconds: '10800']] | '{}' | { it == null }
        'stop'              | { LightningApi a -> a.stop('p1', 's1') }                                        | 'POST'   | CS + '/s1/stop'                                                    | null                                                                                                                                                                     | '{}'                                                                                                                                         | { it == null }
        'codestatus'        | { LightningApi a -> a.codeStatus('p1', 's1') }                                  | 'GET'    | CS + '/s1/codestatus'                                              | null                                                                                                                                                                     | '{"in_use":{"phase":"CLOUD_SPACE_INSTANCE_STATE_RUNNING","cloud_space_instance_id":"inst-abc123","startup_status":{"initial_restore_finished":true,"top_up_restore_finished":true}},"requested":null}' | { it.inUse().phase() == InstancePhase.RUNNING && it.inUse().topUpRestoreFinished() && it.requested() == null }
        'switch machine'    | { LightningApi a -> a.switchMachine('p1', 's1', new ComputeConfig('lit-a100-1', false, null)) } | 'PUT' | CS + '/s1/codeconfig' | [computeConfig: [name: 'lit-a100-1', spot: false]] | '{}' | { it == null }
        'switch confirm'    | { LightningApi a -> a.confirmSwitch('p1', 's1') }                               | 'POST'   | CS + '/s1/switch-confirm'                                          | null                                                                                                                                                                     | '{}'                                                                                                                                         | { it == null }
        'switch cancel'     | { LightningApi a -> a.cancelSwitch('p1', 's1') }                                | 'POST'   | CS + '/s1/switch-cancel'                                           | null                                                                                                                                                                     | '{}'                                                                                                                                         | { it == null }
        'execute'           | { LightningApi a -> a.execute('p1', 's1', ExecuteRequest.detached('echo hello', 'sess')) } | 'POST' | CS + '/s1/execute' | [command: 'echo hello', detached: true, sessionName: 'sess'] | '{"output":"hello\\n","exit_code":0,"session":"session-id-abc123"}' | { it.output() == 'hello\n' && it.exitCode() == 0 && it.session() == 'session-id-abc123' && it.finished() }
        'execute detached'  | { LightningApi a -> a.execute('p1', 's1', ExecuteRequest.detached('sleep 9')) } | 'POST'   | CS + '/s1/execute'                                                 | [command: 'sleep 9', detached: true]                                                                                                                                     | '{"output":"","exitCode":-1,"sessionName":"x1"}'                                                                                             | { it.session() == 'x1' && !it.finished() }
        'execute poll'      | { LightningApi a -> a.executeOutput('p1', 's1', 'x1') }                         | 'GET'    | CS + '/s1/execute/x1'                                              | null                                                                                                                                                                     | '{"output":"a\\nb\\n","exitCode":0}'                                                                                                         | { it.output() == 'a\nb\n' && it.exitCode() == 0 }
        'execute stream'    | { LightningApi a -> a.executeStream('p1', 's1', 'x1', null).withCloseable { s -> s.next() } } | 'GET' | CS + '/s1/execute/x1/stream'                      | null                                                                                                                                                                     | '{"result":{"output":"hi","exitCode":-1}}\n'                                                                                                 | { it.output() == 'hi' && !it.finished() }
        'delete'            | { LightningApi a -> a.deleteCloudspace('p1', 's1') }                            | 'DELETE' | CS + '/s1'                                                         | null                                                                                                                                                                     | '{}'                                                                                                                                         | { it == null }
        'update'            | { LightningApi a -> a.updateCloudspace('p1', 's1', updateRequest()) }           | 'PUT'    | CS + '/s1' | [displayName: 'New Studio Name', env: [[name: 'MY_VAR', value: 'my-value']]] | STUDIO | { it.name() == 'my-studio' }
        'sleepconfig'       | { LightningApi a -> a.sleepConfig('p1', 's1', new SleepConfigRequest(false, 3600, null)) } | 'PUT' | CS + '/s1/sleepconfig' | [disableAutoShutdown: false, idleShutdownSeconds: 3600] | '{}' | { it == null }
        'fork'              | { LightningApi a -> a.fork('p1', 's1', new ForkRequest('my-studio-copy', 'p2', 'c1')) } | 'PUT' | CS + '/s1/fork' | [newName: 'my-studio-copy', targetProjectId: 'p2', targetClusterId: 'c1'] | '{"id":"s2","name":"my-studio-copy","state":"CLOUD_SPACE_STATE_INITIAL_SYNC_IN_PROGRESS"}' | { it.id() == 's2' && it.state() == CloudSpaceState.INITIAL_SYNC_IN_PROGRESS }
        'restart'           | { LightningApi a -> a.restart('p1', 's1') }                                     | 'POST'   | CS + '/s1/restart'                                                 | null                                                                                                                                                                     | '{}'                                                                                                                                         | { it == null }
        'keep-alive'        | { LightningApi a -> a.keepAlive('p1', 's1') }                                   | 'POST'   | CS + '/s1/keep-alive' | [:] | '{}' | { it == null }
        'plugins available' | { LightningApi a -> a.availablePlugins() }                                      | 'GET'    | '/v1/cloudspaces/plugins'                                          | null                                                                                                                                                                     | '{"plugins":[{"pluginId":"jobs","description":"Run async Jobs"}]}'                                                                           | { it*.key() == ['jobs'] }
        'plugins installed' | { LightningApi a -> a.installedPlugins('p1', 's1') }                            | 'GET'    | CS + '/s1/plugins'                                                 | null                                                                                                                                                                     | '{"plugins":{"custom-port":{"state":"installed"}}}'                                                                                          | { it*.key() == ['custom-port'] && it[0].state() == 'installed' }
        'plugin install'    | { LightningApi a -> a.installPlugin('p1', 's1', 'jobs') }                       | 'POST'   | CS + '/s1/plugins/jobs'                                            | null                                                                                                                                                                     | '{"pluginId":"jobs","state":"installed"}'                                                                                                    | { it.key() == 'jobs' }
        'plugin uninstall'  | { LightningApi a -> a.uninstallPlugin('p1', 's1', 'jobs') }                     | 'DELETE' | CS + '/s1/plugins/jobs' | null | '{"pluginId":"jobs","state":"uninstallation_success","error":""}' | { it.succeeded() }
        'plugin execute'    | { LightningApi a -> a.executePlugin('p1', 's1', 'jobs') }                       | 'POST'   | CS + '/s1/plugins/jobs/execute'                                    | null                                                                                                                                                                     | '{"pluginId":"jobs","additionalInfo":"ok"}'                                                                                                  | { it.additionalInfo() == 'ok' }
        'endpoint add'      | { LightningApi a -> a.addEndpoint('p1', AddEndpointRequest.port('s1', 8080, 'my-app')) } | 'POST' | '/v1/projects/p1/endpoints' | [name: 'my-app', ports: ['8080'], cloudspace: [cloudspaceId: 's1', port: '8080', type: 'ENDPOINT_PLUGIN_PORT']] | '{"id":"e1","name":"my-app","port":8080,"endpointType":"V1_ENDPOINT_TYPE_PRIVATE"}' | { it.id() == 'e1' && it.type() == EndpointType.PRIVATE && it.portNumber() == 8080 }
        'endpoints list'    | { LightningApi a -> a.endpoints('p1') }                                         | 'GET'    | '/v1/projects/p1/endpoints'                                        | null                                                                                                                                                                     | '{"endpoints":[{"id":"e1","ports":["8080"],"urls":["https://x.example"],"endpoint_type":"V1_ENDPOINT_TYPE_PUBLIC"}]}'                       | { it[0].ports() == ['8080'] && it[0].endpointType() == EndpointType.PUBLIC }
        'endpoint delete'   | { LightningApi a -> a.deleteEndpoint('p1', 'e1') }                              | 'DELETE' | '/v1/projects/p1/endpoints/e1'                                     | null                                                                                                                                                                     | '{}'                                                                                                                                         | { it == null }
        'open ports'        | { LightningApi a -> a.openPorts('p1', 's1') }                                   | 'GET'    | CS + '/s1/open-ports'                                              | null                                                                                                                                                                     | '{"ports":["8888","6006"]}'                                                                                                                  | { it.ports() == ['8888', '6006'] }
    }

    def "JSON bodies are sent as application/json"() {
        given:
        reply(200, '{}')

        when:
        api.start('p1', 's1', ComputeConfig.of('cpu-4'))

        then:
        taken().getHeader('Content-Type').startsWith('application/json')
    }

    def "every endpoint of the Retrofit interface has a facade method"() {
        expect: 'the facade has at least as many public calls as the interface has endpoints'
        def endpoints = StudiosService.declaredMethods.findAll { !it.synthetic }*.name as Set
        def facade = LightningApi.declaredMethods.findAll { Modifier.isPublic(it.modifiers) }*.name as Set
        endpoints.size() == 32
        endpoints.findAll { !(it in facade) } == [] as Set
    }

    static CloudSpaceQuery allFilters() {
        CloudSpaceQuery.forUser('u1').withName('s').withClusterId('c').withLimit(5).withActiveOnly(true).withFavorite(false)
    }

    static CreateCloudSpaceRequest createRequest() {
        new CreateCloudSpaceRequest('my-new-studio', 'My New Studio', 'lightning-cloud',
                [new SeedFile('main.py', "print('hi')\n")], null, false, null)
    }

    static UpdateCloudSpaceRequest updateRequest() {
        new UpdateCloudSpaceRequest('New Studio Name', [new EnvVar('MY_VAR', 'my-value')], null, null, null, null, null, null)
    }
}
