package dev.lstudio.emulator

import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.security.MessageDigest
import spock.lang.Shared

/**
 * The artifacts API over each Studio's own directory, strict, with pages of 2 entries: listing,
 * single and multipart uploads through presigned storage, downloads with Range, deletes, and the
 * paths it refuses.
 */
class ArtifactsSpec extends WithEmulator {
    static final int MIB = 1024 * 1024

    @Override
    Map<String, ?> settings() {
        [strict: true, listPageSize: 2]
    }

    @Shared
    Map studio
    @Shared
    Artifacts files

    def setupSpec() {
        files = new Artifacts(api)
        studio = api.create('files-main', [seedFiles: [[path: 'README.md', contents: 'hello\n'],
                                                       [path: 'data/a.csv', contents: 'a,b\n'],
                                                       [path: 'data/b.csv', contents: '1,2\n'],
                                                       [path: 'data/deep/c.txt', contents: 'c\n'],
                                                       [path: 'src/main.py', contents: 'print(1)\n']]])
        api.startAndWait(studio)
    }

    def "the root lists its immediate entries, folders as trees, in pages that follow nextCursor"() {
        when:
        def all = files.listAll(studio)

        then:
        all.entries*.path == ['README.md', 'data', 'src']
        all.entries*.type == ['blob', 'tree', 'tree']
        all.entries*.size == [6, 0, 0]
        all.entries*.clusterId.toSet() == ['lightning-cloud'] as Set
        all.entries.every { it.lastModified ==~ /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/ }
        all.pages == 2

        and: 'the first page says there is more, the empty path and the bare route list the same'
        files.list(studio).json.nextCursor
        api.get(Artifacts.base(studio) + '/trees').json.tree*.path == ['README.md', 'data']
    }

    def "a folder lists paths relative to itself; recursive lists every file at any depth"() {
        expect:
        files.listAll(studio, 'data').entries*.path == ['a.csv', 'b.csv', 'deep']
        with(files.listAll(studio, 'data', true)) {
            entries*.path == ['a.csv', 'b.csv', 'deep/c.txt']
            entries*.type.toSet() == ['blob'] as Set
            pages == 2
        }
        files.listAll(studio, '', true).entries*.path == ['README.md', 'data/a.csv', 'data/b.csv', 'data/deep/c.txt',
                                                          'src/main.py']
    }

    def "listing #what is 404 in words"() {
        when:
        def r = files.list(studio, path)

        then:
        r.status == 404
        r.json.code == 5
        r.json.message.contains(words)

        where:
        what        | path        || words
        'a file'    | 'README.md' || 'it is a file; download it with GET .../blobs/README.md'
        'a missing' | 'nope'      || "no folder 'nope' in studio files-main"
    }

    def "an unknown studio or project is 404 in words on every route"() {
        given:
        def ghost = [projectId: studio.projectId, id: 'no-such-studio']

        expect:
        [files.list(ghost), files.sign(ghost, [[path: 'x']]), files.complete(ghost, [[path: 'x']]),
         api.get(Artifacts.base(ghost) + '/blobs/x'), api.delete(Artifacts.base(ghost) + '/blobs/x'),
         api.delete(Artifacts.base(ghost) + '/trees/x')].every {
            it.status == 404 && it.json.message.contains('studio no-such-studio not found')
        }
        files.list([projectId: 'no-such-project', id: studio.id]).status == 404
    }

    def "a single-part upload is signed, PUT, and appears only at complete, where exec sees it"() {
        given:
        def bytes = 'uploaded once\n'.getBytes(StandardCharsets.UTF_8)
        String storage = api.emu.baseUrl() + 'storage/'

        when:
        def signed = files.sign(studio, [[path: 'up/one.txt', content_type: 'text/plain']])

        then:
        signed.status == 200
        with(signed.json.results[0]) {
            path == 'up/one.txt'
            upload_id == null
            urls.size() == 1
            urls[0].url.startsWith(storage)
            urls[0].headers == ['Content-Type': 'text/plain']
            complete_required == true
        }

        when:
        def put = files.put(signed.json.results[0].urls[0].url, bytes)

        then:
        put.statusCode() == 200
        put.headers().firstValue('ETag').get() == '"' + MessageDigest.getInstance('MD5').digest(bytes).encodeHex() + '"'
        files.list(studio, 'up').status == 404
        api.exec(studio, 'ls up 2>&1; true').output.contains('No such file')

        when:
        def done = files.complete(studio, [[path: 'up/one.txt']])

        then:
        done.status == 200
        done.json == [:]
        files.listAll(studio, 'up').entries.collect { [it.path, it.type, it.size] } == [['one.txt', 'blob', bytes.length]]
        api.exec(studio, 'cat up/one.txt').output == 'uploaded once\n'
    }

