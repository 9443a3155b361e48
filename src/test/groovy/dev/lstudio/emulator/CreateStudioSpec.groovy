package dev.lstudio.emulator

import dev.lstudio.testing.EmulatorFixture
import java.nio.file.Files
import java.time.Duration

class CreateStudioSpec extends WithEmulator {
    def "the name '#name' is refused with a 400 that says what a name may hold"() {
        when:
        def r = api.post(api.studios(), [name: name])

        then:
        r.status == 400
        r.json.code == 3
        r.json.message.contains('lowercase')

        where:
        name << ['My-Studio', 'my studio', 'my_studio', '-leading', 'trailing-', 'a/b', 'x' * 65, '']
    }

    def "the name '#name' is accepted"() {
        expect:
        api.post(api.studios(), [name: name]).status == 200

        where:
        name << ['a', 'my-studio', 'studio-2', '42', 'x' * 64]
    }

    def "a missing name is a 400"() {
        expect:
        api.post(api.studios(), [display_name: 'No Name']).status == 400
    }

    def "a second studio with the same name is a 409 ALREADY_EXISTS"() {
        given:
        api.create('twice')

        when:
        def r = api.post(api.studios(), [name: 'twice'])

        then:
        r.status == 409
        r.json.code == 6
        r.json.message.contains('twice')
    }

    def "the same name may be used in another teamspace"() {
        given:
        def two = EmulatorFixture.start(strict: false, teamspaces: ['one', 'two']).emu
        def api2 = new Api(two)

        expect:
        api2.create('shared-name', [:], api2.projectId(0))
        api2.create('shared-name', [:], api2.projectId(1))

        cleanup:
        two.close()
    }

    def "display name and cluster default to the name and the teamspace cluster"() {
        expect:
        with(api.create('defaults')) {
            displayName == 'defaults'
            clusterId == 'lightning-cloud'
        }
    }

    def "camelCase request fields are read as well as snake_case"() {
        expect:
        with(api.create('camel', [displayName: 'Camel Case', clusterId: 'c-1', disableSecrets: true])) {
            displayName == 'Camel Case'
            clusterId == 'c-1'
            disableSecrets == true
        }
    }

    def "seed files are written into the studio's directory, and commands see them"() {
        given:
        def s = api.create('seeded', [seed_files: [[path: 'main.py', contents: "print('Hello, Lightning World!')\n"],
                                                  [path: 'pkg/util.txt', contents: 'nested']]])

        expect:
        Files.readString(state.resolve("studios/${s.id}/main.py")) == "print('Hello, Lightning World!')\n"
        Files.readString(state.resolve("studios/${s.id}/pkg/util.txt")) == 'nested'

        when:
        api.startAndWait(s)

        then:
        api.exec(s, 'python3 main.py && cat pkg/util.txt').output == 'Hello, Lightning World!\nnested'
    }

    def "a seed file path that leaves the studio is refused and nothing is created"() {
        when:
        def r = api.post(api.studios(), [name: 'escape', seed_files: [[path: path, contents: 'x']]])

        then:
        r.status == 400
        api.ok('GET', "${api.studios()}?userId=${emu.userId()}&name=escape").cloudspaces == []

        where:
        path << ['../outside.txt', '/etc/owned', 'a/../../b']
    }

    def "a body that is not JSON is a 400"() {
        expect:
        with(api.call('POST', api.studios(), '{"name": ')) {
            status == 400
            json.message.contains('not valid JSON')
        }
    }
}
