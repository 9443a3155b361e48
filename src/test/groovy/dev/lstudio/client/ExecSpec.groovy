package dev.lstudio.client

import okhttp3.mockwebserver.MockResponse

import java.time.Duration

/** Commands run detached and their output is followed live, once per character. */
class ExecSpec extends ClientSpec {
    static final String EXEC = "POST $P/s1/execute"
    static final String STREAM = "GET $P/s1/execute/x1/stream"
    static final String POLL = "GET $P/s1/execute/x1"

    Studio studio
    List<String> seen = [].asSynchronized()

    def setup() {
        studio = studioS1()
        api.on(EXEC, '{"output":"","exitCode":-1,"sessionName":"x1"}')
    }

    static MockResponse stream(String type, String body) {
        new MockResponse().setBody(body).setHeader('Content-Type', type)
    }

    def "a cumulative NDJSON stream gives each piece of output once"() {
        given:
        api.onResponses(STREAM, stream('application/x-ndjson',
                '{"result":{"output":"a\\n","exitCode":-1}}\n{"result":{"output":"a\\nb\\n","exitCode":-1}}\n' +
                        '{"result":{"output":"a\\nb\\nc\\n","exitCode":0}}\n'))

        when:
        def result = studio.exec('printf "a\\nb\\nc\\n"', seen.&add)

        then:
        seen == ['a\n', 'b\n', 'c\n']
        result.output() == 'a\nb\nc\n'
        result.exitCode() == 0
        result.succeeded()
        result.session() == 'x1'
        body(api.last(EXEC)) == [command: 'printf "a\\nb\\nc\\n"', detached: true]
        api.count(POLL) == 0
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

    def "a stream that ends without an exit code is continued by polling, without repeating output"() {
        given:
        api.onResponses(STREAM, stream('application/x-ndjson', '{"result":{"output":"part","exitCode":-1}}\n'))
        api.on(POLL, '{"output":"part one","exitCode":0}')

        when:
        def result = studio.exec('x', seen.&add)

        then:
        seen == ['part', ' one']
        result.output() == 'part one'
    }

    def "a command that finishes at once is not followed"() {
        given:
        api.on(EXEC, '{"output":"done\\n","exit_code":0,"session":"x1"}')

        when:
        def result = studio.exec('true', seen.&add)

        then:
        seen == ['done\n']
        result.exitCode() == 0
        api.count(STREAM) == 0
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
        e.message.startsWith("command in studio 's' still running after 2 min (session x1)")
        sleeper.slept() == Duration.ofMinutes(2)
    }

    def "an answer with neither exit code nor session is reported plainly"() {
        given:
        api.on(EXEC, '{"output":""}')

        when:
        studio.exec('x')

        then:
        UnsupportedAnswerException e = thrown()
        e.message.contains('neither an exit code nor a session')
    }
}