    def "a multipart upload of 12 MiB in 5 MiB parts PUT out of order is assembled in part order"() {
        given:
        def bytes = Artifacts.bytes(12 * MIB)

        when:
        def signed = files.sign(studio, [[path: 'big/model.bin', parts: 3, part_size: 5 * MIB]])
        def result = signed.json.results[0]

        then:
        signed.status == 200
        result.upload_id
        result.urls*.part_number == [1, 2, 3]

        when:
        Map<Integer, String> etags = [:]
        [3, 1, 2].each { n ->
            int from = (n - 1) * 5 * MIB
            def part = Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + 5 * MIB))
            def put = files.put(result.urls[n - 1].url as String, part)
            assert put.statusCode() == 200
            etags[n] = put.headers().firstValue('ETag').get()
        }

        then: 'nothing shows before complete'
        files.list(studio, 'big').status == 404

        when:
        def done = files.complete(studio, [[path: 'big/model.bin', upload_id: result.upload_id,
                                            parts: [2, 3, 1].collect { [part_number: it, etag: etags[it]] }]])

        then:
        done.status == 200
        Artifacts.sha256(files.download(studio, 'big/model.bin')) == Artifacts.sha256(bytes)
        api.exec(studio, 'sha256sum big/model.bin').output.startsWith(Artifacts.sha256(bytes))
    }

    def "a part is re-signed with upload_id and part_numbers, and a complete missing a part or with a wrong etag is refused"() {
        given:
        def bytes = Artifacts.bytes(6 * MIB, 2)
        def result = files.sign(studio, [[path: 'resigned.bin', parts: 2, part_size: 5 * MIB]]).json.results[0]
        def one = files.put(result.urls[0].url as String, Arrays.copyOfRange(bytes, 0, 5 * MIB))

        when:
        def again = files.sign(studio, [[path: 'resigned.bin', upload_id: result.upload_id, part_numbers: [2]]])

        then:
        again.status == 200
        again.json.results[0].upload_id == result.upload_id
        again.json.results[0].urls*.part_number == [2]

        when: 'part 2 is not there yet'
        def early = files.complete(studio, [[path: 'resigned.bin', upload_id: result.upload_id,
                                             parts: [[part_number: 1, etag: one.headers().firstValue('ETag').get()],
                                                     [part_number: 2, etag: '"abc"']]]])

        then:
        early.status == 400
        early.json.message.contains('part 2 of upload')
        early.json.message.contains('never uploaded')

        when:
        def two = files.put(again.json.results[0].urls[0].url as String, Arrays.copyOfRange(bytes, 5 * MIB, bytes.length))
        def missing = files.complete(studio, [[path: 'resigned.bin', upload_id: result.upload_id,
                                               parts: [[part_number: 1, etag: one.headers().firstValue('ETag').get()]]]])
        def wrong = files.complete(studio, [[path: 'resigned.bin', upload_id: result.upload_id,
                                             parts: [[part_number: 1, etag: '"0000"'],
                                                     [part_number: 2, etag: two.headers().firstValue('ETag').get()]]]])

        then:
        missing.status == 400
        missing.json.message.contains('part 2 of 2 is missing')
        wrong.status == 400
        wrong.json.message.contains("part 1's etag \"0000\" is not the ETag its PUT answered")
        files.list(studio, 'resigned.bin').status == 404

        when:
        def done = files.complete(studio, [[path: 'resigned.bin', upload_id: result.upload_id,
                                            parts: [[part_number: 1, etag: one.headers().firstValue('ETag').get()],
                                                    [part_number: 2, etag: two.headers().firstValue('ETag').get()]]]])

        then:
        done.status == 200
        Artifacts.sha256(files.download(studio, 'resigned.bin')) == Artifacts.sha256(bytes)

        and: 'an unknown upload is 404, and a completed one is gone'
        files.sign(studio, [[path: 'resigned.bin', upload_id: 'nope', part_numbers: [1]]]).json.message.contains('no upload nope')
        files.complete(studio, [[path: 'resigned.bin', upload_id: result.upload_id, parts: []]]).status == 404
    }

    def "sign refuses #what with 400 in words"() {
        given:
        def upload = files.sign(studio, [[path: 'x.bin', parts: 2, part_size: 5 * MIB]]).json.results[0].upload_id

        when:
        def r = files.sign(studio, [blob.upload_id ? blob + [upload_id: upload] : blob])

        then:
        r.status == 400
        r.json.code == 3
        r.json.message.contains(words)

        where:
        what                    | blob                                           || words
        'a missing path'        | [content_type: 'text/plain']                   || "needs a 'path'"
        'an absolute path'      | [path: '/etc/passwd']                          || 'must be relative'
        "'..' above the root"   | [path: '../outside.txt']                       || "no '..' above the root"
        "'..' deeper down"      | [path: 'data/../../outside.txt']               || "no '..' above the root"
        'the root itself'       | [path: '.']                                    || 'a file path is required'
        'parts past 10000'      | [path: 'x.bin', parts: 10001, part_size: 5 * MIB] || '1 to 10000 parts'
        'no parts'              | [path: 'x.bin', parts: 0, part_size: 5 * MIB]  || '1 to 10000 parts'
        'parts under 5 MiB'     | [path: 'x.bin', parts: 2, part_size: 1024]     || 'at least 5 MiB'
        'no part_size'          | [path: 'x.bin', parts: 2]                      || 'part_size of'
        'a part number past N'  | [path: 'x.bin', upload_id: 'UPLOAD', part_numbers: [3]] || 'is not one of upload'
    }

    def "a path with '..' in the URL is refused, and nothing outside the studio is touched"() {
        given:
        Files.writeString(state.resolve('outside.txt'), 'keep')

        expect:
        api.get(Artifacts.base(studio) + '/blobs/data/%2E%2E/%2E%2E/%2E%2E/%2E%2E/outside.txt').status == 400
        api.delete(Artifacts.base(studio) + '/blobs/%2E%2E/%2E%2E/%2E%2E/outside.txt').status == 400
        Files.readString(state.resolve('outside.txt')) == 'keep'
    }

    def "a download redirects to a presigned URL; Range bytes=N- resumes with 206 and Content-Range"() {
        given:
        def bytes = Artifacts.bytes(100_000, 3)
        files.upload(studio, 'dl/blob.bin', bytes).status == 200

        when:
        def url = files.downloadUrl(studio, 'dl/blob.bin')
        def whole = files.fetch(url)
        def rest = files.fetch(url, [Range: 'bytes=60000-'])
        def past = files.fetch(url, [Range: 'bytes=100000-'])

        then:
        url.contains('X-Lstudio-Signature=')
        whole.statusCode() == 200
        whole.headers().firstValue('Content-Length').get() == '100000'
        whole.body() == bytes
        rest.statusCode() == 206
        rest.headers().firstValue('Content-Range').get() == 'bytes 60000-99999/100000'
        rest.body() == Arrays.copyOfRange(bytes, 60000, 100000)
        past.statusCode() == 416

        and: 'a missing file or a folder is 404'
        api.get(Artifacts.base(studio) + '/blobs/dl/none.bin').status == 404
        api.get(Artifacts.base(studio) + '/blobs/dl').json.message.contains('it is a folder')
    }

    def "a storage URL with #what is refused #status #code"() {
        given:
        def url = files.sign(studio, [[path: 'refused.txt']]).json.results[0].urls[0].url as String

        when:
        def r = files.put(change(url), 'x'.bytes, headers)

        then:
        r.statusCode() == status
        r.body().contains("<Code>$code</Code>")
        r.body().contains(words)
        files.complete(studio, [[path: 'refused.txt']]).json.message.contains('nothing was uploaded')

        where:
        what                    | change                                                  | headers                   || status | code                    | words
        'a changed signature'   | { String u -> u.replaceAll(/Signature=(.)/) { all, c -> 'Signature=' + (c == '0' ? '1' : '0') } } | [:]               || 403    | 'SignatureDoesNotMatch' | 'does not match'
        'a changed path'        | { String u -> u.replace('refused.txt', 'other.txt') }   | [:]                       || 403    | 'SignatureDoesNotMatch' | 'does not match'
        'a later expiry'        | { String u -> u.replaceAll(/Expires=\d+/, 'Expires=99999999999') } | [:]            || 403    | 'SignatureDoesNotMatch' | 'does not match'
        'an Authorization header' | { String u -> u }                                    | [Authorization: 'Basic eDp5'] || 400 | 'InvalidArgument'       | 'only one auth mechanism allowed'
    }

    def "files and folders are deleted with 204; the wrong route, a missing path and the root are refused in words"() {
        given:
        files.upload(studio, 'gone/a.txt', 'a'.bytes)
        files.upload(studio, 'gone/sub/b.txt', 'b'.bytes)
        def base = Artifacts.base(studio)

        expect:
        with(api.delete("$base/blobs/gone")) { status == 400 && json.message.contains('use DELETE .../trees/gone') }
        with(api.delete("$base/trees/gone/a.txt")) { status == 400 && json.message.contains('use DELETE .../blobs/gone/a.txt') }
        api.delete("$base/blobs/gone/a.txt").status == 204
        api.delete("$base/blobs/gone/a.txt").status == 404
        files.listAll(studio, 'gone').entries*.path == ['sub']
        api.delete("$base/trees/gone").status == 204
        api.delete("$base/trees/gone").status == 404
        api.exec(studio, 'test -e gone; echo $?').output == '1\n'
        with(api.delete("$base/trees/")) { status == 400 && json.message.contains('content root') }
        files.list(studio).status == 200
    }

    def "an empty file is a zero-length PUT, listed with size 0 and downloaded as no bytes"() {
        when:
        def done = files.upload(studio, 'empty.txt', new byte[0])
        def download = files.fetch(files.downloadUrl(studio, 'empty.txt'))

        then:
        done.status == 200
        files.list(studio, 'empty.txt').status == 404
        files.listAll(studio).entries.find { it.path == 'empty.txt' }.size == 0
        download.statusCode() == 200
        download.headers().firstValue('Content-Length').get() == '0'
        download.body().length == 0
    }

    def "names with spaces and unicode are uploaded, listed, downloaded and seen by exec"() {
        given:
        def name = 'my folder/ünïcødé 文件 + plus.txt'

        when:
        def done = files.upload(studio, name, 'grüß\n'.getBytes(StandardCharsets.UTF_8))

        then:
        done.status == 200
        files.listAll(studio, 'my folder').entries*.path == ['ünïcødé 文件 + plus.txt']
        new String(files.download(studio, name), StandardCharsets.UTF_8) == 'grüß\n'
        api.exec(studio, "cat 'my folder/ünïcødé 文件 + plus.txt'").output == 'grüß\n'
    }

    def "strict: a field the live upload bodies lack is refused, naming it"() {
        expect:
        with(files.sign(studio, [[path: 'x', size: 3]])) {
            status == 400
            json.message.startsWith('unknown field "blobs.size" in POST /v1/projects/{projectId}/artifacts/')
        }
        with(files.complete(studio, [[path: 'x', upload_id: 'u', parts: [[part_number: 1, etag: 'e', checksum: 'c']]]])) {
            status == 400
            json.message.startsWith('unknown field "blobs.parts.checksum"')
        }
        with(api.post(Artifacts.base(studio) + '/blobs', [blobs: [[path: 'x']], overwrite: true])) {
            status == 400
            json.message.contains('"overwrite"')
        }
    }

    def "deleting a studio removes its files and its uploads in progress; a fork copies the files"() {
        given:
        def other = api.create('files-doomed')
        files.upload(other, 'kept.txt', 'k'.bytes)
        def url = files.sign(other, [[path: 'pending.txt']]).json.results[0].urls[0].url as String
        def copy = api.ok('PUT', api.path(other, 'fork'), [newName: 'files-copy'])
        Api.waitFor('the fork is ready') { api.ok('GET', api.path(copy)).state == 'CLOUD_SPACE_STATE_READY' }

        when:
        api.delete(api.path(other))

        then:
        files.put(url, 'late'.bytes).statusCode() == 404
        !Files.exists(state.resolve("studios/${other.id}"))
        new String(files.download(copy, 'kept.txt')) == 'k'
    }
}
