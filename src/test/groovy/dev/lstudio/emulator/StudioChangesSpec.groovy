package dev.lstudio.emulator

import java.nio.file.Files
import java.time.Duration

/** update, fork and delete. */
class StudioChangesSpec extends WithEmulator {
    @Override
    Emulator.Builder configure(Emulator.Builder b) {
        b.teamspace('home').teamspace('other').forkDelay(Duration.ofSeconds(1))
    }

    def "update changes only the fields it is given"() {
        given:
        def s = api.create('chg-partial', [display_name: 'Before'])
        api.ok('PUT', api.path(s), [code_config: [env_vars: [[name: 'KEEP', value: 'me']], idle_shutdown_seconds: 600]])

        when:
        def after = api.ok('PUT', api.path(s), [displayName: 'After'])

        then:
        after.displayName == 'After'
        after.codeConfig.envVars == [[name: 'KEEP', value: 'me']]
        after.codeConfig.idleShutdownSeconds == 600
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
        api.ok('PUT', api.path(s), [code_config: [env_vars: [[name: 'FROM', value: 'source']]]])

        when:
        def f = api.ok('PUT', api.path(s, 'fork'), [new_name: 'chg-fork'])

        then:
        f.name == 'chg-fork'
        f.projectId == s.projectId
        f.state == 'CLOUD_SPACE_STATE_INITIAL_SYNC_IN_PROGRESS'
        f.codeConfig.envVars == [[name: 'FROM', value: 'source']]
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
