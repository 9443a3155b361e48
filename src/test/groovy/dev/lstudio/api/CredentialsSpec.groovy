package dev.lstudio.api

import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions

/** Where credentials come from, what is said when they are missing, and that the key stays hidden. */
class CredentialsSpec extends Specification {
    @TempDir
    Path home
    List<String> warnings = []

    Environment env(Map vars = [:]) {
        Environment.of(vars, home)
    }

    Path writeFile(String text, String perms = 'rw-------', Path file = home.resolve('.lightning/credentials.json')) {
        Files.createDirectories(file.parent)
        Files.writeString(file, text)
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(perms))
        file
    }

    def "explicit arguments win over the environment and the file"() {
        given:
        writeFile('{"user_id":"file-user","api_key":"file-key"}')

        when:
        def c = Credentials.resolve('arg-user', 'arg-key', env(LIGHTNING_USER_ID: 'env-user', LIGHTNING_API_KEY: 'env-key'), warnings.&add)

        then:
        c.userId() == 'arg-user'
        c.source() == 'arguments'
    }

    def "the environment wins over the file"() {
        given:
        writeFile('{"user_id":"file-user","api_key":"file-key"}')

        when:
        def c = Credentials.resolve(null, null, env(LIGHTNING_USER_ID: 'env-user', LIGHTNING_API_KEY: 'env-key'), warnings.&add)

        then:
        c.userId() == 'env-user'
        c.source() == 'environment'
        c.authorization() == 'Basic ' + 'env-user:env-key'.bytes.encodeBase64()
    }

    def "the file is read when nothing else is set"() {
        given:
        def file = writeFile('{"user_id":"file-user","api_key":"file-key","extra":1}')

        when:
        def c = Credentials.resolve(null, null, env(), warnings.&add)

        then:
        c.userId() == 'file-user'
        c.source() == file.toString()
        warnings.empty
    }

    def "LIGHTNING_CREDENTIAL_PATH points at another file"() {
        given:
        def other = writeFile('{"user_id":"other-user","api_key":"k"}', 'rw-------', home.resolve('elsewhere/creds.json'))

        expect:
        Credentials.resolve(null, null, env(LIGHTNING_CREDENTIAL_PATH: other.toString()), warnings.&add).userId() == 'other-user'
    }

    def "with nothing anywhere, one message names the variables and the file"() {
        when:
        Credentials.resolve(null, null, env(), warnings.&add)

        then:
        ConfigException e = thrown()
        e.message.contains('LIGHTNING_USER_ID')
        e.message.contains('LIGHTNING_API_KEY')
        e.message.contains(home.resolve('.lightning/credentials.json').toString())
        e.message.contains('LIGHTNING_CREDENTIAL_PATH')
        !e.message.contains('\n')
    }

    def "a half-set environment is an error rather than a mix of identities"() {
        given:
        writeFile('{"user_id":"file-user","api_key":"file-key"}')

        when:
        Credentials.resolve(null, null, env(LIGHTNING_USER_ID: 'env-user'), warnings.&add)

        then:
        ConfigException e = thrown()
        e.message.startsWith('LIGHTNING_USER_ID is set but LIGHTNING_API_KEY is not')
    }

    def "only one explicit argument is refused"() {
        when:
        Credentials.resolve('arg-user', null, env(), warnings.&add)

        then:
        ConfigException e = thrown()
        e.message.contains('both a user id and an API key')
    }

    def "a malformed file is named, its place given, and its contents not quoted"() {
        given:
        def file = writeFile('{"user_id": "u", "api_key": "sk-leaked-if-quoted" oops}')

        when:
        Credentials.resolve(null, null, env(), warnings.&add)

        then:
        ConfigException e = thrown()
        e.message.contains("credentials file $file is unusable: it is not valid JSON at line 1")
        e.message.contains('LIGHTNING_USER_ID and LIGHTNING_API_KEY')
        !e.message.contains('sk-leaked-if-quoted')
    }

    def "a file without a key says which field is missing"() {
        given:
        writeFile('{"user_id": "u"}')

        when:
        Credentials.resolve(null, null, env(), warnings.&add)

        then:
        ConfigException e = thrown()
        e.message.contains('it has no "api_key"')
    }

    def "a file readable by others is used, with a warning that says how to fix it"() {
        given:
        def file = writeFile('{"user_id":"u","api_key":"k"}', 'rw-r--r--')

        when:
        def c = Credentials.resolve(null, null, env(), warnings.&add)

        then:
        c.userId() == 'u'
        warnings == ["credentials file $file can be read by other users; run: chmod 600 $file".toString()]
    }

    def "toString never shows the key"() {
        given:
        def c = Credentials.of('u1', 'sk-secret')

        expect:
        !c.toString().contains('sk-secret')
        c.toString().contains('u1')
        !ApiConfig.of('http://127.0.0.1:1', c).toString().contains('sk-secret')
        !env(LIGHTNING_API_KEY: 'sk-secret').toString().contains('sk-secret')
    }

    def "the base URL comes from LIGHTNING_CLOUD_URL, with the trailing slash Retrofit needs"() {
        given:
        def vars = [LIGHTNING_USER_ID: 'u', LIGHTNING_API_KEY: 'k']

        expect:
        ApiConfig.fromEnvironment(env(vars), warnings.&add).baseUrl().toString() == 'https://lightning.ai/'
        ApiConfig.fromEnvironment(env(vars + [LIGHTNING_CLOUD_URL: 'http://127.0.0.1:8080']), warnings.&add)
                .baseUrl().toString() == 'http://127.0.0.1:8080/'
    }

    def "a base URL #what is a setting mistake with the value to use, before the credentials are read"() {
        when:
        ApiConfig.fromEnvironment(env(LIGHTNING_CLOUD_URL: url), warnings.&add)

        then:
        SettingException e = thrown()
        e.message == "LIGHTNING_CLOUD_URL=$url $says"

        where:
        what                  | url                           || says
        'without a scheme'    | 'lightning.ai'                || 'has no scheme: use https://lightning.ai'
        'local, no scheme'    | '127.0.0.1:8765'              || 'has no scheme: use http://127.0.0.1:8765'
        'local, with /v1'     | '127.0.0.1:8765/v1'           || 'has no scheme: use http://127.0.0.1:8765'
        'with a path'         | 'https://lightning.ai/v1'     || "has a path after the host, but lstudio adds the API's paths (/v1/...) itself: use https://lightning.ai"
        'with a query'        | 'http://localhost:8765/?a=b'  || "has a path after the host, but lstudio adds the API's paths (/v1/...) itself: use http://localhost:8765"
        'a word'              | 'lightning'                   || 'is not a URL: use e.g. https://lightning.ai'
        'with a space'        | 'light ning.ai'               || 'is not a URL: use e.g. https://lightning.ai'
        'of another scheme'   | 'ftp://lightning.ai'          || 'is not an http(s) URL: use e.g. https://lightning.ai'
    }
}
