package dev.lstudio.api

/** Both wire forms of the command output stream. */
class ExecuteStreamSpec extends MockApiSpec {

    List<ExecuteResult> readAll(String body, String type) {
        reply(200, body, ['Content-Type': type])
        def events = []
        api.executeStream('p1', 's1', 'x1', null).withCloseable { stream ->
            def e
            while ((e = stream.next()) != null) {
                events << e
            }
        }
        events
    }

    def "server-sent events are read from data lines, ignoring comments and other fields"() {
        when:
        def events = readAll(': keep-alive\n\nevent: output\ndata: {"result":{"output":"a\\n","exitCode":-1}}\n\n' +
                'id: 2\ndata: {"result":{"output":"a\\nb\\n","exitCode":0}}\n\n', 'text/event-stream')

        then:
        events*.output() == ['a\n', 'a\nb\n']
        events*.exitCode() == [-1, 0]
    }

    def "a numeric event id is offered as the event's offset, and applies to its own event only"() {
        given:
        reply(200, 'id: 6\ndata: {"output":"abcdef"}\n\ndata: {"output":"g"}\n\nid: e-7\ndata: {"output":"h"}\n\n',
                ['Content-Type': 'text/event-stream'])
        def offsets = []

        when:
        api.executeStream('p1', 's1', 'x1', null).withCloseable { stream ->
            while (stream.next() != null) {
                offsets << stream.offset()
            }
        }

        then:
        offsets == [6L, null, null]
    }

    def "an event spread over several data lines is joined with newlines"() {
        expect:
        readAll('data: line one\ndata: line two\n\n', 'text/event-stream')*.output() == ['line one\nline two']
    }

    def "plain text data is taken as output with no exit code"() {
        when:
        def events = readAll('data: hello\n\n', 'text/event-stream')

        then:
        events*.output() == ['hello']
        events[0].exitCode() == null
    }

    def "a last event without a closing blank line is still delivered"() {
        expect:
        readAll('data: {"output":"end","exitCode":3}', 'text/event-stream')*.exitCode() == [3]
    }

    def "newline-delimited JSON is read line by line, wrapped or bare"() {
        when:
        def events = readAll('{"result":{"output":"x","exitCode":-1}}\n{"output":"xy","exit_code":0}\n', 'application/x-ndjson')

        then:
        events*.output() == ['x', 'xy']
        events*.exitCode() == [-1, 0]
    }

    def "a line of the stream that is not JSON is a malformed response"() {
        when:
        readAll('oops\n', 'application/x-ndjson')

        then:
        MalformedResponseException e = thrown()
        e.message.contains("a stream line 'oops'")
    }

    def "a stream that is refused is mapped like any call"() {
        given:
        reply(404, '{"code":5,"message":"session not found"}')

        when:
        api.executeStream('p1', 's1', 'gone', null)

        then:
        NotFoundException e = thrown()
        e.message.contains('session not found')
    }
}
