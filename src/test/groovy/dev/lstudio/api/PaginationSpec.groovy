package dev.lstudio.api

/** Lists follow nextPageToken lazily, to the end. */
class PaginationSpec extends MockApiSpec {

    def "three pages are fetched one at a time as the iteration needs them"() {
        given:
        reply(200, '{"cloudspaces":[{"name":"a"},{"name":"b"}],"nextPageToken":"t2"}')
        reply(200, '{"cloudspaces":[{"name":"c"}],"nextPageToken":"t3"}')
        reply(200, '{"cloudspaces":[{"name":"d"}],"nextPageToken":""}')

        when:
        def iterator = api.cloudspaces('p1', CloudSpaceQuery.forUser('u1')).iterator()
        def first = iterator.next()

        then: 'only the first page has been asked for'
        first.name() == 'a'
        server.requestCount == 1

        when:
        def rest = iterator.collect { it.name() }

        then:
        rest == ['b', 'c', 'd']
        server.requestCount == 3
        taken().path == '/v1/projects/p1/cloudspaces?userId=u1'
        taken().path == '/v1/projects/p1/cloudspaces?userId=u1&pageToken=t2'
        taken().path == '/v1/projects/p1/cloudspaces?userId=u1&pageToken=t3'
    }

    def "an absent token ends the list"() {
        given:
        reply(200, '{"cloudspaces":[{"name":"only"}]}')

        expect:
        api.cloudspaces('p1', CloudSpaceQuery.forUser('u1')).collect { it.name() } == ['only']
        server.requestCount == 1
    }

    def "a server repeating a token does not make the iteration loop forever"() {
        given:
        reply(200, '{"cloudspaces":[{"name":"a"}],"nextPageToken":"same"}')
        reply(200, '{"cloudspaces":[{"name":"b"}],"nextPageToken":"same"}')

        expect:
        api.cloudspaces('p1', CloudSpaceQuery.forUser('u1')).collect { it.name() } == ['a', 'b']
        server.requestCount == 2
    }

    def "a server that repeats a page does not repeat its Studios"() {
        given:
        reply(200, '{"cloudspaces":[{"id":"1","name":"a"},{"id":"2","name":"b"}],"nextPageToken":"same"}')
        reply(200, '{"cloudspaces":[{"id":"1","name":"a"},{"id":"2","name":"b"}],"nextPageToken":"same"}')

        expect:
        api.cloudspaces('p1', CloudSpaceQuery.forUser('u1')).collect { it.name() } == ['a', 'b']
    }

    def "a list whose every page brings a new token ends with one clear error after the page limit, not a hang"() {
        given: 'a server that always has one more page'
        int served = 0
        def pages = new Pages<Map, String>({ String token -> served++; [items: ["s$served".toString()], next: "t$served".toString()] },
                { Map page -> page.items as List<String> }, { Map page -> page.next as String }, { String s -> s }, 50)

        when:
        pages.collect()

        then:
        def e = thrown(MalformedResponseException)
        e.message == "the server's list did not end after 50 pages (each with a new nextPageToken); stopped reading it: " +
                'report it to the service, or narrow the list (a name, running only)'
        served == 50
    }
}
