package dev.lstudio.corpus

import dev.lstudio.testing.LstudioSpec
import okhttp3.mockwebserver.Dispatcher
import okhttp3.mockwebserver.MockResponse
import okhttp3.mockwebserver.MockWebServer
import okhttp3.mockwebserver.RecordedRequest
import spock.lang.AutoCleanup
import spock.lang.Timeout

/**
 * Issue 8, bad input: "malformed JSON and HTML error pages from the server, a 200 with an empty
 * body". Answers the emulator cannot give, from a MockWebServer: the user sees one line naming
 * the call and the status, and a stack trace only with --debug.
 * (The API layer's mapping of each answer is in api/ErrorMappingSpec.)
 */
@Timeout(120)
class ServerAnswersSpec extends LstudioSpec {
    static final String MEMBERSHIPS = 'GET /v1/memberships'

    @AutoCleanup('shutdown')
    MockWebServer server = new MockWebServer()
    MockResponse answer
    List<String> calls = [].asSynchronized()

    def setup() {
        server.dispatcher = new Dispatcher() {
            @Override
            MockResponse dispatch(RecordedRequest request) {
                String route = request.method + ' ' + request.requestUrl.encodedPath()
                calls << route
                route == MEMBERSHIPS ? answer : json(200, '{"id":"u1","username":"ann"}')
            }
        }
        server.start()
    }

    static MockResponse json(int status, String body) {
        new MockResponse().setResponseCode(status).setBody(body).setHeader('Content-Type', 'application/json')
    }

    int studios(List<String> options = []) {
        lstudio(options + ['-e', 'studios()'],
                [LIGHTNING_CLOUD_URL: server.url('/').toString(), LIGHTNING_USER_ID: 'u1', LIGHTNING_API_KEY: 'k-123'])
    }

    def "#what: one line naming the call and the status, exit #code"() {
        given:
        answer = response

        when:
        int exit = studios()

        then:
        exit == code
        theError.startsWith('lstudio: listing teamspaces ')
        !theError.contains('/v1/') && !theError.contains('gRPC')
        parts.every { theError.contains(it) }
        retried ? calls.count(MEMBERSHIPS) > 1 : calls.count(MEMBERSHIPS) == 1

        where:
        what                              | response                                                                   || code | retried | parts
        'malformed JSON on a 200'         | json(200, '{"memberships": [{"projectId": ')                               || 4    | false   | ['answered JSON of another shape', '(HTTP 200)', 'LIGHTNING_CLOUD_URL']
        'a 200 with an empty body'        | json(200, '')                                                              || 4    | false   | ['answered an empty body', '(HTTP 200)', 'LIGHTNING_CLOUD_URL']
        'a proxy\'s HTML page on a 502'   | html(502, '<html><head><title>502 Bad Gateway</title></head><body><center>nginx</center></body></html>') || 4 | true | ["failed (HTTP 502): an HTML page '502 Bad Gateway'", 'try again in a minute']
        'a JSON error body'               | json(403, '{"code":7,"message":"not a member of org acme","details":[{"@type":"x"}]}') || 3 | false | ['failed (HTTP 403): not a member of org acme', 'ask the teamspace']
    }

    def "--debug adds the stack trace after the same line"() {
        given:
        answer = json(200, '')

        when:
        int exit = studios(['--debug'])

        then:
        exit == 4
        stderr.contains('lstudio: listing teamspaces answered an empty body (HTTP 200)')
        stderr.contains('debug: the call: GET /v1/memberships answered an empty body (HTTP 200)')
        stderr.contains('\tat dev.lstudio.api.')
    }

    static MockResponse html(int status, String body) {
        new MockResponse().setResponseCode(status).setBody(body).setHeader('Content-Type', 'text/html')
    }
}
