package dev.lstudio.emulator

import dev.lstudio.testing.EmulatorFixture
import java.time.Duration
import java.util.concurrent.CopyOnWriteArrayList
import spock.lang.Specification

/**
 * Presigned storage under faults and time: the storage kinds (drop-part, expired, short-body),
 * the API's kinds on /storage/**, URLs that really expire, a short body, counts and log lines.
 */
class StorageFaultsSpec extends Specification {
    List<EmulatorFixture> started = []

    def cleanup() {
        started*.close()
    }

    /** A strict emulator of the feature's own, with a started studio, and its artifacts helper. */
    Map world(Map<String, ?> settings = [:]) {
        def fixture = EmulatorFixture.start([teammate: false] + settings)
        started << fixture
        def api = new Api(fixture.emu)
        def studio = api.create('store')
        [api: api, files: new Artifacts(api), studio: studio]
    }

    static String signedPut(Map w, String path) {
        w.files.sign(w.studio, [[path: path]]).json.results[0].urls[0].url
    }

    def "drop-part reads part of a PUT and closes the connection unanswered; nothing is stored"() {
        given:
        def w = world(faults: ['PUT /storage/** drop-part'])
        def url = signedPut(w, 'dropped.bin')

        when:
        w.files.put(url, Artifacts.bytes(2 * 1024 * 1024))

        then:
        thrown(IOException)
        with(w.files.complete(w.studio, [[path: 'dropped.bin']])) {
            status == 400
            json.message.contains('nothing was uploaded')
        }
        w.api.admin('faults').injected == ['drop-part': 1]
    }

    def "expired answers 403 AccessDenied 'Request has expired' although the URL is fresh"() {
        given:
        def w = world(faults: ['PUT /storage/** expired'])

        when:
        def r = w.files.put(signedPut(w, 'e.txt'), 'x'.bytes)

        then:
        r.statusCode() == 403
        r.body().contains('<Code>AccessDenied</Code><Message>Request has expired</Message>')
    }

    def "short-body sends the whole Content-Length, then half the bytes, then closes"() {
        given:
        def w = world()
        w.files.upload(w.studio, 'short.bin', Artifacts.bytes(200_000)).status == 200
        def url = w.files.downloadUrl(w.studio, 'short.bin')
        w.api.ok('PUT', '_emulator/faults', [specs: ['GET /storage/** short-body']])

        when:
        def connection = (HttpURLConnection) new URL(url).openConnection()
        long promised = connection.contentLengthLong
        // HttpURLConnection ends a cut fixed-length body quietly: the count is what tells.
        int got = connection.inputStream.withCloseable { InputStream input -> input.bytes.length }

        then:
        connection.responseCode == 200
        promised == 200_000
        got == 100_000

        when: 'java.net.http says so outright'
        w.files.fetch(url)

        then:
        def e = thrown(IOException)
        e.message.contains('200000')
    }

    def "the API's kinds work on storage too: #rule"() {
        given:
        def w = world(faults: [rule])

        when:
        def r = w.files.put(signedPut(w, 'k.txt'), 'x'.bytes)

        then:
        r.statusCode() == status
        r.body().contains("<Code>$code</Code>")
        retryAfter == null || r.headers().firstValue('Retry-After').get() == retryAfter
        w.files.complete(w.studio, [[path: 'k.txt']]).status == 400

        where:
        rule                                     || status | code                 | retryAfter
        'PUT /storage/** 503'                    || 503    | 'ServiceUnavailable' | null
        'PUT /storage/** 500'                    || 500    | 'InternalError'      | null
        'PUT /storage/** 429 retry-after:3s'     || 429    | 'SlowDown'           | '3'
    }

    def "drop-after stores the part though the caller never hears of it"() {
        given:
        def w = world(faults: ['PUT /storage/** drop-after'])

        when:
        w.files.put(signedPut(w, 'unseen.txt'), 'stored'.bytes)

        then:
        thrown(IOException)
        w.files.complete(w.studio, [[path: 'unseen.txt']]).status == 200
        new String(w.files.download(w.studio, 'unseen.txt')) == 'stored'
    }

    def "with the same seed the same storage requests meet the same faults"() {
        given:
        def rule = 'PUT /storage/** 503:0.5'
        def one = world(faults: [rule], seed: 42L)
        def two = world(faults: [rule], seed: 42L)

        when:
        def a = (1..20).collect { one.files.put(signedPut(one, "f$it"), 'x'.bytes).statusCode() }
        def b = (1..20).collect { two.files.put(signedPut(two, "f$it"), 'x'.bytes).statusCode() }

        then:
        a == b
        a.toSet() == [200, 503] as Set
    }

