package dev.lstudio.emulator


/** Every endpoint answers in the shape the reference shows: camelCase fields, {} for actions. */
class ResponseShapesSpec extends WithEmulator {
    @Override
    Map<String, ?> settings() {
        [userId: 'user-1', username: 'alice', teamspaces: ['demo', 'acme/research']]
    }

    def "memberships list one camelCase entry per teamspace, the first as default"() {
        when:
        def m = api.ok('GET', 'v1/memberships?filterByUserId=true')

        then:
        m.memberships*.name == ['demo', 'research']
        m.memberships*.isDefault == [true, false]
        m.memberships*.ownerType == ['user', 'organization']
        m.memberships.every { it.projectId && it.displayName && it.ownerId && it.userId == 'user-1' }
        m.memberships*.projectId.unique().size() == 2
    }

    def "auth/user and auth/whoami both name the caller"() {
        expect:
        with(api.ok('GET', path)) {
            id == 'user-1'
            userId == 'user-1'
            username == 'alice'
        }

        where:
        path << ['v1/auth/user', 'v1/auth/whoami']
    }

    def "a created studio comes back with the reference's camelCase fields"() {
        when:
        def s = api.ok('POST', api.studios(), [name: 'shape-one', display_name: 'Shape One', cluster_id: 'my-cluster'])

        then:
        s.id
        s.name == 'shape-one'
        s.displayName == 'Shape One'
        s.clusterId == 'my-cluster'
        s.projectId == api.projectId()
        s.userId == 'user-1'
        s.state == 'CLOUD_SPACE_STATE_READY'
        s.createdAt ==~ /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/
        s.codeStatus.containsKey('inUse') && s.codeStatus.inUse == null
        s.codeConfig.computeConfig.name == 'cpu-4'
        !s.containsKey('display_name')
    }

    def "get, get-by-name and list return the same studio"() {
        given:
        def s = api.create('shape-get')

        expect:
        api.ok('GET', api.path(s)).id == s.id
        with(api.ok('GET', 'v1/users/alice/projects/demo/cloudspaces/shape-get/getbyname')) {
            cloudspace.id == s.id
            cloudspace.name == 'shape-get'
            project.id == s.projectId
            project.name == 'demo'
        }
        with(api.ok('GET', "${api.studios()}?userId=user-1&name=shape-get")) {
            cloudspaces*.id == [s.id]
            nextPageToken == ''
        }
    }

    def "codestatus shows inUse with phase, instance id and startupStatus, and requested as null"() {
        given:
        def s = api.create('shape-status')
        api.startAndWait(s)

        when:
        def r = api.get(api.path(s, 'codestatus'))

        then:
        r.text.contains('"requested":null')
        with(r.json.inUse) {
            phase == 'CLOUD_SPACE_INSTANCE_STATE_RUNNING'
            cloudSpaceInstanceId
            startupStatus == [initialRestoreFinished: true, topUpRestoreFinished: true]
            computeConfig.name == 'cpu-4'
        }
    }

    def "start, stop, restart, keep-alive, switch-confirm and switch-cancel answer {}"() {
        given:
        def s = api.create('shape-actions')

        expect:
        api.ok('POST', api.path(s, 'start'), [compute_config: [name: 'cpu-4', spot: false]]) == [:]
        api.ok('POST', api.path(s, 'keep-alive')) == [:]
        api.ok('POST', api.path(s, 'restart')) == [:]
        api.startAndWait(s)
        api.ok('PUT', api.path(s, 'codeconfig'), [compute_config: [name: 'cpu-8']]).requested.computeConfig.name == 'cpu-8'
        api.ok('POST', api.path(s, 'switch-cancel')) == [:]
        api.ok('PUT', api.path(s, 'codeconfig'), [compute_config: [name: 'cpu-8']])
        api.ok('POST', api.path(s, 'switch-confirm')) == [:]
        api.ok('POST', api.path(s, 'stop')) == [:]
    }

    def "the synchronous execute answers output, exitCode and sessionName in camelCase only"() {
        given:
        def s = api.create('shape-exec')
        api.startAndWait(s)

        when:
        def r = api.exec(s, 'echo hello')

        then:
        r == [output: 'hello\n', exitCode: 0, sessionName: r.sessionName]
        r.sessionName

        and: 'the session endpoint answers all output and the exit code'
        api.ok('GET', api.path(s, "execute/${r.sessionName}")) == [output: 'hello\n', exitCode: 0]
    }

    def "update, sleepconfig and fork answer the studio"() {
        given:
        def s = api.create('shape-update')

        expect:
        with(api.ok('PUT', api.path(s), [displayName: 'Renamed', env: [[name: 'A', value: '1']]])) {
            displayName == 'Renamed'
            env == [[name: 'A', value: '1', fromSecret: false]]
            !codeConfig.containsKey('envVars')
        }
        with(api.ok('PUT', api.path(s, 'sleepconfig'), [disableAutoShutdown: true, idleShutdownSeconds: 60])) {
            codeConfig.disableAutoShutdown == true
            codeConfig.idleShutdownSeconds == 60
        }
        with(api.ok('PUT', api.path(s, 'fork'), [newName: 'shape-update-copy'])) {
            name == 'shape-update-copy'
            id != s.id
            state in ['CLOUD_SPACE_STATE_READY', 'CLOUD_SPACE_STATE_INITIAL_SYNC_IN_PROGRESS']
        }
    }

