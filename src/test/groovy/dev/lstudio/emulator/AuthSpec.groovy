package dev.lstudio.emulator


class AuthSpec extends WithEmulator {
    @Override
    Map<String, ?> settings() {
        [userId: 'u-auth', apiKey: 'secret-key-123']
    }

    def "a call #what is refused with 401 and a gRPC UNAUTHENTICATED body that never echoes the key"() {
        when:
        def r = api.call('GET', 'v1/memberships', null, header == null ? [:] : [Authorization: header], false)

        then:
        r.status == 401
        r.json.code == 16
        r.json.details == []
        r.json.message.contains(hint)
        !r.text.contains('secret-key-123')
        !r.text.contains('wrong-key')

        where:
        what                       | header                                                     || hint
        'without credentials'      | null                                                       || 'missing Authorization'
        'with a wrong key'         | 'Basic ' + 'u-auth:wrong-key'.bytes.encodeBase64()         || 'invalid credentials'
        'with a wrong user'        | 'Basic ' + 'someone:secret-key-123'.bytes.encodeBase64()   || 'invalid credentials'
        'with a bearer token'      | 'Bearer secret-key-123'                                    || 'Basic scheme'
        'with broken base64'       | 'Basic %%%'                                                || 'not valid base64'
    }

    def "every API path checks auth, even ones that do not exist"() {
        expect:
        api.call(method, path, null, [:], false).status == 401

        where:
        method   | path
        'GET'    | 'v1/auth/user'
        'POST'   | 'v1/projects/x/cloudspaces'
        'DELETE' | 'v1/projects/x/cloudspaces/y'
        'GET'    | 'v1/cloudspaces/plugins'
        'GET'    | 'v1/no/such/path'
    }

    def "the right credentials are accepted"() {
        expect:
        api.call('GET', 'v1/auth/user').status == 200
    }

    def "the admin API needs no credentials"() {
        expect:
        api.call('GET', '_emulator/studios', null, [:], false).status == 200
    }
}
