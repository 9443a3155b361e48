package dev.lstudio.api

import java.nio.file.Files
import java.util.concurrent.TimeUnit

/** Presigned URLs are credentials: the debug log, the storage requests and the messages never show their signature. */
class StorageLogSpec extends MockApiSpec {
    static final String SIG = 'SIGNATURE-abc123'

    String signed(String path) {
        server.url("/storage/$path").toString() + "?X-Amz-Credential=AKIA1&X-Amz-Signature=$SIG"
    }

    def "a download's redirect goes to storage without credentials, and the log masks the Location and the storage query"() {
        given:
        reply(302, '', [Location: signed('m')])
        reply(206, 'tail', ['Content-Range': 'bytes 4-7/8'])

        when:
        def download = api.openFile('p1', 's1', 'out/m.bin', 'c1', 4)
        def text = download.withCloseable { new String(it.body().readAllBytes()) }

        then:
        text == 'tail'
        download.partial()
        download.contentLength() == 4
        download.contentRange() == 'bytes 4-7/8'
        def first = taken()
        first.path == '/v1/projects/p1/artifacts/cloudspaces/s1/blobs/out/m.bin?clusterId=c1'
        first.getHeader('Authorization') == BASIC
        def storage = taken()
        storage.getHeader('Authorization') == null
        storage.getHeader('Range') == 'bytes=4-'
        storage.requestUrl.queryParameter('X-Amz-Signature') == SIG
        debug.size() == 4
        debug.every { !it.contains(SIG) && !it.contains('AKIA1') }
        debug[1].contains('Location: http://') && debug[1].contains('X-Amz-Signature=****')
        debug[2].startsWith('--> GET http://') && debug[2].contains('/storage/m?X-Amz-Credential=****&X-Amz-Signature=****')
        !debug[2].contains('Authorization')
    }

    def "a PUT streams the region with the URL's headers and no credentials; a refusal's message has no signature"() {
        given:
        def file = Files.createTempFile('part', '.bin')
        Files.write(file, '0123456789'.bytes)
        reply(200, '', [ETag: '"e1"'])
        reply(403, "<Error><Code>AccessDenied</Code><Message>Request has expired for ${signed('x')}</Message></Error>")
        def url = new SignedBlobs.Url(signed('x'), 2, ['x-amz-acl': 'private'])
        long counted = 0

        when:
        def etag = api.putToStorage(url, file, 3, 4, { counted += it })
        def put = server.takeRequest(5, TimeUnit.SECONDS)
        api.putToStorage(url, file, 0, 1, { })

        then:
        StorageException e = thrown()
        etag == '"e1"'
        put.body.readUtf8() == '3456'
        put.getHeader('Content-Length') == '4'
        put.getHeader('x-amz-acl') == 'private'
        put.getHeader('Authorization') == null
        counted == 4
        e.httpStatus() == 403
        e.resendable()
        e.message.contains('AccessDenied Request has expired')
        !e.message.contains(SIG)
        !url.toString().contains(SIG)
        debug.every { !it.contains(SIG) }

        cleanup:
        Files.deleteIfExists(file)
    }

    def "the artifacts bodies are the live service's: snake_case, nulls left out; the tree answer read leniently"() {
        expect:
        Json.mapper().writeValueAsString(SignBlobsRequest.single('a.txt', 'c1')) == '{"blobs":[{"path":"a.txt"}],"cluster_id":"c1"}'
        Json.mapper().writeValueAsString(SignBlobsRequest.multipart('b', 3, 5, null)) == '{"blobs":[{"path":"b","parts":3,"part_size":5}]}'
        Json.mapper().writeValueAsString(SignBlobsRequest.resign('b', 'u', [2], 'c1')) ==
                '{"blobs":[{"path":"b","upload_id":"u","part_numbers":[2]}],"cluster_id":"c1"}'
        Json.mapper().writeValueAsString(CompleteBlobsRequest.of('b', 'u', [new CompleteBlobsRequest.Part(1, '"e"')], 'c1')) ==
                '{"blobs":[{"path":"b","upload_id":"u","parts":[{"part_number":1,"etag":"\\"e\\""}]}],"cluster_id":"c1"}'
        with(Json.mapper().readValue('{"tree":[{"path":"a","type":"blob","size":"3","new":1}],"more":true}', ArtifactTree)) {
            tree()[0] == new ArtifactEntry('a', 'blob', 3, null, null)
            last()
        }
        with(Json.mapper().readValue('{"results":[{"upload_id":"u","urls":[{"url":"http://x/?s=1","part_number":1}],"complete_required":true,"x":2}]}', SignedBlobs)) {
            results()[0].mustComplete()
            results()[0].urls()[0].partNumber() == 1
            results()[0].urls()[0].headers() == [:]
        }
    }

    def "every artifacts route has a facade method, and every one may be resent (none creates anything twice)"() {
        expect:
        def routes = ArtifactsService.declaredMethods.findAll { !it.synthetic }
        def facade = LightningApi.declaredMethods.findAll { java.lang.reflect.Modifier.isPublic(it.modifiers) }*.name as Set
        routes.size() == 6
        routes.every { it.isAnnotationPresent(RetrySafe) }
        ['listFiles', 'signUpload', 'completeUpload', 'deleteFile', 'deleteFolder', 'openFile', 'putToStorage'].every { it in facade }
    }
}
