package dev.lstudio.client

/** Teamspaces by name or owner/name, and never a silent pick among several. */
class TeamspaceSpec extends ClientSpec {
    static final String MINE = '{"projectId":"p1","name":"research","displayName":"Research","ownerId":"u1","ownerType":"user","isDefault":true}'
    static final String ORGS = '{"projectId":"p2","name":"research","ownerId":"o9","ownerType":"organization"}'
    static final String OTHER = '{"projectId":"p3","name":"Vision Lab","displayName":"Vision Lab","ownerId":"o9","ownerType":"ORGANIZATION"}'

    def memberships(String... items) {
        api.on('GET /v1/memberships', '{"memberships":[' + items.join(',') + ']}')
    }

    def "the only teamspace is the default"() {
        given:
        memberships(MINE)

        expect:
        client.defaultTeamspace().projectId() == 'p1'
        api.last('GET /v1/memberships').path == '/v1/memberships?filterByUserId=true'
    }

    def "with several teamspaces and none named, the error lists them all"() {
        given:
        memberships(MINE, ORGS, OTHER)

        when:
        client.defaultTeamspace()

        then:
        LookupException e = thrown()
        e.message == 'you belong to several teamspaces and none was chosen: jo/research, research, Vision Lab ' +
                '(your default on lightning.ai: jo/research); name one, or set LIGHTNING_TEAMSPACE'
        e.candidates() == ['jo/research', 'research', 'Vision Lab']
    }

    def "LIGHTNING_TEAMSPACE names the default"() {
        given:
        memberships(MINE, ORGS, OTHER)
        def withEnv = newClient(LIGHTNING_TEAMSPACE: 'Vision Lab')

        expect:
        withEnv.defaultTeamspace().projectId() == 'p3'

        cleanup:
        withEnv.close()
    }

    def "a name shared by two owners is ambiguous until the owner is given"() {
        given:
        memberships(MINE, ORGS)

        when:
        client.teamspace('research')

        then:
        LookupException e = thrown()
        e.message == "teamspace 'research' matches several: jo/research, research; name it as owner/teamspace"

        expect:
        client.teamspace('jo/research').projectId() == 'p1'
        client.teamspace('acme/research').projectId() == 'p2'
        client.teamspace('acme/research').label() == 'acme/research'
    }

    def "the user's own teamspaces carry the username as owner"() {
        given:
        memberships(MINE)

        expect:
        client.teamspaces()*.label() == ['jo/research']
    }

    def "names match ignoring case, also against the display name, when nothing matches exactly"() {
        given:
        memberships(MINE, OTHER)

        expect:
        client.teamspace('vision lab').projectId() == 'p3'
        client.teamspace('RESEARCH').projectId() == 'p1'
    }

    def "an unknown teamspace lists the user's teamspaces"() {
        given:
        memberships(MINE, OTHER)

        when:
        client.teamspace('nope')

        then:
        LookupException e = thrown()
        e.message == "teamspace 'nope' not found; yours: jo/research, Vision Lab"
    }

    def "no membership at all says what to do"() {
        given:
        memberships()

        when:
        client.defaultTeamspace()

        then:
        LookupException e = thrown()
        e.message.contains('you belong to no teamspace')
    }

    def "the current user is asked for once"() {
        expect:
        client.me() == new CurrentUser('u1', 'jo')
        client.me().username() == 'jo'
        api.count('GET /v1/auth/user') == 1
    }
}
