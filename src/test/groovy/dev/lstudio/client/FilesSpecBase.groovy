package dev.lstudio.client

import groovy.json.JsonOutput
import okhttp3.mockwebserver.MockResponse
import okhttp3.mockwebserver.RecordedRequest
import spock.lang.TempDir

import java.nio.file.Path

/** A Studio 's' (id s1, cluster c1) whose files are on the scripted server, and storage on the same server. */
abstract class FilesSpecBase extends ClientSpec {
    static final String F = '/v1/projects/p1/artifacts/cloudspaces/s1'
    static final String SIG = 'SECRETSIG0123'
    static final String KEY_ID = 'AKIASECRETID'
    static final long MIB = 1024 * 1024

    @TempDir
    Path dir
    StudioFiles files
    List<String> heard = [].asSynchronized()

    def setup() {
        api.on("GET $P", '{"cloudspaces":[{"id":"s1","name":"s","clusterId":"c1"}]}')
        files = client.studio(TEAM, 's').files()
    }

    /** A presigned URL on the scripted server: its query carries a signature that must never show. */
    String signed(String path) {
        api.url() + "storage/$path?X-Amz-Credential=$KEY_ID&X-Amz-Signature=$SIG"
    }

    static String tree(List<Map> entries, String next = null) {
        JsonOutput.toJson([tree: entries] + (next == null ? [:] : [nextCursor: next]))
    }

    static Map blob(String path, long size, String modified = '2026-12-02T03:15:29Z') {
        [path: path, type: 'blob', size: size, clusterId: 'c1', lastModified: modified, someNewField: [x: 1]]
    }

    static Map folder(String path) {
        [path: path, type: 'tree', size: 0, clusterId: 'c1']
    }

    static MockResponse ok(String etag) {
        new MockResponse().setResponseCode(200).setHeader('ETag', etag)
    }

    static MockResponse status(int code, String body = '') {
        new MockResponse().setResponseCode(code).setBody(body)
    }

    List<RecordedRequest> requests(String route) {
        synchronized (api.requests) {
            api.requests.findAll { it.method + ' ' + it.requestUrl.encodedPath() == route }
        }
    }

    List<RecordedRequest> storageRequests() {
        synchronized (api.requests) {
            api.requests.findAll { it.requestUrl.encodedPath().startsWith('/storage/') }
        }
    }

    Path write(String name, byte[] bytes) {
        Path p = dir.resolve(name)
        p.parent.toFile().mkdirs()
        java.nio.file.Files.write(p, bytes)
        p
    }

    static byte[] bytes(int n) {
        byte[] b = new byte[n]
        new Random(42).nextBytes(b)
        b
    }

    TransferListener recording() {
        new TransferListener() {
            void planned(TransferDirection d, int n, long total) { heard << "planned $n $total".toString() }
            void started(FileTransfer f) { heard << "started $f.remote".toString() }
            void finished(FileResult r) { heard << "finished $r.file.remote $r.outcome".toString() }
            void done(TransferReport r) { heard << "done ${r.files().size()}".toString() }
        }
    }
}
