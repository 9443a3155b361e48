package dev.lstudio.emulator

import dev.lstudio.testing.EmulatorFixture
import groovy.json.JsonSlurper
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import spock.lang.Shared

/** Execute runs commands for real; long ones become sessions that can be polled and streamed. */
class ExecSpec extends WithEmulator {
    @Override
    Map<String, ?> settings() {
        [detachAfter: Duration.ofSeconds(3)]
    }

    /** Blocks until the test creates the named file in the studio, so nothing here depends on timing. */
    static String gate(String file) { "while [ ! -f $file ]; do sleep 0.02; done" }

    @Shared
    Map studio

    def setupSpec() {
        studio = api.create('exec-main', [seed_files: [[path: 'hello.txt', contents: 'from a seed file\n']]])
        api.startAndWait(studio)
    }

    def "'#command' exits with #code"() {
        expect:
        api.exec(studio, command).exitCode == code

        where:
        command               || code
        'true'                || 0
        'exit 3'              || 3
        'false'               || 1
        'no-such-command-xyz' || 127
        'sh -c "exit 255"'    || 255
    }

    def "stdout and stderr come back merged in the order they were written"() {
        expect:
        api.exec(studio, 'echo out; echo err >&2; echo out2').output == 'out\nerr\nout2\n'
    }

    def "commands run in the studio's own directory and see its seed files"() {
        when:
        def r = api.exec(studio, 'pwd; cat hello.txt')

        then:
        r.output == "${state.resolve("studios/${studio.id}").toRealPath()}\nfrom a seed file\n"
    }

    def "files written by one command are there for the next"() {
        when:
        api.exec(studio, 'echo kept > made-by-exec.txt')

        then:
        api.exec(studio, 'cat made-by-exec.txt').output == 'kept\n'
    }

    def "commands see the studio's env vars and its identity"() {
        given:
        api.ok('PUT', api.path(studio), [code_config: [env_vars: [[name: 'GREETING', value: 'hi there']]]])

        expect:
        api.exec(studio, 'echo "$GREETING|$LIGHTNING_CLOUD_SPACE_ID"').output == "hi there|${studio.id}\n"
    }

    def "unicode output survives"() {
        expect:
        api.exec(studio, "printf 'h\\303\\251llo \\342\\234\\223\\n'").output == 'héllo ✓\n'
    }

    def "a synchronous command still running after the threshold answers -1 and a session that reports the end"() {
        when:
        def r = api.exec(studio, "echo started; ${gate('go-threshold')}; echo finished; exit 3")

        then:
        r == [exitCode: -1, output: 'started\n', sessionName: r.sessionName]
        r.sessionName

        when:
        api.exec(studio, 'touch go-threshold')
        def done = Api.waitFor('the command to end') {
            def p = api.ok('GET', api.path(studio, "execute/$r.sessionName"))
            p.exitCode != -1 ? p : null
        }

        then:
        done == [output: 'started\nfinished\n', exitCode: 3]
    }

    def "a detached submit answers at once with the live placeholder, which says nothing about the command"() {
        when:
        long t0 = System.nanoTime()
        def r = api.exec(studio, "echo one; ${gate('go-poll')}; echo two; exit 5", [detached: true])
        long millis = (System.nanoTime() - t0).intdiv(1_000_000)

        then: 'exit code 0 and a fixed text, while the command has not even printed yet'
        r == [exitCode: 0, output: 'Command Started Successfully', sessionName: r.sessionName]
        r.sessionName
        millis < 2_000

        when: 'each poll returns all output so far, -1 while running'
        def first = Api.waitFor('the first line') {
            def p = api.ok('GET', api.path(studio, "execute/$r.sessionName"))
            p.output ? p : null
        }
        api.exec(studio, 'touch go-poll')
        def last = Api.waitFor('the end') {
            def p = api.ok('GET', api.path(studio, "execute/$r.sessionName"))
            p.exitCode != -1 ? p : null
        }

        then:
        first == [output: 'one\n', exitCode: -1]
        last == [output: 'one\ntwo\n', exitCode: 5]
    }

