package dev.lstudio.emulator

import spock.lang.Shared

class ListStudiosSpec extends WithEmulator {
    @Override
    Map<String, ?> settings() {
        [userId: 'lister']
    }

    @Shared
    List<Map> made = []

    def setupSpec() {
        (1..7).each { made << api.create("list-$it", it % 2 ? [cluster_id: 'odd-cluster'] : [:]) }
        api.ok('PUT', api.path(made[1]), [is_favorite: true])
        api.startAndWait(made[2])
    }

    String list(String query) { "${api.studios()}?$query" }

    def "without userId the list shows everyone's Studios, the teammate's too, as live"() {
        expect:
        api.ok('GET', api.studios()).cloudspaces*.name == ['shared-box'] + (1..7).collect { "list-$it" }
        api.ok('GET', api.studios()).cloudspaces[0].userId != 'lister'
    }

    def "the teammate's Studio is found by name without userId, and not with your userId"() {
        expect:
        with(api.ok('GET', list('name=shared-box')).cloudspaces) {
            it*.name == ['shared-box']
            it[0].codeStatus.inUse.phase == 'CLOUD_SPACE_INSTANCE_STATE_STOPPED'
        }
        api.ok('GET', list('userId=lister&name=shared-box')).cloudspaces == []
    }

    def "with another user's id the list is empty"() {
        expect:
        api.ok('GET', list('userId=someone-else')).cloudspaces == []
    }

    def "with userId every studio is listed in creation order and the list is complete"() {
        when:
        def r = api.ok('GET', list('userId=lister'))

        then:
        r.cloudspaces*.name == (1..7).collect { "list-$it" }
        r.nextPageToken == ''
    }

    def "filters narrow the list: #query"() {
        expect:
        api.ok('GET', list("userId=lister&$query")).cloudspaces*.name == names

        where:
        query                     || names
        'name=list-3'             || ['list-3']
        'name=nope'               || []
        'clusterId=odd-cluster'   || ['list-1', 'list-3', 'list-5', 'list-7']
        'activeOnly=true'         || ['list-3']
        'isFavorite=true'         || ['list-2']
        'activeOnly=false'        || (1..7).collect { "list-$it" }
    }

    def "pages of #limit follow nextPageToken until it is empty, each studio once"() {
        when:
        List<String> seen = []
        List<Integer> sizes = []
        String token = ''
        int pages = 0
        while (true) {
            def r = api.ok('GET', list("userId=lister&limit=$limit" + (token ? "&pageToken=$token" : '')))
            seen.addAll(r.cloudspaces*.name)
            sizes << r.cloudspaces.size()
            token = r.nextPageToken
            assert ++pages < 20
            if (!token) {
                break
            }
        }

        then:
        seen == (1..7).collect { "list-$it" }
        sizes.every { it <= limit }

        where:
        limit << [1, 2, 3, 7, 100]
    }

    def "a bad #param is a 400 saying what to send"() {
        when:
        def r = api.get(list("userId=lister&$param=$value"))

        then:
        r.status == 400
        r.json.code == 3
        r.json.message.contains(param)

        where:
        param        | value
        'limit'      | 'many'
        'limit'      | '0'
        'pageToken'  | 'not-a-token'
        'activeOnly' | 'maybe'
    }

    def "listing an unknown project is a 404 pointing at memberships"() {
        when:
        def r = api.get('v1/projects/nope/cloudspaces?userId=lister')

        then:
        r.status == 404
        r.json.message.contains('memberships')
    }
}
