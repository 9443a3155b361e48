package dev.lstudio.emulator

import dev.lstudio.testing.EmulatorFixture
import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import java.util.concurrent.TimeUnit
import spock.lang.Requires
import spock.lang.Specification
import spock.lang.TempDir

/**
 * The reference's own examples, run unchanged against the emulator apart from the base URL (and
 * the Python example's three placeholders). Copies live in test resources, each curl block
 * verbatim; lines ending in "# glue" are ours (section markers, the ids the examples assume).
 */
class ReferenceExamplesSpec extends Specification {
    static final String LIVE = 'https://lightning.ai'

    @TempDir
    Path work

    static String resource(String name) {
        ReferenceExamplesSpec.getResource("reference/$name").getText('UTF-8')
    }

    /** studios-api.md where the team keeps it: ../shared beside the checkout, or /work/shared. */
    static Path reference() {
        [Path.of('..', 'shared', 'reference', 'studios-api.md'), Path.of('/work/shared/reference/studios-api.md')]
                .find { Files.isRegularFile(it) }
    }

    static boolean works(String... command) {
        try {
            def p = new ProcessBuilder(command).redirectErrorStream(true).start()
            p.inputStream.text
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0
        } catch (IOException ignored) {
            return false
        }
    }

    static boolean pythonWithRequests() { works('python3', '-c', 'import requests') }

    static boolean curlAndJq() { works('/usr/bin/curl', '--version') && works('jq', '--version') }

    static Map<String, String> sections(String output) {
        Map<String, String> out = [:]
        String current = null
        output.eachLine { line ->
            if (line.startsWith('=== ')) {
                current = line.substring(4)
                out[current] = ''
            } else if (current) {
                out[current] += line + '\n'
            }
        }
        out
    }

    String run(List<String> command, Map<String, String> env) {
        def pb = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
        pb.environment().putAll(env)
        def p = pb.start()
        String out = p.inputStream.getText('UTF-8')
        assert p.waitFor(120, TimeUnit.SECONDS)
        assert p.exitValue() == 0: out
        out
    }

    @Requires(value = { ReferenceExamplesSpec.curlAndJq() }, reason = 'the curl examples need /usr/bin/curl and jq')
    def "the reference's curl examples work against the emulator"() {
        given: 'a user and teamspace named as the examples name them'
        def emu = EmulatorFixture.start(strict: false, username: 'johndoe', teamspaces: ['my-team']).emu
        Path script = work.resolve('examples.sh')
        Files.writeString(script, resource('curl-examples.sh').replace(LIVE, emu.baseUrl().replaceFirst('/$', '')))

        when:
        def out = sections(run(['bash', script.toString()],
                [LIGHTNING_USER_ID: emu.userId(), LIGHTNING_API_KEY: emu.apiKey()]))

        then:
        out.memberships.contains('"name": "my-team"')
        out.memberships.contains('"projectId": "')
        out.memberships =~ /project [0-9a-f-]{36}/
        out.create.contains('"name":"my-new-studio"') && out.create.contains('"displayName":"My New Studio"')
        out.list.readLines() == ['"my-new-studio"']
        out.get.contains('"name":"my-new-studio"')
        out.getbyname.contains('"name":"my-studio"')
        out['start-cpu'].trim() == '{}'
        out.execute.contains('"output":"Python 3.') && out.execute.contains('"exitCode":0')
        out.stop.trim() == '{}'
        out['start-gpu'].readLines() == ['{}', 'lit-a100-1']
        out.delete.trim() == '{}'

        and: 'the reference reads .in_use from codestatus while its own note says responses are camelCase: we answer camelCase'
        out.codestatus.trim() == 'null'

        and: 'nothing was left running'
        new Api(emu).admin('studios').activeCount == 0

        cleanup:
        emu?.close()
    }

    @Requires(value = { ReferenceExamplesSpec.pythonWithRequests() },
            reason = 'the Python example needs python3 with the requests package (apt-get install python3-requests)')
    def "the reference's Python example works against the emulator"() {
        given:
        def emu = EmulatorFixture.start(strict: false).emu
        def api = new Api(emu)
        api.create('python-example')
        Path script = work.resolve('example.py')
        Files.writeString(script, resource('python-example.py')
                .replace("BASE_URL = \"$LIVE\"", "BASE_URL = \"${emu.baseUrl().replaceFirst('/$', '')}\"")
                .replace('USER_ID = "your-user-id"', "USER_ID = \"${emu.userId()}\"")
                .replace('API_KEY = "your-api-key"', "API_KEY = \"${emu.apiKey()}\""))

        when:
        def out = run(['python3', script.toString()], [:])

        then:
        out == 'hello world\n\n'
        api.admin('commands').studios.find { it.name == 'python-example' }.commands*.command == ['echo hello world']
        api.admin('studios').activeCount == 0

        cleanup:
        emu?.close()
    }

    @Requires(value = { ReferenceExamplesSpec.reference() != null }, reason = 'studios-api.md is not beside this checkout')
    def "the stored examples are still verbatim copies of the reference"() {
        given:
        String ref = Files.readString(reference())
        List<List<String>> blocks = [[]]
        resource('curl-examples.sh').eachLine { line ->
            if (line.contains('# glue')) {
                blocks << []
            } else {
                blocks.last() << line
            }
        }

        expect:
        blocks.findAll { it.any { it.trim() } }.every { ref.contains(it.join('\n').trim()) }
        ref.contains(resource('python-example.py').trim())
    }
}
