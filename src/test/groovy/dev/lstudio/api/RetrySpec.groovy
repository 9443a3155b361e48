package dev.lstudio.api

import okhttp3.mockwebserver.MockResponse
import okhttp3.mockwebserver.MockWebServer
import okhttp3.mockwebserver.SocketPolicy
import spock.lang.Unroll

import java.time.Duration

/** Retries: which calls, how often, how long, and never a second execute. */
class RetrySpec extends MockApiSpec {

    @Unroll
    def "a GET answered #status is sent again until it succeeds"() {
        given:
        reply(status, '{"code":14,"message":"busy"}')
        reply(status, '{"code":14,"message":"busy"}')
        reply(200, '{"id":"s1"}')

        when:
        def studio = api.getCloudspace('p1', 's1')

        then:
        studio.id() == 's1'
        server.requestCount == 3
        sleeper.sleeps.size() == 2
        sleeper.sleeps[0] <= Duration.ofMillis(500)
        sleeper.sleeps[1] <= Duration.ofMillis(1000)

        where:
        status << [429, 500, 502, 503, 504]
    }

    @Unroll
    def "a GET answered #status is not sent again"() {
        given:
        reply(status, '{"message":"no"}')

        when:
        api.getCloudspace('p1', 's1')

        then:
        thrown(ApiException)
        server.requestCount == 1
        sleeper.sleeps.empty

        where:
        status << [400, 401, 403, 404, 409, 501]
    }

    def "attempts are capped by the policy"() {
        given:
        6.times { reply(503, '{"code":14,"message":"busy"}') }

        when:
        api.getCloudspace('p1', 's1')

        then:
        ServerErrorException e = thrown()
        server.requestCount == 5
        e.message.contains('busy')
    }

    def "Retry-After is honoured instead of the backoff"() {
        given:
        reply(429, '{"code":8}', ['Retry-After': '2'])
        reply(200, '{"id":"s1"}')

        when:
        api.getCloudspace('p1', 's1')

        then:
        sleeper.sleeps == [Duration.ofSeconds(2)]
        server.requestCount == 2
    }

    def "a Retry-After beyond the time budget ends the retries at once"() {
        given:
        api = apiWith(HttpRetryPolicy.defaults().withTotalBudget(Duration.ofSeconds(5)))
        reply(429, '{"code":8,"message":"slow down"}', ['Retry-After': '30'])

        when:
        api.getCloudspace('p1', 's1')

        then:
        RateLimitedException e = thrown()
        e.retryAfter() == Duration.ofSeconds(30)
        server.requestCount == 1
        sleeper.sleeps.empty
    }

    def "retries stop when the total time budget would be overrun"() {
        given:
        api = apiWith(HttpRetryPolicy.defaults().withMaxAttempts(10).withTotalBudget(Duration.ofMillis(2500)))
        6.times { reply(503, '{}', ['Retry-After': '1']) }

        when:
        api.getCloudspace('p1', 's1')

        then:
        thrown(ServerErrorException)
        server.requestCount == 3
        sleeper.slept() == Duration.ofSeconds(2)
    }

    def "backoff waits never exceed the cap"() {
        given:
        api = apiWith(HttpRetryPolicy.defaults().withMaxAttempts(8).withDelays(Duration.ofMillis(100), Duration.ofMillis(400)))
        8.times { reply(500, '{}') }

        when:
        api.getCloudspace('p1', 's1')

        then:
        thrown(ServerErrorException)
        server.requestCount == 8
        sleeper.sleeps.every { it <= Duration.ofMillis(400) }
    }

    def "a DELETE sent again that then finds nothing has done its work; a first 404 is still not found"() {
        given:
        reply(503, '{"code":14,"message":"busy"}')
        reply(404, '{"code":5,"message":"gone"}')
        reply(404, '{"code":5,"message":"no such studio"}')

        when: 'the first send failed, the second finds it gone'
        api.deleteCloudspace('p1', 's1')

        then:
        server.requestCount == 2

        when: 'a DELETE of something that was never there'
        api.deleteCloudspace('p1', 's2')

        then:
        thrown(NotFoundException)
        server.requestCount == 3
    }

    @Unroll
    def "#name refused with 429 (rate limited, so not done) is sent again and done once"() {
        given:
        reply(429, '{"code":8,"message":"slow down"}')
        reply(200, '{}')

        when:
        action(api)

        then:
        server.requestCount == 2

        where:
        name      | action
        'execute' | { LightningApi a -> a.execute('p', 's', ExecuteRequest.of('make')) }
        'create'  | { LightningApi a -> a.createCloudspace('p', CreateCloudSpaceRequest.named('x')) }
    }