    def "a URL expires after urlTtl on the emulator's clock: #how"() {
        given:
        def w = world(settings)
        def url = signedPut(w, 'late.txt')
        def download = w.files.upload(w.studio, 'there.txt', 'x'.bytes).status == 200 ? w.files.downloadUrl(w.studio, 'there.txt') : null

        when:
        Thread.sleep(2_500)
        def put = w.files.put(url, 'x'.bytes)
        def get = w.files.fetch(download)

        then:
        [put, get].every { it.statusCode() == 403 }
        put.body().contains('<Code>AccessDenied</Code><Message>Request has expired</Message>')
        new String(get.body()).contains('Request has expired')

        and: 'a freshly signed URL works'
        w.files.put(signedPut(w, 'late.txt'), 'x'.bytes).statusCode() == 200

        where:
        how                  | settings
        'a 1 s ttl'          | [urlTtl: Duration.ofSeconds(1)]
        '1 min at 60 times'  | [urlTtl: Duration.ofMinutes(1), timeScale: 60]
    }

    def "a PUT whose body ends before its Content-Length is refused 400 and nothing is stored"() {
        given:
        def w = world()
        def url = new URL(signedPut(w, 'cut.txt'))

        when: 'Content-Length says 100, 10 bytes come, and the sender closes its side'
        def socket = new Socket(url.host, url.port)
        socket.soTimeout = 30_000
        socket.outputStream.write(("PUT ${url.file} HTTP/1.1\r\nHost: ${url.host}:${url.port}\r\n" +
                "Content-Length: 100\r\n\r\n0123456789").getBytes('UTF-8'))
        socket.outputStream.flush()
        socket.shutdownOutput()
        String answer = socket.inputStream.text
        socket.close()

        then:
        answer.startsWith('HTTP/1.1 400')
        answer.contains('<Code>IncompleteBody</Code>')
        w.files.complete(w.studio, [[path: 'cut.txt']]).status == 400
    }

    def "a chunked PUT without Content-Length is refused 411"() {
        given:
        def w = world()
        def url = new URL(signedPut(w, 'chunked.txt'))

        when:
        def connection = (HttpURLConnection) url.openConnection()
        connection.requestMethod = 'PUT'
        connection.doOutput = true
        connection.setChunkedStreamingMode(4)
        connection.outputStream.withCloseable { it.write('chunked body'.bytes) }

        then:
        connection.responseCode == 411
        connection.errorStream.text.contains('MissingContentLength')
    }

    def "storage requests are counted and logged like the API's"() {
        given:
        List<String> lines = new CopyOnWriteArrayList<>()
        def w = world(log: { String line -> lines << line } as java.util.function.Consumer<String>)

        when:
        w.files.upload(w.studio, 'counted.txt', 'x'.bytes)
        w.files.download(w.studio, 'counted.txt')
        def counts = w.api.admin('requests').requests as Map

        then:
        counts.keySet().findAll { it.startsWith('PUT /storage/') && it.endsWith('/counted.txt') }.size() == 1
        counts.keySet().findAll { it.startsWith('GET /storage/') }.size() == 1
        lines.any { it ==~ /PUT \/storage\/.*\/counted.txt -> 200 \(1 bytes\)/ }
        lines.any { it ==~ /GET \/storage\/.*\/counted.txt -> 200 \(1 bytes\)/ }
        !lines.any { it.contains('Signature') }
    }

    def "a reset of the emulator drops the uploads in progress with the studios"() {
        given:
        def w = world()
        def url = signedPut(w, 'pending.txt')

        when:
        w.api.ok('POST', '_emulator/reset')
        def late = w.files.put(url, 'late'.bytes)

        then:
        late.statusCode() == 404
        late.body().contains('<Code>NoSuchUpload</Code>')
    }

    def "the storage kinds read back in the rule's own form, and change nothing on /v1"() {
        given:
        def w = world(faults: ['/v1/** drop-part:0.3 expired:0.3 short-body:0.4'])

        expect:
        Faults.Rule.parse('PUT /storage/** drop-part:0.5').spec() == 'PUT /storage/** drop-part:0.5'
        (1..10).every { w.api.call('GET', 'v1/auth/user').status == 200 }
    }
}
