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

    def "a list whose every page brings a new token ends with one clear error after #max pages, not a hang"() {
        given:
        int served = 0
        server.dispatcher = new okhttp3.mockwebserver.Dispatcher() {
            @Override
            okhttp3.mockwebserver.MockResponse dispatch(okhttp3.mockwebserver.RecordedRequest request) {
                served++
                new okhttp3.mockwebserver.MockResponse().setHeader('Content-Type', 'application/json')
                        .setBody('{"cloudspaces":[{"id":"' + served + '","name":"s' + served + '"}],"nextPageToken":"t' + served + '"}')
            }
        }

        when:
        api.cloudspaces('p1', CloudSpaceQuery.forUser('u1')).collect { it.name() }

        then:
        def e = thrown(MalformedResponseException)
        e.message.startsWith("the server's list did not end after $max pages (each with a new nextPageToken)")
        served == max

        where:
        max = Pages.MAX_PAGES
    }
}
