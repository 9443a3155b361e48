package dev.lstudio.client

import groovy.json.JsonOutput
import okhttp3.mockwebserver.MockResponse
import okhttp3.mockwebserver.SocketPolicy

/** What an upload sends, byte for byte: the sign body, the PUTs to storage, the complete body, the re-signs. */
class UploadWireSpec extends FilesSpecBase {

    def "a small file is signed as one part (no parts fields), PUT to the signed URL with its headers and no credentials"() {
        given:
        def local = write('a.txt', 'hello'.bytes)
        api.on("GET $F/trees/data", tree([]))
        api.on("POST $F/blobs", JsonOutput.toJson([results: [[urls: [[url: signed('a'), headers: ['x-amz-meta-k': 'v']]]]]]))
        api.onResponses('PUT /storage/a', ok('"e1"'))

        when:
        def report = files.upload(local, 'data/a.txt', TransferOptions.defaults())

        then:
        body(api.last("POST $F/blobs")) == [blobs: [[path: 'data/a.txt']], cluster_id: 'c1']
        def put = api.last('PUT /storage/a')
        put.getHeader('Authorization') == null
        put.getHeader('x-amz-meta-k') == 'v'
        put.getHeader('Content-Length') == '5'
        put.body.readUtf8() == 'hello'
        put.requestUrl.queryParameter('X-Amz-Signature') == SIG
        api.count("POST $F/blobs/complete") == 0
        report.count(FileResult.Outcome.SENT) == 1
    }

    def "a file sent to the name of a folder that is there goes into it by its name"() {
        given:
        def local = write('a.txt', 'hello'.bytes)
        api.on("GET $F/trees/", tree([folder('data')]))
        api.on("GET $F/trees/data", tree([]))
        api.on("POST $F/blobs", JsonOutput.toJson([results: [[urls: [[url: signed('a')]]]]]))
        api.onResponses('PUT /storage/a', ok('"e1"'))

        when:
        files.upload(local, '/teamspace/studios/this_studio/data', TransferOptions.defaults())

        then:
        body(api.last("POST $F/blobs")).blobs[0].path == 'data/a.txt'
    }

    def "a single part is completed when the service says complete_required; an empty file is a zero-length body"() {
        given:
        def local = write('empty', new byte[0])
        api.on("GET $F/trees/", tree([]))
        api.on("POST $F/blobs", JsonOutput.toJson([results: [[upload_id: 'u9', complete_required: true, urls: [[url: signed('e')]]]]]))
        api.onResponses('PUT /storage/e', ok('"e0"'))
        api.on("POST $F/blobs/complete", '{}')

        when:
        files.upload(local, null, TransferOptions.defaults())

        then:
        api.last('PUT /storage/e').getHeader('Content-Length') == '0'
        api.last('PUT /storage/e').getHeader('Transfer-Encoding') == null
        body(api.last("POST $F/blobs/complete")) == [blobs: [[path: 'empty', upload_id: 'u9']], cluster_id: 'c1']
    }

    def "a file above the threshold goes in parts of part_size, each PUT its exact byte range, then complete with part numbers and etags"() {
        given:
        byte[] content = bytes((int) (12 * MIB + 3))
        def local = write('big.bin', content)
        api.on("GET $F/trees/", tree([]))
        api.on("POST $F/blobs", JsonOutput.toJson([results: [[upload_id: 'up1',
                urls: (1..3).collect { [url: signed("big/$it"), part_number: it] }]]]))
        (1..3).each { api.onResponses("PUT /storage/big/$it", ok("\"etag-$it\"")) }
        api.on("POST $F/blobs/complete", '{}')

        when:
        files.upload(local, 'big.bin', TransferOptions.defaults().withMultipart(5 * MIB, 5 * MIB).withParallel(3))

        then:
        body(api.last("POST $F/blobs")) == [blobs: [[path: 'big.bin', parts: 3, part_size: 5 * MIB]], cluster_id: 'c1']
        (1..3).every { n ->
            def put = api.last("PUT /storage/big/$n")
            long from = (n - 1) * 5 * MIB
            long to = Math.min(n * 5 * MIB, content.length)
            put.getHeader('Authorization') == null && put.body.readByteArray() == Arrays.copyOfRange(content, (int) from, (int) to)
        }
        body(api.last("POST $F/blobs/complete")) == [blobs: [[path: 'big.bin', upload_id: 'up1',
                parts: (1..3).collect { [part_number: it, etag: "\"etag-$it\"".toString()] }]], cluster_id: 'c1']
    }