    def "a session name chosen by the client is used, and cannot be reused while it runs"() {
        when:
        def r = api.exec(studio, gate('go-named'), [sessionName: 'my-session', detached: true])

        then:
        r.sessionName == 'my-session'
        with(api.post(api.path(studio, 'execute'), [command: 'echo again', sessionName: 'my-session'])) {
            status == 409
            json.message.contains('my-session')
        }

        when:
        api.exec(studio, 'touch go-named')
        Api.waitFor('the session to end') { api.ok('GET', api.path(studio, 'execute/my-session')).exitCode == 0 }

        then: "once ended, the name can be used again (also under the reference's 'session')"
        api.exec(studio, 'echo again', [session: 'my-session']).output == 'again\n'
    }

    def "an unknown session is a 404 and an empty command a 400"() {
        expect:
        api.get(api.path(studio, 'execute/nope')).status == 404
        api.get(api.path(studio, 'execute/nope/stream')).status == 404
        api.post(api.path(studio, 'execute'), [command: ' ']).status == 400
        api.post(api.path(studio, 'execute'), [:]).status == 400
    }

    /** One call of the live stream (no Accept header, as the SDK sends it): its lines, parsed. */
    List<Map> stream(String session) {
        def r = api.get(api.path(studio, "execute/$session/stream"))
        assert r.status == 200
        assert r.headers.firstValue('Content-Type').orElse('') == 'application/x-ndjson'
        assert r.text.endsWith('\n')
        r.text.split('\n').collect { new JsonSlurper().parseText(it) as Map }
    }

    List<Map> sse(String session, List<String> raw, Map<String, String> headers = [:], Closure onEvent = {}) {
        def b = HttpRequest.newBuilder(URI.create(emu.baseUrl() + api.path(studio, "execute/$session/stream")))
                .header('Authorization', api.auth).header('Accept', 'text/event-stream')
        headers.each { k, v -> b.header(k, v) }
        def resp = api.http.send(b.build(), HttpResponse.BodyHandlers.ofLines())
        assert resp.statusCode() == 200
        assert resp.headers().firstValue('Content-Type').orElse('') == 'text/event-stream'
        List<Map> events = []
        for (String line : resp.body().iterator()) {
            raw << line
            if (line.startsWith('data: ')) {
                Map m = new JsonSlurper().parseText(line.substring(6)) as Map
                events << m
                onEvent(m)
                if (m.result.exitCode != -1) {
                    break
                }
            }
        }
        events
    }

    def "the stream is finite NDJSON with all output from the start on every call, -1 on every line while running"() {
        given:
        def r = api.exec(studio, "echo first; ${gate('go-ndjson')}; echo second; exit 7", [detached: true])
        Api.waitFor('the first line') { api.ok('GET', api.path(studio, "execute/$r.sessionName")).output }

        when:
        def running = stream(r.sessionName)

        then:
        running*.result*.output.join('') == 'first\n'
        running.every { it.result.exitCode == -1 }

        when:
        api.exec(studio, 'touch go-ndjson')
        Api.waitFor('the end') { api.ok('GET', api.path(studio, "execute/$r.sessionName")).exitCode != -1 }
        def done = stream(r.sessionName)

        then: 'the first line again, then the rest, every line with the exit code'
        done*.result*.output.join('') == 'first\nsecond\n'
        done.every { it.result.exitCode == 7 }
        stream(r.sessionName) == done
    }

    def "a running command that has printed nothing answers one line with empty output and -1, after a short hold"() {
        given:
        def r = api.exec(studio, gate('go-silent'), [detached: true])

        when:
        long t0 = System.nanoTime()
        def lines = stream(r.sessionName)
        long millis = (System.nanoTime() - t0).intdiv(1_000_000)

        then:
        lines == [[result: [output: '', exitCode: -1]]]
        millis < 5_000

        cleanup:
        api.exec(studio, 'touch go-silent')
    }

    def "output larger than one chunk comes in lines of at most 64 KiB, cut at line ends, joined back whole"() {
        given:
        def r = api.exec(studio, 'seq 1 40000')
        String expected = (1..40000).collect { "$it\n" }.join('')

        when:
        def lines = stream(r.sessionName)

        then:
        expected.length() > 3 * 65536
        lines.size() >= 4
        lines.every { it.result.output.length() <= 65536 && it.result.output.endsWith('\n') && it.result.exitCode == 0 }
        lines*.result*.output.join('') == expected
    }

