package dev.lstudio.client

import java.time.Instant

/** Listing, finding and removing a Studio's files, from live-shaped answers. */
class FileListingSpec extends FilesSpecBase {

    def "list follows every page by its cursor, sends clusterId, and sorts folders first, then names"() {
        given:
        api.on("GET $F/trees/data",
                tree([blob('b.csv', 10), folder('z'), [path: 'a.csv', type: 'blob', size: 3, unknown: 'x']], 'c2'),
                tree([folder('m'), blob('c.csv', 1)], ''))

        when:
        def entries = files.list('/data/')

        then:
        entries*.path == ['data/m', 'data/z', 'data/a.csv', 'data/b.csv', 'data/c.csv']
        entries.find { it.path == 'data/b.csv' } == new RemoteFile('data/b.csv', false, 10, Instant.parse('2026-12-02T03:15:29Z'))
        entries.find { it.path == 'data/a.csv' }.lastModified() == null
        def pages = requests("GET $F/trees/data")
        pages*.requestUrl*.queryParameter('cursor') == [null, 'c2']
        pages.every { it.requestUrl.queryParameter('clusterId') == 'c1' && it.requestUrl.queryParameter('recursive') == null }
    }

    def "a last page without nextCursor at all ends the listing; the root is listed at trees/"() {
        given:
        api.on("GET $F/trees/", '{"tree":[{"path":"x.txt","type":"blob","size":"4","lastModified":"2026-12-02T03:15:29.123Z"}]}')

        expect:
        files.list('') == [new RemoteFile('x.txt', false, 4, Instant.parse('2026-12-02T03:15:29.123Z'))]
        api.count("GET $F/trees/") == 1
    }

    def "listAll asks for the tree recursively and gives files only, root-relative"() {
        given:
        api.on("GET $F/trees/out", tree([folder('sub'), blob('sub/n.txt', 2), blob('m.bin', 5)]))

        expect:
        files.listAll('out')*.path == ['out/m.bin', 'out/sub/n.txt']
        api.last("GET $F/trees/out").requestUrl.queryParameter('recursive') == 'true'
    }

    def "find reads the parent's listing"() {
        given:
        api.on("GET $F/trees/out", tree([folder('sub'), blob('m.bin', 5)]))

        expect:
        files.find('out/sub').get().folder()
        files.find('/teamspace/studios/this_studio/out/m.bin').get().size() == 5
        !files.find('out/nope').present
    }

    def "remove deletes a file as a blob and a folder as a tree"() {
        given:
        api.on("GET $F/trees/out", tree([folder('sub'), blob('m.bin', 5)]))
        api.onResponses("DELETE $F/blobs/out/m.bin", status(204))
        api.onResponses("DELETE $F/trees/out/sub", status(204))

        when:
        files.remove('out/m.bin')
        files.remove('out/sub/')

        then:
        api.last("DELETE $F/blobs/out/m.bin").requestUrl.queryParameter('clusterId') == 'c1'
        api.count("DELETE $F/trees/out/sub") == 1
    }

    def "removing what is not there is GONE and says where to look"() {
        given:
        api.on("GET $F/trees/out", tree([]))

        when:
        files.remove('out/x')

        then:
        FileTransferException e = thrown()
        Failure.of(e).get() == Failure.GONE
        e.message == "no file or folder 'out/x' in studio 's'; lstudio ls s:out shows what is there"
    }

    def "a listed folder that is not there is GONE"() {
        when:
        files.list('nowhere')

        then:
        FileTransferException e = thrown()
        e.kind() == Failure.GONE
        e.message.contains("no folder 'nowhere' in studio 's'")
    }

    def "names with spaces and '#' reach the path percent-encoded, slashes kept"() {
        given:
        api.on("GET $F/trees/my%20data/a%23b", tree([]))

        expect:
        files.list('my data/a#b') == []
    }
}
