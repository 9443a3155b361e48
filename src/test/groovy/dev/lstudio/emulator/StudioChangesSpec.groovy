package dev.lstudio.emulator

import java.nio.file.Files
import java.time.Duration

/** update, fork and delete. */
class StudioChangesSpec extends WithEmulator {
    @Override
    Map<String, ?> settings() {
        [teamspaces: ['home', 'other'], forkDelay: Duration.ofSeconds(1)]
    }

    def "update is a full replace: what the body leaves out is reset"() {
        given:
        def s = api.create('chg-replace', [display_name: 'Before'])
        api.ok('PUT', api.path(s), [displayName: 'Before', description: 'kept?', userMetadata: '{"a":1}',
                                    isFavorite: true, env: [[name: 'KEEP', value: 'me']],
                                    tags: [[id: 't1', name: 'team', internal: false]], switchToDefaultMachineOnIdle: true])

        when:
        def after = api.ok('PUT', api.path(s), [displayName: 'After'])

        then:
        after.displayName == 'After'
        after.description == ''
        after.userMetadata == ''
        after.isFavorite == false
        after.env == []
        after.tags == []
        after.switchToDefaultMachineOnIdle == false

        and: 'a body without displayName gives the Studio its name back as display name'
        api.ok('PUT', api.path(s), [:]).displayName == 'chg-replace'
    }

    def "env, userMetadata and tags come back exactly as sent"() {
        given:
        def s = api.create('chg-roundtrip')
        def env = [[name: 'TOKEN', value: 'from-vault', fromSecret: true], [name: 'MODE', value: 'a=b c', fromSecret: false]]
        def tags = [[id: 'tag-1', name: 'experiment', internal: false], [id: 'tag-2', name: 'sys', internal: true]]
        String metadata = '{"owner": "ml", "n": [1, 2]}'

        when:
        api.ok('PUT', api.path(s), [displayName: 'Round', env: env, userMetadata: metadata, tags: tags])
        def got = api.ok('GET', api.path(s))

        then:
        got.env == env
        got.userMetadata == metadata
        got.tags == tags
        !got.codeConfig.containsKey('envVars')
    }

    def "the reference's code_config update is still taken: env_vars become env, sleep settings apply"() {
        given:
        def s = api.create('chg-reference')

        when:
        def after = api.ok('PUT', api.path(s), [display_name: 'Ref', code_config: [env_vars: [[name: 'A', value: '1']],
                                                                                  idle_shutdown_seconds: 600]])

        then:
        after.displayName == 'Ref'
        after.env == [[name: 'A', value: '1', fromSecret: false]]
        after.codeConfig.idleShutdownSeconds == 600
    }

    def "sleepconfig is flat and changes only the sleep settings"() {
        given:
        def s = api.create('chg-sleep')
        api.ok('PUT', api.path(s), [displayName: 'Sleepy', env: [[name: 'X', value: 'y']]])

        when:
        def after = api.ok('PUT', api.path(s, 'sleepconfig'), [disableAutoShutdown: true, idleShutdownSeconds: 120,
                                                               switchToDefaultMachineOnIdle: true])

        then:
        after.codeConfig.disableAutoShutdown == true
        after.codeConfig.idleShutdownSeconds == 120
        after.switchToDefaultMachineOnIdle == true
        after.displayName == 'Sleepy'
        after.env == [[name: 'X', value: 'y', fromSecret: false]]
    }

    def "an update with a bad #what is a 400 and changes nothing"() {
        given:
        def s = api.create("chg-bad-${what.replace(' ', '-')}", [display_name: 'Same'])

        when:
        def r = api.put(api.path(s), [display_name: 'Changed', code_config: config])

        then:
        r.status == 400
        api.ok('GET', api.path(s)).displayName == 'Same'

        where:
        what                  | config
        'env var name'        | [env_vars: [[name: '1BAD', value: 'x']]]
        'idle time'           | [idle_shutdown_seconds: -1]
        'default machine'     | [compute_config: [name: 'cpu-3']]
    }

    def "env vars set by update replace the old ones and reach commands"() {
        given:
        def s = api.create('chg-env')
        api.ok('PUT', api.path(s), [code_config: [env_vars: [[name: 'OLD', value: 'x']]]])
        api.ok('PUT', api.path(s), [code_config: [env_vars: [[name: 'MY_VAR', value: 'my value']]]])
        api.startAndWait(s)

        expect:
        api.exec(s, 'echo "$MY_VAR|${OLD:-unset}"').output == 'my value|unset\n'
    }

