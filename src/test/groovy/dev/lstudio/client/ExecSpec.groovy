package dev.lstudio.client

import dev.lstudio.api.MalformedResponseException
import groovy.json.JsonOutput
import okhttp3.mockwebserver.MockResponse

import java.time.Duration

/**
 * Commands run detached and are followed through their session as the live service serves it:
 * the submit's answer is a placeholder, and each stream answer holds all output from the start,
 * one chunk a line, exit code -1 while running.
 */
class ExecSpec extends ClientSpec {
    static final String EXEC = "POST $P/s1/execute"
    static final String STREAM = "GET $P/s1/execute/x1/stream"
    static final String POLL = "GET $P/s1/execute/x1"
    static final String STARTED = '{"exitCode":0,"output":"Command Started Successfully","sessionName":"x1"}'

    Studio studio
    List<String> seen = [].asSynchronized()

    def setup() {
        studio = studioS1()
        api.on(EXEC, STARTED)
    }

    static MockResponse stream(String type, String body) {
        new MockResponse().setBody(body).setHeader('Content-Type', type)
    }

    /** One live stream answer: each chunk a line, every line with the same exit code. */
    static MockResponse live(int exitCode, List<String> chunks) {
        stream('application/x-ndjson', chunks.collect { JsonOutput.toJson([result: [output: it, exitCode: exitCode]]) + '\n' }.join(''))
    }

    def "the submit's placeholder is never shown: the session's stream gives the output and the exit code"() {
        given:
        api.onResponses(STREAM, live(-1, ['a\n', 'b\n']), live(2, ['a\n', 'b\n', 'c\n']))

        when:
        def result = studio.exec('printf "a\\nb\\nc\\n"; exit 2', seen.&add)

        then:
        seen == ['a\n', 'b\n', 'c\n']
        result.output() == 'a\nb\nc\n'
        result.exitCode() == 2
        !result.succeeded()
        result.session() == 'x1'
        body(api.last(EXEC)) == [command: 'printf "a\\nb\\nc\\n"; exit 2', detached: true]
        api.count(STREAM) == 2
        api.count(POLL) == 0
    }

    def "while running the stream is called again about every second, never longer"() {
        given:
        api.onResponses(STREAM, live(-1, ['']), live(-1, ['x']), live(-1, ['x']), live(-1, ['x']), live(-1, ['x']),
                live(-1, ['x', 'y']), live(0, ['x', 'y', 'z']))

        when:
        def result = studio.exec('slow', seen.&add)

        then:
        result.output() == 'xyz'
        seen == ['x', 'y', 'z']
        api.count(STREAM) == 7
        sleeper.sleeps.size() == 6
        sleeper.sleeps.every { it <= Duration.ofSeconds(1) }
        sleeper.sleeps.last() == Duration.ofSeconds(1)
    }

    def "output that repeats itself is placed by position: every dot is shown once, none twice"() {
        given:
        api.onResponses(STREAM, live(-1, ['.', '.', '.']), live(-1, ['.', '.', '.', '.']), live(0, ['.'] * 5 + ['\n']))

        when:
        def result = studio.exec('for i in 1 2 3 4 5; do printf .; sleep 1; done; echo', seen.&add)

        then:
        seen.join('') == '.....\n'
        seen == ['.', '.', '.', '.', '.', '\n']
        result.output() == '.....\n'
    }

    def "the same line many times, over several calls, is shown as often as it was printed"() {
        given:
        def line = 'epoch done\n'
        api.onResponses(STREAM, live(-1, [line] * 40), live(-1, [line] * 75), live(0, [line] * 100))

        when:
        def result = studio.exec('train', seen.&add)

        then:
        seen.size() == 100
        seen.every { it == line }
        result.output() == line * 100
    }

    def "output larger than one chunk, spread over several calls, arrives whole and in order"() {
        given:
        def chunks = (0..<48).collect { n -> ('chunk ' + n + ' ').padRight(8 * 1024, String.valueOf((char) (97 + n % 26))) }
        api.onResponses(STREAM, live(-1, chunks[0..<10]), live(-1, chunks[0..<31]), live(0, chunks))

        when:
        def result = studio.exec('cat big.log', seen.&add)

        then:
        seen.join('') == chunks.join('')
        result.output() == chunks.join('')
        result.output().length() == 48 * 8 * 1024
    }

    def "lines of one answer that disagree on the final exit code are an error, not a guess"() {
        given:
        api.onResponses(STREAM, stream('application/x-ndjson',
                '{"result":{"output":"a","exitCode":0}}\n{"result":{"output":"b","exitCode":1}}\n'))

        when:
        studio.exec('x', seen.&add)

        then:
        UnsupportedAnswerException e = thrown()
        e.message == "the output stream of session x1 in studio 's' gave two exit codes in one answer (0 and 1); the command's result is unknown"
        !e.message.contains('\n')
    }

    def "an error line of the stream is reported with the server's message"() {
        given:
        api.onResponses(STREAM, stream('application/x-ndjson', '{"error":{"code":7,"message":"not yours"}}\n'))

        when:
        studio.exec('x', seen.&add)

        then:
        dev.lstudio.api.PermissionDeniedException e = thrown()
        e.message.contains('not yours')
    }

