package dev.lstudio.corpus

import dev.lstudio.client.ClientSpec
import okhttp3.mockwebserver.MockResponse
import okio.Buffer

/**
 * Issue 8, bad input: "huge and non-UTF-8 command output", from a scripted server, so that the
 * size and the bytes are exactly the ones chosen (the emulator keeps 16 MiB and decodes its own
 * output). Every character reaches the consumer as it comes; the result keeps the last 4 MiB
 * after a line saying so; bytes that are not UTF-8 become U+FFFD. The user's side of both,
 * through the CLI, is in CommandOutputSpec.
 */
class OutputBytesSpec extends ClientSpec {
    static final String EXEC = "POST $P/s1/execute"
    static final String STREAM = "GET $P/s1/execute/x1/stream"
    static final int MiB = 1024 * 1024

    def setup() {
        api.on(EXEC, '{"output":"","exitCode":-1,"sessionName":"x1"}')
    }

    /** An incremental SSE stream of {@code chunks} events of {@code size} characters, then the exit code. */
    static MockResponse sse(int chunks, int size) {
        Buffer body = new Buffer()
        String filler = 'x' * (size - 1)
        chunks.times { n ->
            body.writeUtf8('data: {"result":{"output":"' + (n % 10) + filler + '","exitCode":-1}}\n\n')
        }
        body.writeUtf8('data: {"result":{"output":"END\\n","exitCode":0}}\n\n')
        new MockResponse().setBody(body).setHeader('Content-Type', 'text/event-stream')
    }

    def "50 MB of output all reach the consumer, and the result keeps the last 4 MiB after a note"() {
        given:
        def studio = studioS1()
        api.onResponses(STREAM, sse(800, 64 * 1024)) // 52,428,800 characters, then END
        long seen = 0
        String last = null

        when:
        def result = studio.exec('make-logs', { String text -> seen += text.length(); last = text })

        then:
        seen == 800L * 64 * 1024 + 4
        last == 'END\n'
        result.exitCode() == 0
        def (note, kept) = result.output().split('\n', 2)
        note == "[lstudio: the first ${seen - 4 * MiB} characters of this output are not kept ($seen in all; " +
                "exec keeps the last ${4 * MiB}); all of it was shown as it ran]"
        kept.length() == 4 * MiB
        kept.endsWith('x' * 100 + 'END\n')
    }

    def "bytes that are not UTF-8 become replacement characters, in the stream and in the result"() {
        given:
        def studio = studioS1()
        Buffer body = new Buffer()
                .writeUtf8('data: {"result":{"output":"caf').writeByte(0xE9).writeUtf8(' ').writeByte(0xFF).writeByte(0xFE)
                .writeUtf8(' ok\\n","exitCode":-1}}\n\n')
                .writeUtf8('data: {"result":{"output":"","exitCode":0}}\n\n')
        api.onResponses(STREAM, new MockResponse().setBody(body).setHeader('Content-Type', 'text/event-stream'))
        List<String> seen = []

        when:
        def result = studio.exec('cat binary', seen.&add)

        then:
        seen == ['caf\uFFFD \uFFFD\uFFFD ok\n']
        result.output() == 'caf\uFFFD \uFFFD\uFFFD ok\n'
        result.exitCode() == 0
    }
}
