package dev.lstudio.emulator

import dev.lstudio.testing.EmulatorFixture
import java.time.Duration
import spock.lang.Specification

/** Faults on demand, by rule and probability, repeatable with a seed. */
class FaultsSpec extends Specification {
    List<EmulatorFixture> started = []

    def cleanup() {
        started*.close()
    }

    /** A lenient emulator of the feature's own with {@code settings} (faults: [...], seed: 42L...). */
    Api api(Map<String, ?> settings = [:]) {
        def fixture = EmulatorFixture.start([strict: false] + settings)
        started << fixture
        new Api(fixture.emu)
    }

    List<Integer> statuses(Api api, int n, String path = 'v1/auth/user') {
        (1..n).collect { api.call('GET', path).status }
    }

    def "with the same seed the same requests meet the same faults"() {
        given:
        def rule = 'GET /v1/auth/user 503:0.5'
        def one = api(faults: [rule], seed: 42L)
        def two = api(faults: [rule], seed: 42L)

        when:
        def a = statuses(one, 40)
        def b = statuses(two, 40)

        then:
        a == b
        a.toSet() == [200, 503] as Set
    }

    def "a #status fault answers a gRPC body with code #code"() {
        given:
        def api = api(faults: ["GET /v1/auth/user $status"])

        when:
        def r = api.call('GET', 'v1/auth/user')

        then:
        r.status == status
        r.json.code == code
        r.json.message.contains('fault injected')

        where:
        status || code
        429    || 8
        500    || 13
        502    || 14
        503    || 14
    }

    def "a 429 carries Retry-After"() {
        expect:
        api(faults: [rule]).call('GET', 'v1/memberships').headers.firstValue('Retry-After').get() == seconds

        where:
        rule                                   || seconds
        '/v1/memberships 429'                  || '1'
        '/v1/memberships 429:1 retry-after:3s' || '3'
    }

    def "a dropped connection fails the call and the request is not handled"() {
        given:
        def api = api(faults: ['POST /v1/projects/*/cloudspaces drop'])
        def project = api.projectId()

        when:
        api.call('POST', api.studios(project), [name: 'never-made'])

        then:
        thrown(IOException)
        api.ok('GET', "${api.studios(project)}?userId=${api.emu.userId()}").cloudspaces == []
    }

    def "drop-after handles the request, then drops the connection: the change happened unseen"() {
        given:
        def api = api(faults: ['POST /v1/projects/*/cloudspaces drop-after'])
        def project = api.projectId()

        when:
        api.call('POST', api.studios(project), [name: 'made-unseen'])

        then:
        thrown(IOException)
        api.ok('GET', "${api.studios(project)}?userId=${api.emu.userId()}").cloudspaces*.name == ['made-unseen']
    }

    def "added latency delays the answer by at least the given time"() {
        given:
        def api = api(faults: ['GET /v1/auth/user latency:400ms'])

        when:
        long t0 = System.nanoTime()
        def r = api.call('GET', 'v1/auth/user')
        long took = (System.nanoTime() - t0).intdiv(1_000_000)

        then:
        r.status == 200
        took >= 400
    }

    def "rules only touch the methods and paths they name"() {
        given:
        def api = api(faults: ['POST /v1/projects/*/cloudspaces/*/start 503'])
        def s = api.create('untouched')

        expect:
        api.post(api.path(s, 'start'), [compute_config: [name: 'cpu-4']]).status == 503
        api.get(api.path(s)).status == 200
        api.post(api.path(s, 'stop')).status == 200
    }

    def "the admin API counts the faults it injected, by kind, until reset"() {
        given:
        def api = api(faults: ['GET /v1/auth/user 503'])

        when:
        3.times { api.call('GET', 'v1/auth/user') }
        api.call('GET', 'v1/memberships')

        then:
        api.admin('faults').injected == ['503': 3]

        when:
        api.ok('POST', '_emulator/reset')

        then:
        api.admin('faults').injected == [:]
    }

    def "the admin API is never faulted"() {
        given:
        def api = api(faults: ['/** 503'])

        expect:
        api.call('GET', 'v1/auth/user').status == 503
        api.call('GET', '_emulator/faults').status == 200
    }

    def "faults are read, replaced (by JSON or spec, with a new seed) and cleared through the admin API"() {
        given:
        def api = api(faults: ['GET /v1/auth/user 500:0.25'])

        expect:
        api.admin('faults').rules*.spec == ['GET /v1/auth/user 500:0.25']

        when:
        def set = api.ok('PUT', '_emulator/faults', [seed: 7, rules: [[method: 'GET', path: '/v1/memberships', faults: ['503': 1.0]]],
                                                     specs: ['/v1/auth/** 429:0.5 latency:10ms']])

        then:
        set.rules*.spec == ['GET /v1/memberships 503:1.0', '* /v1/auth/** 429:0.5 latency:10ms:1.0']
        api.call('GET', 'v1/memberships').status == 503

        and: 'setting the same seed again replays the same faults'
        api.ok('PUT', '_emulator/faults', [seed: 7, specs: ['/v1/auth/** 429:0.5']])
        def first = statuses(api, 20, 'v1/auth/whoami')
        api.ok('PUT', '_emulator/faults', [seed: 7, specs: ['/v1/auth/** 429:0.5']])
        statuses(api, 20, 'v1/auth/whoami') == first
        first.toSet() == [200, 429] as Set

        when:
        api.ok('DELETE', '_emulator/faults')

        then:
        api.admin('faults').rules == []
        api.call('GET', 'v1/memberships').status == 200
    }

