package dev.lstudio.client

import dev.lstudio.api.Environment
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions

/** A client built from the environment alone: URL, credentials file and its warnings. */
class FromEnvironmentSpec extends ClientSpec {
    @TempDir
    Path home

    def "the URL and the credentials file are read, and the file's warning reaches the caller"() {
        given:
        def file = home.resolve('.lightning/credentials.json')
        Files.createDirectories(file.parent)
        Files.writeString(file, '{"user_id":"u1","api_key":"k"}')
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString('rw-rw-r--'))
        def seen = []
        def options = ClientOptions.defaults().withSleeper(sleeper).withWarnings(seen.&add)
                .withEnvironment(Environment.of([LIGHTNING_CLOUD_URL: api.url()], home))

        when:
        def fromEnv = LightningClient.fromEnvironment(options)

        then:
        fromEnv.me().username() == 'jo'
        api.last('GET /v1/auth/user').getHeader('Authorization') == 'Basic ' + 'u1:k'.bytes.encodeBase64()
        seen.size() == 1
        seen[0].contains('can be read by other users')
        fromEnv.warnings() == seen

        cleanup:
        fromEnv?.close()
    }
}