    def "a fork copies files and settings, syncs, then is READY and can start"() {
        given:
        def s = api.create('chg-src', [seed_files: [[path: 'data/a.txt', contents: 'alpha']]])
        api.ok('PUT', api.path(s), [displayName: 'Source', env: [[name: 'FROM', value: 'source']]])

        when:
        def f = api.ok('PUT', api.path(s, 'fork'), [newName: 'chg-fork', targetProjectId: s.projectId])

        then:
        f.name == 'chg-fork'
        f.projectId == s.projectId
        f.state == 'CLOUD_SPACE_STATE_INITIAL_SYNC_IN_PROGRESS'
        f.env == [[name: 'FROM', value: 'source', fromSecret: false]]
        f.codeStatus.inUse == null
        Files.readString(state.resolve("studios/${f.id}/data/a.txt")) == 'alpha'

        when: 'it is started while still syncing'
        def early = api.post(api.path(f, 'start'), [compute_config: [name: 'cpu-4']])

        then:
        early.status == 409
        early.json.message.contains('CLOUD_SPACE_STATE_READY')

        when:
        Api.waitFor('the fork to be READY') { api.ok('GET', api.path(f)).state == 'CLOUD_SPACE_STATE_READY' }
        api.startAndWait(f)

        then:
        api.exec(f, 'cat data/a.txt; echo " $FROM"').output == 'alpha source\n'
    }

    def "a fork without a new name is called <name>-copy, then <name>-copy-2"() {
        given:
        def s = api.create('chg-auto')

        expect:
        api.ok('PUT', api.path(s, 'fork'), [:]).name == 'chg-auto-copy'
        api.ok('PUT', api.path(s, 'fork'), [:]).name == 'chg-auto-copy-2'
    }

    def "a fork may go to another teamspace and a machine of its own"() {
        given:
        def s = api.create('chg-cross')
        def other = api.projectId(1)

        when:
        def f = api.ok('PUT', api.path(s, 'fork'), [project_id: other, new_name: 'chg-cross', compute_config: [name: 'lit-l4-1']])

        then:
        f.projectId == other
        f.codeConfig.computeConfig.name == 'lit-l4-1'
        api.ok('GET', "v1/projects/$other/cloudspaces/$f.id").name == 'chg-cross'
    }

    def "a fork #what is refused with #status"() {
        given:
        def s = api.create("chg-fork-bad-$status")
        if (!api.ok('GET', "${api.studios()}?userId=${emu.userId()}&name=chg-taken").cloudspaces) {
            api.create('chg-taken')
        }

        expect:
        api.put(api.path(s, 'fork'), body).status == status

        where:
        what                          | body                                  || status
        'to a taken name'             | [new_name: 'chg-taken']               || 409
        'to a name that is not valid' | [new_name: 'Not Valid']               || 400
        'to an unknown project'       | [project_id: 'nope']                  || 404
    }

    def "delete stops a running studio, ends its commands and removes its files"() {
        given:
        def s = api.create('chg-delete', [seed_files: [[path: 'f.txt', contents: 'x']]])
        api.startAndWait(s)
        def r = api.exec(s, 'sleep 60', [detached: true])
        def dir = state.resolve("studios/${s.id}")

        expect:
        Files.exists(dir)

        when:
        api.ok('DELETE', api.path(s))

        then:
        !Files.exists(dir)
        api.get(api.path(s)).status == 404
        api.get(api.path(s, "execute/$r.session")).status == 404
        api.admin('studios').studios.every { it.id != s.id }
        api.admin('studios').deletedStudiosMachineSeconds > 0
    }

    def "delete also removes the studio's endpoints"() {
        given:
        def s = api.create('chg-delete-ports')
        def p = api.projectId()
        api.ok('POST', "v1/projects/$p/endpoints", [port: 9000, cloudspace_id: s.id])

        when:
        api.ok('DELETE', api.path(s))

        then:
        api.ok('GET', "v1/projects/$p/endpoints").endpoints.every { it.cloudspaceId != s.id }
    }
}