    def "a part refused 403 (expired) is re-signed by upload_id and part_numbers and sent again"() {
        given:
        def local = write('big.bin', bytes((int) (10 * MIB)))
        api.on("GET $F/trees/", tree([]))
        api.on("POST $F/blobs",
                JsonOutput.toJson([results: [[upload_id: 'up1', urls: (1..2).collect { [url: signed("big/$it"), part_number: it] }]]]),
                JsonOutput.toJson([results: [[upload_id: 'up1', urls: [[url: signed('big/2b'), part_number: 2]]]]]))
        api.onResponses('PUT /storage/big/1', ok('"e1"'))
        api.onResponses('PUT /storage/big/2', status(403, '<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>'))
        api.onResponses('PUT /storage/big/2b', ok('"e2"'))
        api.on("POST $F/blobs/complete", '{}')

        when:
        files.upload(local, 'big.bin', TransferOptions.defaults().withMultipart(5 * MIB, 5 * MIB).withParallel(1))

        then:
        body(requests("POST $F/blobs")[1]) == [blobs: [[path: 'big.bin', upload_id: 'up1', part_numbers: [2]]], cluster_id: 'c1']
        body(api.last("POST $F/blobs/complete")).blobs[0].parts == [[part_number: 1, etag: '"e1"'], [part_number: 2, etag: '"e2"']]
        sleeper.sleeps.size() == 1
    }

    def "a single part answered 503, or whose connection drops, asks for a new URL and is sent again"() {
        given:
        def local = write('a.txt', 'hello'.bytes)
        api.on("GET $F/trees/", tree([]))
        api.on("POST $F/blobs", JsonOutput.toJson([results: [[urls: [[url: signed('a')]]]]]),
                JsonOutput.toJson([results: [[urls: [[url: signed('a2')]]]]]),
                JsonOutput.toJson([results: [[urls: [[url: signed('a3')]]]]]))
        api.onResponses('PUT /storage/a', status(503, 'Slow Down'))
        api.onResponses('PUT /storage/a2', new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST))
        api.onResponses('PUT /storage/a3', ok('"e"'))

        when:
        def report = files.upload(local, 'a.txt', TransferOptions.defaults())

