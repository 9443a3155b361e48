package dev.lstudio.client

import okhttp3.mockwebserver.MockResponse
import okhttp3.mockwebserver.SocketPolicy

import java.nio.file.Files

/** What a download asks for and what it leaves on disk: redirects without credentials, Range resumes, no half files. */
class DownloadWireSpec extends FilesSpecBase {
    byte[] content = bytes(200_000)

    def setup() {
        api.on("GET $F/trees/out", tree([blob('m.bin', content.length)]))
        api.onResponses("GET $F/blobs/out/m.bin", redirect())
    }

    MockResponse redirect() {
        new MockResponse().setResponseCode(302).setHeader('Location', signed('m'))
    }

    static MockResponse whole(byte[] b) {
        new MockResponse().setResponseCode(200).setBody(new okio.Buffer().write(b))
    }

    List<String> leftovers() {
        Files.list(dir).withCloseable { s -> s.map { it.fileName.toString() }.filter { it.endsWith('.partial') }.toList() }
    }

    def "the API's redirect is fetched from storage without the credentials; the file lands whole, nothing .partial left"() {
        given:
        api.onResponses('GET /storage/m', whole(content))

        when:
        def report = files.download('out/m.bin', dir, TransferOptions.defaults())

        then:
        Files.readAllBytes(dir.resolve('m.bin')) == content
        api.last("GET $F/blobs/out/m.bin").getHeader('Authorization') != null
        api.last("GET $F/blobs/out/m.bin").requestUrl.queryParameter('clusterId') == 'c1'
        api.last('GET /storage/m').getHeader('Authorization') == null
        api.last('GET /storage/m').getHeader('Range') == null
        report.count(FileResult.Outcome.RECEIVED) == 1
        leftovers().empty
    }

    def "a short body is resumed with Range from the bytes written, when storage answers 206"() {
        given:
        int half = content.length / 2
        api.onResponses('GET /storage/m',
                whole(content).setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY),
                new MockResponse().setResponseCode(206)
                        .setHeader('Content-Range', "bytes $half-${content.length - 1}/$content.length")
                        .setBody(new okio.Buffer().write(Arrays.copyOfRange(content, half, content.length))))
        def moved = [].asSynchronized()
        def listener = new TransferListener() {
            void moved(FileTransfer f, long delta) { moved << delta }
        }

        when:
        files.download('out/m.bin', dir.resolve('copy.bin'), TransferOptions.defaults().withListener(listener))

        then:
        Files.readAllBytes(dir.resolve('copy.bin')) == content
        def ranges = requests('GET /storage/m')*.getHeader('Range')
        ranges.size() == 2
        ranges[0] == null
        ranges[1] == "bytes=$half-".toString()
        moved.sum() == content.length
        moved.every { it > 0 }
        leftovers().empty
    }

    def "a resume answered 200 starts over, taking back the bytes counted"() {
        given:
        api.onResponses('GET /storage/m', whole(content).setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY),
                whole(content))
        def moved = [].asSynchronized()
        def listener = new TransferListener() {
            void moved(FileTransfer f, long delta) { moved << delta }
        }

        when:
        def report = files.download('out/m.bin', dir.resolve('copy.bin'), TransferOptions.defaults().withListener(listener))

        then:
        Files.readAllBytes(dir.resolve('copy.bin')) == content
        moved.sum() == content.length
        moved.any { it < 0 }
        report.files()[0].bytes() > content.length
    }

    def "a download that keeps failing leaves the old file as it was and no temporary file"() {
        given:
        def target = write('m.bin', 'old'.bytes)
        api.onResponses('GET /storage/m', whole(content).setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY))

        when:
        files.download('out/m.bin', dir, TransferOptions.defaults())

        then:
        FileTransferException e = thrown()
        e.kind() == Failure.SERVICE
        e.message.contains('s:out/m.bin')
        !e.message.contains(SIG) && !e.message.contains(KEY_ID)
        new String(Files.readAllBytes(target)) == 'old'
        leftovers().empty
        requests('GET /storage/m').size() == TransferRetry.ATTEMPTS
    }

    def "storage refusing the download fails with its text and without the signature"() {
        given:
        api.onResponses('GET /storage/m', status(400, "<Error><Code>Bad</Code><Message>no ${signed('m')}</Message></Error>"))

        when:
        files.download('out/m.bin', dir, TransferOptions.defaults())

        then:
        FileTransferException e = thrown()
        e.message.contains('HTTP 400')
        !e.message.contains(SIG) && !e.message.contains(KEY_ID)
        !Files.exists(dir.resolve('m.bin'))
    }

    def "a file not in the studio is GONE, naming where to look"() {
        when:
        files.download('out/none.bin', dir, TransferOptions.defaults())

        then:
        FileTransferException e = thrown()
        e.kind() == Failure.GONE
        e.message == "no file or folder 'out/none.bin' in studio 's'; lstudio ls s:out shows what is there"
    }

    def "a folder's contents come down into the folder named, there already or not, so a rerun fills the same place"() {
        given:
        api.on("GET $F/trees/", tree([folder('out')]))
        api.on("GET $F/trees/out", tree([blob('m.bin', content.length), blob('sub/n.txt', 2), folder('sub')]))
        api.onResponses("GET $F/blobs/out/sub/n.txt", new MockResponse().setResponseCode(200).setBody('hi'),
                new MockResponse().setResponseCode(200).setBody('hi'))
        api.onResponses('GET /storage/m', whole(content), whole(content))

        when: 'into a folder that is there'
        def report = files.download('out/', dir, TransferOptions.defaults())

        then:
        Files.readAllBytes(dir.resolve('m.bin')) == content
        new String(Files.readAllBytes(dir.resolve('sub/n.txt'))) == 'hi'
        !Files.exists(dir.resolve('out'))
        api.last("GET $F/trees/out").requestUrl.queryParameter('recursive') == 'true'
        report.count(FileResult.Outcome.RECEIVED) == 2

        when: 'into a folder that is not there yet'
        files.download('out/', dir.resolve('fresh'), TransferOptions.defaults())

        then:
        Files.readAllBytes(dir.resolve('fresh/m.bin')) == content
        new String(Files.readAllBytes(dir.resolve('fresh/sub/n.txt'))) == 'hi'
    }
}
