package dev.lstudio.client

import groovy.json.JsonOutput

import java.nio.file.Files

/** skipSame both ways: only what the record vouches for (size, lastModified, SHA-256) is left out. */
class SkipSameSpec extends FilesSpecBase {

    TransferOptions options() {
        TransferOptions.defaults().withChecksums(dir.resolve('state/transfers'))
    }

    def "an upload is skipped the second time, and sent again once the local content changes"() {
        given:
        def local = write('a.txt', 'hello'.bytes)
        api.on("GET $F/trees/", tree([blob('a.txt', 5)]))
        api.on("POST $F/blobs", JsonOutput.toJson([results: [[urls: [[url: signed('a')]]]]]))
        api.onResponses('PUT /storage/a', ok('"e"'))

        when:
        def first = files.upload(local, 'a.txt', options())
        def second = files.upload(local, 'a.txt', options())

        then:
        first.count(FileResult.Outcome.SENT) == 1
        second.count(FileResult.Outcome.SKIPPED) == 1
        api.count('PUT /storage/a') == 1

        when: 'the same size, another content'
        Files.write(local, 'jello'.bytes)
        def third = files.upload(local, 'a.txt', options())

        then:
        third.count(FileResult.Outcome.SENT) == 1
        api.count('PUT /storage/a') == 2
    }

    def "an upload is sent again when the listing's lastModified changed (someone wrote it there)"() {
        given:
        def local = write('a.txt', 'hello'.bytes)
        api.on("GET $F/trees/", tree([blob('a.txt', 5)]))
        api.on("POST $F/blobs", JsonOutput.toJson([results: [[urls: [[url: signed('a')]]]]]))
        api.onResponses('PUT /storage/a', ok('"e"'))
        files.upload(local, 'a.txt', options())
        api.on("GET $F/trees/", tree([blob('a.txt', 5, '2026-12-02T04:00:00Z')]))

        expect:
        files.upload(local, 'a.txt', options()).count(FileResult.Outcome.SENT) == 1
    }

    def "without a record nothing is skipped: the listing has no checksum"() {
        given:
        def local = write('a.txt', 'hello'.bytes)
        api.on("GET $F/trees/", tree([blob('a.txt', 5)]))
        api.on("POST $F/blobs", JsonOutput.toJson([results: [[urls: [[url: signed('a')]]]]]))
        api.onResponses('PUT /storage/a', ok('"e"'))

        when:
        files.upload(local, 'a.txt', TransferOptions.defaults())
        files.upload(local, 'a.txt', TransferOptions.defaults())

        then:
        api.count('PUT /storage/a') == 2
    }

    def "a download is skipped the second time, and received again once the local file changed"() {
        given:
        api.on("GET $F/trees/out", tree([blob('m.txt', 2)]))
        api.onResponses("GET $F/blobs/out/m.txt", new okhttp3.mockwebserver.MockResponse().setBody('hi'))

        when:
        files.download('out/m.txt', dir, options())
        def second = files.download('out/m.txt', dir, options())

        then:
        second.count(FileResult.Outcome.SKIPPED) == 1
        api.count("GET $F/blobs/out/m.txt") == 1

        when:
        Files.write(dir.resolve('m.txt'), 'ho'.bytes)
        def third = files.download('out/m.txt', dir, options())

        then:
        third.count(FileResult.Outcome.RECEIVED) == 1
        new String(Files.readAllBytes(dir.resolve('m.txt'))) == 'hi'
    }

    def "the record is one JSON file per studio, path to size, lastModified and SHA-256"() {
        given:
        api.on("GET $F/trees/out", tree([blob('m.txt', 2)]))
        api.onResponses("GET $F/blobs/out/m.txt", new okhttp3.mockwebserver.MockResponse().setBody('hi'))

        when:
        files.download('out/m.txt', dir, options())
        def record = new groovy.json.JsonSlurper().parse(dir.resolve('state/transfers/p1.s1.json').toFile())

        then:
        record.files == ['out/m.txt': [size: 2, lastModified: '2026-12-02T03:15:29Z',
                crc32c: 'f59dd9c2']]
    }
}
