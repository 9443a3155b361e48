package dev.lstudio.emulator

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.security.MessageDigest
import java.time.Duration

/**
 * The artifacts API and presigned storage by plain HTTP, as any client would use them: JSON calls
 * through {@link Api}, bytes PUT and GET straight to the signed URLs with no Authorization header.
 */
class Artifacts {
    final Api api
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()

    Artifacts(Api api) {
        this.api = api
    }

    static String base(Map studio) { "v1/projects/${studio.projectId}/artifacts/cloudspaces/${studio.id}" }

    /** Each segment percent-encoded (spaces as %20), as a client puts a file path in a URL. */
    static String encode(String path) {
        path.split('/', -1).collect { URLEncoder.encode(it, 'UTF-8').replace('+', '%20') }.join('/')
    }

    Api.Resp list(Map studio, String path = '', String query = '') {
        api.get("${base(studio)}/trees/${encode(path)}${query ? '?' + query : ''}")
    }

    /** Every entry of a listing, following nextCursor; also how many pages it took. */
    Map listAll(Map studio, String path = '', boolean recursive = false) {
        List entries = []
        int pages = 0
        String cursor = ''
        while (true) {
            def q = [recursive ? 'recursive=true' : null, cursor ? 'cursor=' + URLEncoder.encode(cursor, 'UTF-8') : null]
            def r = list(studio, path, q.findAll().join('&'))
            assert r.status == 200: "list $path -> $r"
            pages++
            entries.addAll(r.json.tree)
            cursor = r.json.nextCursor
            if (!cursor) {
                return [entries: entries, pages: pages]
            }
        }
    }

    Api.Resp sign(Map studio, List<Map> blobs) { api.post("${base(studio)}/blobs", [blobs: blobs]) }

    Api.Resp complete(Map studio, List<Map> blobs) { api.post("${base(studio)}/blobs/complete", [blobs: blobs]) }

    HttpResponse<String> put(String url, byte[] bytes, Map<String, String> headers = [:]) {
        def b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
        headers.each { k, v -> b.header(k, v) }
        http.send(b.build(), HttpResponse.BodyHandlers.ofString())
    }

    HttpResponse<byte[]> fetch(String url, Map<String, String> headers = [:]) {
        def b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET()
        headers.each { k, v -> b.header(k, v) }
        http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray())
    }

    /** Sign, PUT and complete a single-part upload; returns the complete answer. */
    Api.Resp upload(Map studio, String path, byte[] bytes) {
        def signed = sign(studio, [[path: path]])
        assert signed.status == 200: "sign $path -> $signed"
        def put = put(signed.json.results[0].urls[0].url as String, bytes)
        assert put.statusCode() == 200: "PUT $path -> ${put.statusCode()} ${put.body()}"
        complete(studio, [[path: path]])
    }

    /** The download's redirect target (asserting the 307), from GET .../blobs/{path}. */
    String downloadUrl(Map studio, String path) {
        def r = api.get("${base(studio)}/blobs/${encode(path)}")
        assert r.status == 307: "GET blobs/$path -> $r"
        r.headers.firstValue('Location').get()
    }

    byte[] download(Map studio, String path) {
        def r = fetch(downloadUrl(studio, path))
        assert r.statusCode() == 200
        r.body()
    }

    static String sha256(byte[] bytes) { MessageDigest.getInstance('SHA-256').digest(bytes).encodeHex().toString() }

    /** Bytes that differ by position, so a part in the wrong place shows in the checksum. */
    static byte[] bytes(int size, long seed = 1) {
        def b = new byte[size]
        new Random(seed).nextBytes(b)
        b
    }
}