    def "output that repeats itself is sent whole, every repetition, on every call"() {
        given:
        def r = api.exec(studio, 'yes same | head -n 30000; echo same')
        String expected = 'same\n' * 30001

        expect:
        stream(r.sessionName)*.result*.output.join('') == expected
        stream(r.sessionName)*.result*.output.join('') == expected
        api.ok('GET', api.path(studio, "execute/$r.sessionName")).output == expected
    }

    def "Accept: text/event-stream gets the reference's server-sent events, with ids to resume from"() {
        given:
        def r = api.exec(studio, "echo alpha; ${gate('go-sse')}; echo beta", [detached: true])
        List<String> raw = []

        when:
        def events = sse(r.sessionName, raw, [:]) { Map m ->
            if (m.result.output.contains('alpha')) {
                api.exec(studio, 'touch go-sse')
            }
        }

        then:
        events*.result*.output.join('') == 'alpha\nbeta\n'
        events[0].result.output == 'alpha\n'
        events.last().result.exitCode == 0
        raw.findAll { it.startsWith('id: ') }.unique() == ['id: 6', 'id: 11']

        when: 'a client that reconnects with Last-Event-ID gets only what it missed'
        def again = sse(r.sessionName, [], ['Last-Event-ID': '6'])

        then:
        again*.result*.output.join('') == 'beta\n'
        again.last().result.exitCode == 0
    }

    def "streaming a finished session sends all its output and the exit code in one answer"() {
        given:
        def r = api.exec(studio, 'echo done; exit 2')

        expect:
        r.exitCode == 2
        stream(r.sessionName) == [[result: [output: 'done\n', exitCode: 2]]]
    }

    def "a command's background processes may outlive it, and its answer still comes back"() {
        when:
        def r = api.exec(studio, 'sleep 30 & echo launched')

        then:
        r.exitCode == 0
        r.output == 'launched\n'
    }

    def "the executed-command count shows each command once"() {
        given:
        def s = api.create('exec-count')
        api.startAndWait(s)
        api.exec(s, 'echo a')
        api.exec(s, 'echo b')
        api.exec(s, 'echo a')

        expect:
        with(api.admin('commands').studios.find { it.id == s.id }) {
            executed == 3
            commands.collectEntries { [it.command, it.count] } == ['echo a': 2, 'echo b': 1]
        }
        api.admin('studios').studios.find { it.id == s.id }.commandsExecuted == 3
    }

    def "stopping a studio ends its commands and everything they started"() {
        given:
        def s = api.create('exec-stop')
        api.startAndWait(s)
        Path dir = state.resolve("studios/${s.id}")
        def running = api.exec(s, 'sleep 300 & echo $! > child.pid; (sleep 300 & echo $! > orphan.pid); sleep 300',
                [detached: true])
        Api.waitFor('both pids written') { Files.exists(dir.resolve('child.pid')) && Files.exists(dir.resolve('orphan.pid')) }
        List<Long> pids = ['child.pid', 'orphan.pid'].collect { String f ->
            Api.waitFor('pid') { Files.readString(dir.resolve(f)).trim() } as long
        }

        expect:
        pids.every { ProcessHandle.of(it).map { it.alive }.orElse(false) }

        when:
        api.ok('POST', api.path(s, 'stop'))

        then:
        Api.waitFor('the processes to end') { pids.every { !ProcessHandle.of(it).map { it.alive }.orElse(false) } }
        Api.waitFor('the session to report the kill') {
            api.ok('GET', api.path(s, "execute/$running.sessionName")).exitCode != -1
        }
        api.ok('GET', api.path(s, "execute/$running.sessionName")).exitCode == 137
    }

    def "closing the emulator ends every command it started"() {
        given:
        def dir = Files.createTempDirectory('emu-close')
        def other = EmulatorFixture.start(strict: false, stateDir: dir).emu
        def api2 = new Api(other)
        def s = api2.create('exec-close')
        api2.startAndWait(s)
        api2.exec(s, 'sleep 300 & echo $! > bg.pid', [detached: false])
        long pid = Files.readString(dir.resolve("studios/${s.id}/bg.pid")).trim() as long

        when:
        other.close()

        then:
        Api.waitFor('the process to end') { !ProcessHandle.of(pid).map { it.alive }.orElse(false) }

        cleanup:
        other?.close()
        StudioFiles.deleteTree(dir)
    }
}
