package dev.lstudio.api

import spock.lang.Unroll

/** Failures become typed exceptions with status, gRPC code, the server's words and a hint. */
class ErrorMappingSpec extends MockApiSpec {

    def setup() {
        api = apiWith(HttpRetryPolicy.none())
    }

    @Unroll
    def "HTTP #status with #bodyKind becomes #type.simpleName"() {
        given:
        reply(status, body, body.startsWith('<') ? ['Content-Type': 'text/html'] : [:])

        when:
        api.getCloudspace('p1', 's1')

        then:
        ApiException e = thrown()
        e.class == type
        e.httpStatus() == status
        e.grpcCode() == grpc
        e.message.startsWith('reading the Studio failed (HTTP ' + status + ')')
        !e.message.contains('/v1/') && !e.message.contains('gRPC')
        e.technical().startsWith('GET /v1/projects/p1/cloudspaces/s1 failed (HTTP ' + status + (grpc == null ? ')' : ", gRPC $grpc)"))
        e.message.contains(shown)
        e.message.contains(hint)
        e.technical().contains(shown)

        where:
        status | bodyKind          | body                                                                 || type                               | grpc | shown                         | hint
        404    | 'gRPC 5'          | '{"code":5,"message":"cloudspace not found","details":[]}'           || NotFoundException                  | 5    | 'cloudspace not found'        | 'check the name or id'
        401    | 'gRPC 16'         | '{"code":16,"message":"invalid credentials"}'                        || UnauthenticatedException           | 16   | 'invalid credentials'         | 'check LIGHTNING_USER_ID and LIGHTNING_API_KEY'
        403    | 'gRPC 7'          | '{"code":7,"message":"not a member"}'                                || PermissionDeniedException          | 7    | 'not a member'                | 'ask the teamspace'
        409    | 'gRPC 6'          | '{"code":6,"message":"name already exists"}'                         || ConflictException                  | 6    | 'name already exists'         | 'choose another name'
        400    | 'gRPC 3'          | '{"code":3,"message":"bad machine"}'                                 || InvalidArgumentException           | 3    | 'bad machine'                 | 'check names, machine'
        400    | 'gRPC 9'          | '{"code":9,"message":"studio is not running"}'                       || FailedPreconditionException        | 9    | 'studio is not running'       | 'is it running?'
        409    | 'gRPC 9'          | '{"code":9,"message":"switch pending"}'                              || FailedPreconditionException        | 9    | 'switch pending'              | 'check its status'
        429    | 'gRPC 8'          | '{"code":8,"message":"slow down"}'                                   || RateLimitedException               | 8    | 'slow down'                   | 'wait'
        500    | 'gRPC 13'         | '{"code":13,"message":"internal"}'                                   || ServerErrorException               | 13   | 'internal'                    | 'try again in a minute'
        503    | 'an HTML page'    | '<html><head><title>503 Service Unavailable</title></head><body><h1>down</h1></body></html>' || ServerErrorException | null | "an HTML page '503 Service Unavailable'" | 'try again'
        502    | 'plain text'      | 'Bad Gateway'                                                        || ServerErrorException               | null | "'Bad Gateway'"               | 'try again'
        404    | 'an empty body'   | ''                                                                   || NotFoundException                  | null | 'an empty body'               | 'check the name or id'
        401    | 'no gRPC code'    | '{"error":"unauthorized"}'                                           || UnauthenticatedException           | null | "'{\"error\":\"unauthorized\"}'" | 'LIGHTNING_API_KEY'
        418    | 'an unknown code' | '{"code":99,"message":"teapot"}'                                     || ApiException                       | 99   | 'teapot'                      | 'unexpected answer'
    }

    def "the server's message is kept apart from the hint"() {
        given:
        reply(404, '{"code":5,"message":"cloudspace s1 not found"}')

        when:
        api.getCloudspace('p1', 's1')

        then:
        NotFoundException e = thrown()
        e.serverMessage() == 'cloudspace s1 not found'
    }

    def "a rate limit carries the server's Retry-After"() {
        given:
        reply(429, '{"code":8,"message":"slow down"}', ['Retry-After': '7'])

        when:
        api.getCloudspace('p1', 's1')

        then:
        RateLimitedException e = thrown()
        e.retryAfter().seconds == 7
        e.message.contains('wait 7 s')
    }

    @Unroll
    def "a 200 answer with #what is a malformed response that points at LIGHTNING_CLOUD_URL"() {
        given:
        reply(200, body, headers)

        when:
        api.getCloudspace('p1', 's1')

        then:
        MalformedResponseException e = thrown()
        e.message.contains(shown)
        e.message.contains('LIGHTNING_CLOUD_URL')

        where:
        what              | body                                                | headers                           || shown
        'an empty body'   | ''                                                  | [:]                               || 'an empty body'
        'an HTML page'    | '<!doctype html><html><title>Lightning AI</title>'  | ['Content-Type': 'text/html']     || "an HTML page 'Lightning AI'"
        'JSON of a wrong shape' | '{"codeStatus": 5}'                           | [:]                               || 'JSON of another shape'
    }

    def "a call without a body that is answered by a web page does not pass for success"() {
        given:
        reply(200, '<html><title>Sign in</title></html>', ['Content-Type': 'text/html; charset=utf-8'])

        when:
        api.stop('p1', 's1')

        then:
        MalformedResponseException e = thrown()
        e.message.startsWith('the stop request answered an HTML page')
        e.technical().startsWith('POST /v1/projects/p1/cloudspaces/s1/stop answered an HTML page')
    }

    def "an unreachable server is a network failure naming the host"() {
        given:
        def port = server.port
        server.shutdown()

        when:
        api.getCloudspace('p1', 's1')

        then:
        NetworkException e = thrown()
        e.httpStatus() == 0
        e.message.contains("127.0.0.1:$port") || e.message.contains("localhost:$port") || e.message.contains(":$port")
        e.message.contains('check your network and LIGHTNING_CLOUD_URL')
    }

    def "an error event inside a stream is thrown as its gRPC kind"() {
        given:
        reply(200, '{"result":{"output":"a","exitCode":-1}}\n{"error":{"code":9,"message":"studio stopped"}}\n',
                ['Content-Type': 'application/x-ndjson'])

        when:
        def stream = api.executeStream('p1', 's1', 'x1', null)
        def first = stream.next()
        stream.next()

        then:
        first.output() == 'a'
        FailedPreconditionException e = thrown()
        e.message.contains('studio stopped')
        e.grpcCode() == 9

        cleanup:
        stream?.close()
    }
}