    def "runs answer a run for the studio"() {
        given:
        def s = api.create('shape-runs')

        expect:
        with(api.ok('POST', api.path(s, 'runs'), [clusterId: 'lightning-cloud', localSource: true])) {
            id
            cloudspaceId == s.id
            clusterId == 'lightning-cloud'
            localSource == true
        }
    }

    def "plugins: the catalogue is a map of name to description, and install, list and uninstall work"() {
        given:
        def s = api.create('shape-plugins')

        expect:
        api.ok('GET', 'v1/cloudspaces/plugins').plugins.keySet() ==
                ['jobs', 'multi-machine-training', 'inference-server', 'custom-port'] as Set
        api.ok('GET', 'v1/cloudspaces/plugins').plugins.jobs == 'Run async Jobs from the Studio'
        api.ok('POST', api.path(s, 'plugins/jobs')).state == 'installation_success'
        api.ok('GET', api.path(s, 'plugins')).plugins == [jobs: 'Run async Jobs from the Studio']
        api.ok('DELETE', api.path(s, 'plugins/jobs')).state == 'uninstallation_success'
        api.ok('GET', api.path(s, 'plugins')).plugins == [:]
    }

    def "endpoints: add, list and delete an exposed port, nested as live"() {
        given:
        def s = api.create('shape-ports')
        def p = api.projectId()

        when:
        def e = api.ok('POST', "v1/projects/$p/endpoints", [name: 'my-app', ports: ['8080'],
                cloudspace: [cloudspaceId: s.id, port: '8080', type: 'ENDPOINT_PLUGIN_PORT', autoStart: false]])

        then:
        e.id
        e.name == 'my-app'
        e.ports == ['8080']
        e.urls == ['http://127.0.0.1:8080']
        e.cloudspace == [cloudspaceId: s.id, port: '8080', type: 'ENDPOINT_PLUGIN_PORT']
        e.projectId == p
        e.userId == 'user-1'
        e.createdAt
        api.ok('GET', "v1/projects/$p/endpoints").endpoints*.id.contains(e.id)
        api.ok('DELETE', "v1/projects/$p/endpoints/$e.id") == [:]
        !api.ok('GET', "v1/projects/$p/endpoints").endpoints*.id.contains(e.id)
        api.call('DELETE', "v1/projects/$p/endpoints/$e.id").status == 404
    }

    def "the reference's flat endpoint body is still taken, and answered in the live form"() {
        given:
        def s = api.create('shape-ports-flat')
        def p = api.projectId()

        when:
        def e = api.ok('POST', "v1/projects/$p/endpoints", [port: 8081, name: 'flat', cloudspace_id: s.id,
                                                             endpoint_type: 'V1_ENDPOINT_TYPE_PRIVATE'])

        then:
        e.ports == ['8081']
        e.cloudspace == [cloudspaceId: s.id, port: '8081', type: 'ENDPOINT_PLUGIN_PORT']
    }

    def "endpoints are listed per Studio with ?cloudspaceId="() {
        given:
        def p = api.projectId()
        def one = api.create('shape-ep-one')
        def two = api.create('shape-ep-two')
        [one, two].eachWithIndex { s, i ->
            api.ok('POST', "v1/projects/$p/endpoints", [name: "ep-$i", ports: ["${9000 + i}"],
                    cloudspace: [cloudspaceId: s.id, port: "${9000 + i}", type: 'ENDPOINT_PLUGIN_PORT']])
        }

        expect:
        api.ok('GET', "v1/projects/$p/endpoints?cloudspaceId=$two.id").endpoints*.name == ['ep-1']
        api.ok('GET', "v1/projects/$p/endpoints?cloudspaceId=$one.id").endpoints*.cloudspace*.port == ['9000']
    }

    def "open-ports lists the ports the studio's processes listen on"() {
        given:
        def s = api.create('shape-open-ports')
        api.startAndWait(s)
        int port = new ServerSocket(0).withCloseable { it.localPort }

        expect:
        api.ok('GET', api.path(s, 'open-ports')).ports == []

        when:
        api.exec(s, "python3 -m http.server $port --bind 127.0.0.1 >/dev/null 2>&1 &")

        then:
        Api.waitFor('the server to listen') { api.ok('GET', api.path(s, 'open-ports')).ports == [port] }

        cleanup:
        api.ok('POST', api.path(s, 'stop'))
    }

    def "delete answers {} and the studio is gone"() {
        given:
        def s = api.create('shape-delete')

        expect:
        api.ok('DELETE', api.path(s)) == [:]
        api.call('GET', api.path(s)).status == 404
    }

    def "errors are gRPC status bodies with the matching HTTP status"() {
        when:
        def r = api.get("v1/projects/${api.projectId()}/cloudspaces/no-such-id")

        then:
        r.status == 404
        r.json.keySet() == ['code', 'message', 'details'] as Set
        r.json.code == 5
        r.json.details == []
        r.json.message.contains('no-such-id')
    }

    def "an unknown path is a 404 and a wrong method a 405 naming the right one"() {
        expect:
        api.call('GET', 'v1/nothing/here').status == 404
        with(api.call('DELETE', 'v1/memberships')) {
            status == 405
            json.message.contains('GET')
        }
    }
}
