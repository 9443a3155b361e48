package dev.lstudio.client

/** Listing, finding and creating Studios. */
class StudioLookupSpec extends ClientSpec {

    def "all pages are listed, for the current user"() {
        given:
        api.on("GET $P",
                '{"cloudspaces":[{"id":"1","name":"a","codeStatus":{"inUse":{"phase":"CLOUD_SPACE_INSTANCE_STATE_RUNNING"}}}],"nextPageToken":"t"}',
                '{"cloudspaces":[{"id":"2","name":"b"}]}')

        when:
        def studios = client.studios(TEAM)

        then:
        studios*.name() == ['a', 'b']
        studios*.listedStatus() == [Status.RUNNING, Status.STOPPED]
        api.requests.findAll { it.path.startsWith(P) }*.path == ["$P?userId=u1", "$P?userId=u1&pageToken=t"]*.toString()
    }

    def "filters become the list's query"() {
        given:
        api.on("GET $P", '{"cloudspaces":[]}')

        when:
        client.studios(TEAM, StudioFilter.named('x').onlyRunning().onlyFavorites())

        then:
        api.last("GET $P").path == "$P?userId=u1&name=x&activeOnly=true&isFavorite=true"
    }

    def "a Studio is found by its exact name"() {
        given:
        api.on("GET $P", '{"cloudspaces":[{"id":"s9","name":"my-studio","displayName":"Mine"}]}')

        when:
        def studio = client.studio(TEAM, 'my-studio')

        then:
        studio.id() == 's9'
        studio.displayName() == 'Mine'
        studio.toString() == "studio 'my-studio' in teamspace 'jo/team'"
    }

    def "a missing Studio is named with the teamspace and the Studios that exist"() {
        given:
        api.on("GET $P", '{"cloudspaces":[]}', '{"cloudspaces":[{"name":"c"},{"name":"a"},{"name":"b"}]}')

        when:
        client.studio(TEAM, 'x')

        then:
        LookupException e = thrown()
        e.message == "studio 'x' not found in teamspace 'jo/team'; existing: a, b, c"
        e.candidates() == ['a', 'b', 'c']
    }

    def "creating a Studio also registers its run"() {
        given:
        api.on("POST $P", '{"id":"s5","name":"new-one","clusterId":"c1"}')
        api.on("POST $P/s5/runs", '{"id":"r1"}')

        when:
        def studio = client.createStudio(TEAM, NewStudio.named('new-one').withDisplayName('New').withSeedFile('a.py', 'print(1)'))

        then:
        studio.id() == 's5'
        body(api.last("POST $P")) == [name: 'new-one', displayName: 'New', seedFiles: [[path: 'a.py', contents: 'print(1)']]]
        body(api.last("POST $P/s5/runs")) == [clusterId: 'c1', localSource: true]
        warnings.empty
    }

    def "a failed run registration is a warning, not a failed create"() {
        given:
        api.on("POST $P", '{"id":"s5","name":"new-one"}')
        api.onResponses("POST $P/s5/runs", ScriptedServer.json(500, '{"code":13,"message":"runs down"}'))

        when:
        def studio = client.createStudio(TEAM, 'new-one')

        then:
        studio.name() == 'new-one'
        warnings.size() == 1
        warnings[0].startsWith("studio 'new-one' was created, but registering its run failed")
        client.warnings() == warnings
    }

    def "a Studio is looked up by name without userId first, so a teammate's Studio in a shared teamspace is found"() {
        given:
        api.on("GET $P", LiveWireSpecResources.text('list-cloudspaces.json'))

        when:
        def studio = client.studio(TEAM, 'llm-finetune')

        then:
        studio.id() == '01jf2a7c1d8e9f0g1h2j'
        studio.userId() == '01ha1b2c3d4e5f6g7h8i'
        api.requests.findAll { it.path.startsWith(P) }*.path == ["$P?name=llm-finetune"]*.toString()
    }

    def "when the list without userId finds nothing, the name is looked up again with it (the reference's server)"() {
        given:
        api.on("GET $P", '{"cloudspaces":[]}', '{"cloudspaces":[{"id":"s9","name":"mine"}]}')

        when:
        def studio = client.studio(TEAM, 'mine')

        then:
        studio.id() == 's9'
        api.requests.findAll { it.path.startsWith(P) }*.path == ["$P?name=mine", "$P?userId=u1&name=mine"]*.toString()
    }

    def "listing my Studios and completion keep sending userId"() {
        given:
        api.on("GET $P", '{"cloudspaces":[{"id":"s9","name":"mine"}]}')

        when:
        client.studios(TEAM)

        then:
        api.last("GET $P").requestUrl.queryParameter('userId') == 'u1'
    }
}