    def "a bad rule sent to the admin API is a 400 that says what is wrong"() {
        given:
        def api = api()

        expect:
        with(api.call('PUT', '_emulator/faults', [specs: [spec]])) {
            status == 400
            json.message.contains(hint)
        }

        where:
        spec                         || hint
        'GET'                        || 'no path'
        '/v1/** 503:2'               || 'between 0 and 1'
        '/v1/** 503:0.7 500:0.7'     || 'add up to'
        '/v1/** teapot:0.1'          || 'unknown fault'
        '/v1/** latency:soon'        || 'not a duration'
    }

    def "a bad rule given to the builder is refused at once"() {
        when:
        Emulator.builder().faults('/v1/** 503:lots')

        then:
        def e = thrown(IllegalArgumentException)
        e.message.contains('not a probability')
    }

    def "the path glob '#glob' #verdict '#path'"() {
        expect:
        new Faults.Rule('*', glob, [:], 0, 0, 1).matches('GET', path) == matches

        where:
        glob                                  | path                                         || matches
        '/v1/**'                              | '/v1/projects/p/cloudspaces/s/start'         || true
        '/v1/projects/*/cloudspaces'          | '/v1/projects/p/cloudspaces'                 || true
        '/v1/projects/*/cloudspaces'          | '/v1/projects/p/cloudspaces/s'               || false
        '/v1/projects/*/cloudspaces/*/start'  | '/v1/projects/p/cloudspaces/s/start'         || true
        '/v1/projects/*/cloudspaces/*/start'  | '/v1/projects/p/cloudspaces/s/stop'          || false
        '/v1/**/execute'                      | '/v1/projects/p/cloudspaces/s/execute'       || true
        '/v1/**/execute'                      | '/v1/projects/p/cloudspaces/s/execute/x'     || false
        '/v1/auth/use?'                       | '/v1/auth/user'                              || true
        verdict = matches ? 'matches' : 'does not match'
    }

    def "empty answers 200 {}: well formed, and saying nothing"() {
        given:
        def api = api()
        def studio = api.create('e')
        api.call('PUT', '_emulator/faults', [specs: ['GET /v1/projects/*/cloudspaces/*/codestatus empty']])

        when:
        def r = api.call('GET', api.path(studio, 'codestatus'))

        then:
        r.status == 200
        r.json == [:]
    }

    def "a storm answers 429 with the rule's Retry-After to every request the rule matches while it lasts"() {
        given:
        def api = api()
        api.call('PUT', '_emulator/faults', [specs: ['GET /v1/auth/user storm storm-for:5s retry-after:2s']])

        when:
        def first = api.call('GET', 'v1/auth/user')
        def during = statuses(api, 4)
        def faults = api.call('GET', '_emulator/faults').json

        then:
        first.status == 429
        first.headers.firstValue('Retry-After').orElse(null) == '2'
        during == [429] * 4
        faults.injected.storm == 5
    }

    def "a drip sends the whole answer, a byte at a time"() {
        given:
        def api = api()
        def plain = api.call('GET', 'v1/auth/user').text
        api.call('PUT', '_emulator/faults', [specs: ['GET /v1/auth/user drip drip-every:5ms']])

        when:
        long began = System.nanoTime()
        def dripped = api.call('GET', 'v1/auth/user')
        double seconds = (System.nanoTime() - began) / 1e9

        then:
        dripped.status == 200
        dripped.text == plain
        seconds >= plain.length() * 0.005 * 0.8
    }

    def "endless pages give every page a token never seen before that leads to the same page again"() {
        given:
        def api = api(teammate: false)
        api.create('p1')
        def path = api.studios() + '?limit=1'
        api.call('PUT', '_emulator/faults', [specs: ['GET /v1/projects/*/cloudspaces endless-pages']])

        when:
        def first = api.call('GET', path).json
        def second = api.call('GET', path + '&pageToken=' + URLEncoder.encode(first.nextPageToken as String, 'UTF-8')).json
        def third = api.call('GET', path + '&pageToken=' + URLEncoder.encode(second.nextPageToken as String, 'UTF-8')).json

        then:
        [first, second, third]*.cloudspaces*.name == [['p1'], ['p1'], ['p1']]
        [first, second, third]*.nextPageToken.toSet().size() == 3
    }

    def "the glitches read back in the rule's own form"() {
        expect:
        Faults.Rule.parse(spec).spec() == spec

        where:
        spec << ['GET /v1/** empty:0.5', 'GET /v1/** drip:1.0 drip-every:5ms', 'GET /v1/** storm:0.1 storm-for:1500ms',
                 'GET /v1/** endless-pages:0.2']
    }
}