        then:
        api.count("POST $F/blobs") == 3
        api.last('PUT /storage/a3').body.readUtf8() == 'hello'
        report.files()[0].outcome() == FileResult.Outcome.SENT
    }

    def "another status fails with storage's text, and no signature or credential reaches the message"() {
        given:
        def local = write('a.txt', 'hello'.bytes)
        api.on("GET $F/trees/", tree([]))
        api.on("POST $F/blobs", JsonOutput.toJson([results: [[urls: [[url: signed('a')]]]]]))
        api.onResponses('PUT /storage/a', status(400,
                "<Error><Code>InvalidArgument</Code><Message>bad request to ${signed('a')} with k</Message></Error>"))

        when:
        files.upload(local, 'a.txt', TransferOptions.defaults())

        then:
        FileTransferException e = thrown()
        e.kind() == Failure.SERVICE
        e.message.contains('HTTP 400')
        e.message.contains('InvalidArgument')
        !e.message.contains(SIG) && !e.message.contains(KEY_ID)
        api.count("POST $F/blobs") == 1
    }

    def "a local file that is not there is refused before any call, saying what to give"() {
        given:
        int before = api.calls.size()

        when:
        files.upload(dir.resolve('nope.txt'), 'x', TransferOptions.defaults())

        then:
        FileTransferException e = thrown()
        e.kind() == Failure.REFUSED_VALUE
        e.message.contains('nope.txt')
        e.message.contains('give the path of an existing file or folder')
        api.calls.size() == before
    }

    def "a folder goes up file by file, ignored files left out, every file heard; one failing does not stop the others"() {
        given:
        write('proj/.gitignore', '*.log\n'.bytes)
        write('proj/a.txt', 'a'.bytes)
        write('proj/b.txt', 'bb'.bytes)
        write('proj/run.log', 'log'.bytes)
        write('proj/.git/HEAD', 'ref'.bytes)
        api.on("GET $F/trees/proj", tree([]))
        api.on("POST $F/blobs", JsonOutput.toJson([results: [[urls: [[url: signed('any')]]]]]))
        api.server.dispatcher = failing(api.server.dispatcher, 'proj/b.txt')

        when:
        files.upload(dir.resolve('proj'), null, TransferOptions.defaults().withParallel(2).withListener(recording()))

        then:
        FileTransferException e = thrown()
        e.message.startsWith('1 of 3 files failed to upload to studio \'s\'')
        e.message.contains(dir.resolve('proj/b.txt').toString())
        heard.first() == 'planned 3 9'
        heard.findAll { it.startsWith('finished') }.sort() ==
                ['finished proj/.gitignore SENT', 'finished proj/a.txt SENT', 'finished proj/b.txt FAILED']
        heard.last() == 'done 3'
    }

    def "files and their parts share the parallel slots: never more than 'parallel' PUTs at once"() {
        given:
        (1..3).each { write("many/f${it}.bin", bytes((int) (10 * MIB))) }
        api.on("GET $F/trees/many", tree([]))
        def inFlight = new java.util.concurrent.atomic.AtomicInteger()
        def most = new java.util.concurrent.atomic.AtomicInteger()
        def inner = api.server.dispatcher
        api.server.dispatcher = new okhttp3.mockwebserver.Dispatcher() {
            MockResponse dispatch(okhttp3.mockwebserver.RecordedRequest r) {
                if (r.method == 'POST' && r.path.endsWith('/blobs')) {
                    inner.dispatch(r)
                    return ScriptedServer.json(200, JsonOutput.toJson([results: [[upload_id: 'u',
                            urls: (1..2).collect { [url: signed("p$it"), part_number: it] }]]]))
                }
                if (r.method == 'PUT') {
                    most.accumulateAndGet(inFlight.incrementAndGet(), Math::max)
                    Thread.sleep(50)
                    inFlight.decrementAndGet()
                    return ok('"e"')
                }
                r.path.endsWith('/complete') ? ScriptedServer.json(200, '{}') : inner.dispatch(r)
            }
        }

        when:
        def report = files.upload(dir.resolve('many'), null,
                TransferOptions.defaults().withMultipart(5 * MIB, 5 * MIB).withParallel(2))

        then:
        report.count(FileResult.Outcome.SENT) == 3
        most.get() <= 2
    }

    /** Storage answers 400 to the PUT of the blob signed for {@code path}, 200 to the others. */
    def failing(okhttp3.mockwebserver.Dispatcher inner, String path) {
        def signedFor = [:].asSynchronized()
        new okhttp3.mockwebserver.Dispatcher() {
            okhttp3.mockwebserver.MockResponse dispatch(okhttp3.mockwebserver.RecordedRequest r) {
                if (r.method == 'POST' && r.path.endsWith('/blobs')) {
                    inner.dispatch(r)
                    String p = new groovy.json.JsonSlurper().parseText(r.body.readUtf8()).blobs[0].path
                    return ScriptedServer.json(200, JsonOutput.toJson([results: [[urls: [[url: signed(p.replace('/', '_'))]]]]]))
                }
                if (r.method == 'PUT') {
                    inner.dispatch(r)
                    return r.path.contains(path.replace('/', '_')) ? status(400, 'no') : ok('"e"')
                }
                inner.dispatch(r)
            }
        }
    }
}
