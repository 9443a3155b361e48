package dev.lstudio.emulator

import dev.lstudio.testing.EmulatorFixture
import groovy.json.JsonSlurper
import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import spock.lang.Specification
import spock.lang.TempDir

/** With a state directory, a restarted emulator has everything it had; nothing runs across a restart. */
class PersistenceSpec extends Specification {
    @TempDir
    Path state

    Emulator open(Map opts = [:]) {
        EmulatorFixture.start([strict: false, stateDir: state] + opts).emu
    }

    def "a restart brings back every studio, file and setting, with the same credentials and project ids"() {
        given:
        def first = open()
        def api = new Api(first)
        def project = api.projectId()
        def s = api.create('keep-me', [display_name: 'Keep Me', seed_files: [[path: 'src/app.py', contents: 'print(42)\n']]])
        api.ok('PUT', api.path(s), [displayName: 'Keep Me', isFavorite: true, env: [[name: 'X', value: 'y']],
                                    userMetadata: 'meta', tags: [[id: 't', name: 'n', internal: false]]])
        api.ok('PUT', api.path(s, 'sleepconfig'), [idleShutdownSeconds: 900, disableAutoShutdown: true])
        api.ok('POST', api.path(s, 'plugins/jobs'))
        def endpoint = api.ok('POST', "v1/projects/$project/endpoints", [port: 8888, cloudspace_id: s.id])
        api.startAndWait(s, 'lit-t4-1')
        api.exec(s, 'echo made-while-running > later.txt')
        def before = api.ok('GET', api.path(s))
        String user = first.userId()
        String key = first.apiKey()

        when:
        first.close()
        def second = open()
        def api2 = new Api(second)
        def after = api2.ok('GET', api2.path(s))

        then: 'same identity, so old clients keep working'
        second.userId() == user
        second.apiKey() == key
        api2.projectId() == project

        and: 'the studio and its settings'
        List<String> kept = ['id', 'name', 'displayName', 'isFavorite', 'codeConfig', 'createdAt', 'clusterId', 'env',
                             'userMetadata', 'tags']
        after.subMap(kept) == before.subMap(kept)
        after.env == [[name: 'X', value: 'y', fromSecret: false]]
        api2.ok('GET', api2.path(s, 'plugins')).plugins.keySet() as List == ['jobs']
        api2.ok('GET', "v1/projects/$project/endpoints").endpoints*.id == [endpoint.id]

        and: 'it was running, and comes back stopped on the machine it had'
        after.codeStatus.inUse.phase == 'CLOUD_SPACE_INSTANCE_STATE_STOPPED'
        after.codeStatus.inUse.computeConfig.name == 'lit-t4-1'
        api2.admin('studios').studios.find { it.id == s.id }.lastStopReason == 'emulator restarted'
        api2.admin('studios').studios.find { it.id == s.id }.machineSeconds > 0

        and: "the teammate's Studio is not made twice"
        api2.admin('studios').studios*.name.count('shared-box') == 1

        and: 'its files are all there once it starts again'
        api2.startAndWait(s)
        api2.exec(s, 'cat src/app.py later.txt').output == 'print(42)\nmade-while-running\n'

        cleanup:
        second?.close()
    }

    def "every change is on disk before its answer, written whole (no temp file left behind)"() {
        given:
        def emu = open()
        def api = new Api(emu)

        when:
        def s = api.create('on-disk')
        def saved = new JsonSlurper().parse(state.resolve('state.json').toFile())

        then:
        saved.studios*.name == ['shared-box', 'on-disk']
        !Files.exists(state.resolve('state.json.tmp'))

        when:
        api.ok('PUT', api.path(s), [display_name: 'Changed'])

        then:
        new JsonSlurper().parse(state.resolve('state.json').toFile()).studios.find { it.name == 'on-disk' }.displayName == 'Changed'

        cleanup:
        emu?.close()
    }

    def "the state file holding the API key is readable by its owner only"() {
        given:
        def emu = open()
        new Api(emu).create('private')

        expect:
        Files.getPosixFilePermissions(state.resolve('state.json'))*.toString().sort() == ['OWNER_READ', 'OWNER_WRITE']

        cleanup:
        emu?.close()
    }

    def "explicit credentials win over the saved ones"() {
        given:
        open().close()

        when:
        def emu = open(userId: 'someone-new')

        then:
        emu.userId() == 'someone-new'

        cleanup:
        emu?.close()
    }

    def "a corrupt state file (#what) stops the start with a clear error and is left untouched"() {
        given:
        Files.writeString(state.resolve('state.json'), content)

        when:
        open()

        then:
        def e = thrown(IllegalStateException)
        e.message.contains(state.resolve('state.json').toString())
        e.message.contains('corrupt')
        e.message.contains(hint)
        Files.readString(state.resolve('state.json')) == content

        where:
        what                  | content                                                        || hint
        'cut short'           | '{"format": "lstudio-emulator-state/1", "studios": [ {"id":'  || 'line 1'
        'not JSON'            | 'hello world'                                                  || 'Unrecognized token'
        'empty'               | ''                                                             || 'No content'
        'another format'      | '{"format": "something-else", "studios": [], "endpoints": []}' || 'lstudio-emulator-state/1'
        'a studio without id' | '{"format": "lstudio-emulator-state/1", "endpoints": [], "studios": [{"name": "x"}]}' || 'lacks its id'
    }

    def "a second emulator on the same state directory is refused"() {
        given:
        def first = open()

        when:
        open()

        then:
        def e = thrown(IllegalStateException)
        e.message.contains('in use by another emulator')

        cleanup:
        first?.close()
    }
}
