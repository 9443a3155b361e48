package dev.lstudio.emulator

import groovy.json.JsonOutput
import groovy.json.JsonSlurperClassic
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.file.Files
import java.nio.file.Path
import java.security.DigestInputStream
import java.security.MessageDigest
import java.time.Duration
import spock.lang.Specification
import spock.lang.TempDir

/**
 * Storage streams: an emulator in its own JVM with a 32 MiB heap takes a 200 MiB multipart upload
 * and serves it back, which it could not if it held a part (64 MiB) or the file in memory.
 */
class LargeFileSpec extends Specification {
    static final long MIB = 1024 * 1024
    // -Dlstudio.large.mib=1024 checks a 1 GiB file by hand; 200 MiB is already six times the heap
    static final long SIZE = Long.getLong('lstudio.large.mib', 200) * MIB
    static final long PART = 64 * MIB

    @TempDir
    Path work

    Process process
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
    String base
    String auth

    def cleanup() {
        process?.destroyForcibly()
    }

    def call(String method, String path, Map body = null) {
        def b = HttpRequest.newBuilder(URI.create(base + path)).header('Authorization', auth).timeout(Duration.ofSeconds(60))
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JsonOutput.toJson(body)))
        def r = http.send(b.build(), HttpResponse.BodyHandlers.ofString())
        assert r.statusCode() < 400: "$method $path -> ${r.statusCode()} ${r.body()}"
        r.body() ? new JsonSlurperClassic().parseText(r.body()) : null
    }

    static String sha256(Path file) {
        def digest = MessageDigest.getInstance('SHA-256')
        new DigestInputStream(Files.newInputStream(file), digest).withCloseable { it.transferTo(OutputStream.nullOutputStream()) }
        digest.digest().encodeHex().toString()
    }

    def "a 200 MiB multipart upload and its download pass through an emulator with a 32 MiB heap"() {
        given: 'the emulator in a JVM of its own with -Xmx32m'
        String java = Path.of(System.getProperty('java.home'), 'bin', 'java').toString()
        process = new ProcessBuilder(java, '-Xmx32m', '-cp', System.getProperty('java.class.path'), EmulatorCommand.name,
                '--port', '0', '--strict', '--no-teammate', '--start-delay', '0s').redirectError(work.resolve('err').toFile()).start()
        def out = new BufferedReader(new InputStreamReader(process.inputStream))
        base = (out.readLine() =~ /listening on (\S+)$/)[0][1]
        out.readLine()
        String user = (out.readLine() =~ /=(.*)$/)[0][1]
        String key = (out.readLine() =~ /=(.*)$/)[0][1]
        auth = 'Basic ' + "$user:$key".bytes.encodeBase64()

        and: 'a 200 MiB file'
        Path source = work.resolve('source.bin')
        def random = new Random(5)
        byte[] block = new byte[MIB]
        Files.newOutputStream(source).withCloseable { o -> (SIZE / MIB).times { random.nextBytes(block); o.write(block) } }
        def project = call('GET', 'v1/memberships').memberships[0].projectId
        def studio = call('POST', "v1/projects/$project/cloudspaces", [name: 'large'])
        String files = "v1/projects/$project/artifacts/cloudspaces/${studio.id}"

        when:
        int parts = (int) ((SIZE + PART - 1) / PART)
        def result = call('POST', "$files/blobs", [blobs: [[path: 'large.bin', parts: parts, part_size: PART]]]).results[0]
        def etags = (1..parts).collect { int n ->
            long from = (n - 1) * PART
            long length = Math.min(PART, SIZE - from)
            def body = HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream {
                def input = Files.newInputStream(source)
                input.skipNBytes(from)
                new BoundedInput(input, length)
            }, length)
            def put = http.send(HttpRequest.newBuilder(URI.create(result.urls[n - 1].url as String)).PUT(body).build(),
                    HttpResponse.BodyHandlers.ofString())
            assert put.statusCode() == 200: put.body()
            [part_number: n, etag: put.headers().firstValue('ETag').get()]
        }
        call('POST', "$files/blobs/complete", [blobs: [[path: 'large.bin', upload_id: result.upload_id, parts: etags]]])
        def redirect = http.send(HttpRequest.newBuilder(URI.create(base + "$files/blobs/large.bin")).header('Authorization', auth)
                .build(), HttpResponse.BodyHandlers.discarding())
        Path back = work.resolve('back.bin')
        def download = http.send(HttpRequest.newBuilder(URI.create(redirect.headers().firstValue('Location').get())).build(),
                HttpResponse.BodyHandlers.ofFile(back))

        then:
        download.statusCode() == 200
        Files.size(back) == SIZE
        sha256(back) == sha256(source)
        process.alive
        !Files.readString(work.resolve('err')).contains('OutOfMemoryError')
    }

    /** At most {@code left} bytes of a stream. */
    static class BoundedInput extends FilterInputStream {
        long left

        BoundedInput(InputStream input, long left) {
            super(input)
            this.left = left
        }

        int read() {
            left-- > 0 ? super.read() : -1
        }

        int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1
            }
            int n = super.read(b, off, (int) Math.min(len, left))
            if (n > 0) {
                left -= n
            }
            n
        }
    }
}