    def "an answer without a session name is a clear error, even with an exit code"() {
        given:
        api.on(EXEC, '{"output":"Command Started Successfully","exitCode":0}')

        when:
        studio.exec('nvidia-smi', seen.&add)

        then:
        UnsupportedAnswerException e = thrown()
        e.message == "execute in studio 's' answered without a session name to follow, so the command's output and exit code are unknown"
        seen.isEmpty()
        api.count(STREAM) == 0
    }

    def "the reference's session field names the session too, and its exit code is not taken"() {
        given:
        api.on(EXEC, '{"output":"done\\n","exit_code":0,"session":"x1"}')
        api.onResponses(STREAM, live(3, ['real output\n']))

        when:
        def result = studio.exec('false', seen.&add)

        then:
        seen == ['real output\n']
        result.exitCode() == 3
    }

    def "an incremental SSE stream is passed on piece by piece"() {
        given:
        api.onResponses(STREAM, stream('text/event-stream',
                'data: {"result":{"output":"one\\n","exitCode":-1}}\n\n' +
                        'data: {"result":{"output":"two\\n","exitCode":-1}}\n\n' +
                        'data: {"result":{"output":"","exitCode":3}}\n\n'))

        when:
        def result = studio.exec('run', seen.&add)

        then:
        seen == ['one\n', 'two\n']
        result.output() == 'one\ntwo\n'
        result.exitCode() == 3
        !result.succeeded()
    }

    def "SSE events with offsets are placed by them, also when output repeats itself"() {
        given:
        api.onResponses(STREAM, stream('text/event-stream',
                'id: 2\ndata: {"output":"..","exitCode":-1}\n\nid: 4\ndata: {"output":"..","exitCode":-1}\n\n' +
                        'id: 5\ndata: {"output":".","exitCode":0}\n\n'))

        when:
        def result = studio.exec('dots', seen.&add)

        then:
        seen == ['..', '..', '.']
        result.output() == '.....'
    }

    def "without a stream the session is polled, and cumulative polls give each piece once"() {
        given:
        api.onResponses(STREAM, ScriptedServer.json(404, '{"code":5,"message":"no stream here"}'))
        api.on(POLL, '{"output":"x","exitCode":-1}', '{"output":"xy","exitCode":-1}', '{"output":"xyz","exitCode":0}')

        when:
        def result = studio.exec('slow', seen.&add)

        then:
        seen == ['x', 'y', 'z']
        result.output() == 'xyz'
        api.count(POLL) == 3
        sleeper.sleeps.size() == 2
        sleeper.sleeps.every { it <= Duration.ofSeconds(1) }
    }

    def "a stream the server fails to open (#status) is replaced by polling: the command is followed, not run again"() {
        given:
        api.onResponses(STREAM, ScriptedServer.json(status, '{"code":14,"message":"unavailable"}'))
        api.on(POLL, '{"output":"done","exitCode":0}')

        when:
        def result = studio.exec('train', seen.&add)

        then:
        result.output() == 'done'
        result.exitCode() == 0
        api.count(EXEC) == 1

        where:
        status << [500, 502, 503]
    }

    def "a stream that breaks after some output is continued by polling, without repeating output"() {
        given:
        api.onResponses(STREAM, live(-1, ['part']), stream('application/x-ndjson', '{"result":{"output":" on'))
        api.on(POLL, '{"output":"part one","exitCode":0}')

        when:
        def result = studio.exec('x', seen.&add)

        then:
        seen == ['part', ' one']
        result.output() == 'part one'
    }

    def "a command past its timeout throws, with the output so far and the session"() {
        given:
        api.onResponses(STREAM, ScriptedServer.json(404, '{"code":5}'))
        api.on(POLL, '{"output":"still going","exitCode":-1}')

        when:
        studio.exec('sleep 1000', Duration.ofMinutes(2), seen.&add)

        then:
        CommandTimeoutException e = thrown()
        e.partialOutput() == 'still going'
        e.session() == 'x1'
        e.message.startsWith("command in studio 's' still running after 2m (session x1)")
        sleeper.slept() == Duration.ofMinutes(2)
    }

    def "exec 'nvidia-smi' against live answers prints the command's output, not the submit's placeholder"() {
        given:
        api.on(EXEC, LiveWireSpecResources.text('execute-submit.json'))
        def route = "GET $P/s1/execute/lstudio-5f2c9e1a/stream"
        def done = LiveWireSpecResources.text('execute-stream.ndjson')
        def running = done.readLines()[0].replace('"exitCode":0', '"exitCode":-1') + '\n'
        api.onResponses(route, stream('application/x-ndjson', running), stream('application/x-ndjson', done))

        when:
        def result = studio.exec('nvidia-smi', seen.&add)

        then:
        !seen.join('').contains('Command Started Successfully')
        seen.size() == 3
        seen[0].startsWith('Tue Dec  1 21:40:02 2026')
        result.output() == seen.join('')
        result.output().contains('NVIDIA H100 80GB HBM3')
        result.exitCode() == 0
        result.session() == 'lstudio-5f2c9e1a'
        api.count(route) == 2
    }
}
