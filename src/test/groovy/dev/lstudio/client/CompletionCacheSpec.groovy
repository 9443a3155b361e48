package dev.lstudio.client

import java.time.Duration
import java.util.concurrent.TimeUnit

/** Completion lists come fast, refresh behind the caller, and survive a failing API. */
class CompletionCacheSpec extends ClientSpec {
    static final String MEMBERSHIPS = '{"memberships":[{"projectId":"p1","name":"team","ownerId":"u1","ownerType":"user"}]}'

    def "a first read waits briefly for the list, later reads are served from memory"() {
        given:
        api.on('GET /v1/memberships', MEMBERSHIPS)
        def cache = client.completionCache()

        expect:
        eventually { cache.teamspaces() == ['jo/team'] }
        cache.teamspaces() == ['jo/team']
        api.count('GET /v1/memberships') == 1
    }

    def "a slow API does not hold the caller: nothing is served until the list arrives"() {
        given:
        api.on('GET /v1/memberships', MEMBERSHIPS)
        def gate = api.hold('GET /v1/memberships')
        def cache = client.completionCache()

        when: 'the API does not answer'
        def first = cache.teamspaces()

        then: 'the caller gets what is known, which is nothing yet'
        first == []

        when:
        gate.countDown()

        then: 'the background fetch fills it'
        eventually { cache.teamspaces() == ['jo/team'] }
    }

    def "a stale list is served while a failing refresh keeps the last known one"() {
        given:
        api.on('GET /v1/memberships', MEMBERSHIPS)
        def cache = client.completionCache()
        eventually { cache.teamspaces() == ['jo/team'] }
        api.onResponses('GET /v1/memberships', ScriptedServer.json(500, '{"code":13}'))

        when: 'the list is older than its time to live'
        sleeper.now += Duration.ofMinutes(5).toNanos()
        def served = cache.teamspaces()

        then:
        served == ['jo/team']
        eventually { api.count('GET /v1/memberships') >= 2 }
        cache.teamspaces() == ['jo/team']
    }

    def "Studio names come with their listed status"() {
        given:
        api.on('GET /v1/memberships', MEMBERSHIPS)
        api.on("GET $P", '{"cloudspaces":[{"id":"1","name":"a","codeStatus":{"inUse":{"phase":"CLOUD_SPACE_INSTANCE_STATE_RUNNING"}}},{"id":"2","name":"b"}]}')
        def cache = client.completionCache()

        expect:
        eventually { cache.studios(TEAM) == [new StudioSummary('a', Status.RUNNING), new StudioSummary('b', Status.STOPPED)] }
        cache.studioNames(TEAM) == ['a', 'b']
    }

    def "refreshing a teamspace's Studios lists them again without asking for the memberships"() {
        given:
        api.on("GET $P", '{"cloudspaces":[{"id":"1","name":"a"}]}')
        def cache = client.completionCache()
        eventually { cache.studioNames(TEAM) == ['a'] }

        when: 'the list is older than its time to live'
        sleeper.now += Duration.ofMinutes(5).toNanos()
        cache.studioNames(TEAM)

        then:
        eventually { api.count("GET $P") >= 2 }
        api.count('GET /v1/memberships') == 0
    }

    def "a Studio just created or deleted shows in the list at once, even while listing is slow"() {
        given:
        api.on("GET $P", '{"cloudspaces":[{"id":"1","name":"a"}]}')
        api.on("POST $P", '{"id":"s5","name":"fresh-one"}')
        api.on("POST $P/s5/runs", '{"id":"r1"}')
        api.on("DELETE $P/s5", '{}')
        def cache = client.completionCache()
        eventually { cache.studioNames(TEAM) == ['a'] }
        def gate = api.hold("GET $P")

        when:
        def created = client.createStudio(TEAM, 'fresh-one')

        then: 'no listing has answered, yet the new name is there'
        cache.studioNames(TEAM) == ['a', 'fresh-one']

        when:
        created.delete()

        then:
        cache.studioNames(TEAM) == ['a']

        cleanup:
        gate?.countDown()
    }

    def "machine slugs need no call"() {
        expect:
        client.completionCache().machines().contains('lit-h100-8')
        api.calls.empty
    }

    /** Polls a condition with a generous deadline: the machine is shared and may be slow. */
    static void eventually(Closure<Boolean> condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30)
        while (!condition()) {
            assert System.nanoTime() < deadline: 'condition not met within 30 s'
            Thread.sleep(20)
        }
    }
}
