package dev.lstudio.api

/** The key, and the base64 header built from it, never reach logs or messages. */
class RedactionSpec extends MockApiSpec {
    static final String TOKEN = "$USER:$KEY".bytes.encodeBase64().toString()

    def "the debug log shows each request and answer with Authorization masked"() {
        given:
        reply(200, '{"id":"s1"}')

        when:
        api.getCloudspace('p1', 's1')

        then:
        debug.size() == 2
        debug[0].startsWith('--> GET http://')
        debug[0].contains('Authorization: ****')
        debug[1].startsWith('<-- 200 GET')
        debug.every { !it.contains(KEY) && !it.contains(TOKEN) }
    }

    def "a server that echoes the key back does not get it into the exception"() {
        given:
        reply(401, """{"code":16,"message":"key $KEY is invalid (Basic $TOKEN)"}""")

        when:
        apiWith(HttpRetryPolicy.none()).getCloudspace('p1', 's1')

        then:
        UnauthenticatedException e = thrown()
        !e.message.contains(KEY)
        !e.message.contains(TOKEN)
        !e.serverMessage().contains(KEY)
        e.message.contains('key **** is invalid')
    }

    def "the facade's toString hides the key"() {
        expect:
        !api.toString().contains(KEY)
    }
}