    @Unroll
    def "#name is not sent again after a 503"() {
        given:
        reply(503, '{"code":14,"message":"unavailable"}')
        reply(200, '{}')

        when:
        action(api)

        then:
        thrown(ServerErrorException)
        server.requestCount == 1

        where:
        name             | action
        'execute'        | { LightningApi a -> a.execute('p', 's', ExecuteRequest.of('rm -rf build')) }
        'create'         | { LightningApi a -> a.createCloudspace('p', CreateCloudSpaceRequest.named('x')) }
        'fork'           | { LightningApi a -> a.fork('p', 's', new ForkRequest('copy', null, null)) }
        'plugin execute' | { LightningApi a -> a.executePlugin('p', 's', 'jobs') }
        'runs'           | { LightningApi a -> a.createRun('p', 's', CreateRunRequest.localSource('c')) }
        'endpoint add'   | { LightningApi a -> a.addEndpoint('p', AddEndpointRequest.port('s', 80, null)) }
        'keep-alive'     | { LightningApi a -> a.keepAlive('p', 's') } // periodic: the next beat is the retry
    }

    @Unroll
    def "#name is sent again after a 503"() {
        given:
        reply(503, '{"code":14}')
        reply(200, '{}')

        when:
        action(api)

        then:
        server.requestCount == 2

        where:
        name             | action
        'start'          | { LightningApi a -> a.start('p', 's', ComputeConfig.of('cpu-4')) }
        'stop'           | { LightningApi a -> a.stop('p', 's') }
        'restart'        | { LightningApi a -> a.restart('p', 's') }
        'switch'         | { LightningApi a -> a.switchMachine('p', 's', ComputeConfig.of('cpu-8')) }
        'switch confirm' | { LightningApi a -> a.confirmSwitch('p', 's') }
        'switch cancel'  | { LightningApi a -> a.cancelSwitch('p', 's') }
        'delete'         | { LightningApi a -> a.deleteCloudspace('p', 's') }
        'sleepconfig'    | { LightningApi a -> a.sleepConfig('p', 's', new SleepConfigRequest(true, null, null)) }
    }

    def "a connection dropped after the request was sent is retried for a GET"() {
        given:
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST))
        reply(200, '{"id":"s1"}')

        when:
        def studio = api.getCloudspace('p1', 's1')

        then:
        studio.id() == 's1'
        server.requestCount == 2
    }

    def "a connection dropped after an execute was sent is reported, not retried"() {
        given:
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST))
        reply(200, '{"output":"twice","exitCode":0}')

        when:
        api.execute('p1', 's1', ExecuteRequest.of('make deploy'))

        then:
        NetworkException e = thrown()
        e.message.startsWith('running the command: ')
        e.technical().startsWith('POST /v1/projects/p1/cloudspaces/s1/execute')
        server.requestCount == 1
    }

    def "an execute whose connection could not be opened is retried, since nothing was sent"() {
        given: 'a port where nothing listens yet, and a server that starts there during the first backoff'
        def port = new ServerSocket(0).withCloseable { it.localPort }
        def late = new MockWebServer()
        late.enqueue(new MockResponse().setBody('{"output":"once","exitCode":0}').setHeader('Content-Type', 'application/json'))
        boolean started = false
        sleeper.onSleep = { if (!started) { started = true; late.start(InetAddress.getByName('127.0.0.1'), port) } }
        def target = LightningApi.create(ApiConfig.of("http://127.0.0.1:$port/", Credentials.of(USER, KEY))
                .withRetry(HttpRetryPolicy.defaults().withSleeper(sleeper)))

        when:
        def result = target.execute('p1', 's1', ExecuteRequest.of('echo once'))

        then:
        result.output() == 'once'
        late.requestCount == 1
        sleeper.sleeps.size() == 1

        cleanup:
        late.shutdown()
    }

    def "retry safety is declared on each endpoint, not guessed"() {
        expect:
        def safe = StudiosService.declaredMethods.findAll { it.isAnnotationPresent(RetrySafe) }*.name as Set
        def unsafe = StudiosService.declaredMethods.findAll { !it.isAnnotationPresent(RetrySafe) }*.name as Set
        unsafe == ['createCloudspace', 'createRun', 'execute', 'executeStream', 'fork', 'installPlugin',
                   'executePlugin', 'addEndpoint', 'keepAlive'] as Set
        ['start', 'stop', 'restart', 'confirmSwitch', 'cancelSwitch', 'switchMachine',
         'deleteCloudspace', 'updateCloudspace', 'sleepConfig', 'codeStatus', 'getCloudspace'].every { it in safe }
    }
}
