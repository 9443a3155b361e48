package dev.lstudio.corpus

import dev.lstudio.testing.EmulatorLstudioSpec
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions
import java.security.MessageDigest
import spock.lang.Timeout

/**
 * Issue 8, bad input: "missing/malformed/over-permissive credentials file, wrong API key (401)".
 * Through the CLI: exit 3 and one line naming the variables or the file to fix; a file lstudio
 * could not use is left exactly as it was. (How credentials are found, and the wording of each
 * problem, is in api/CredentialsSpec; the CLI's exit 3 for no credentials and a rejected key
 * from the environment is also in cli/StudioRunSpec.)
 */
@Timeout(120)
class CredentialsCorpusSpec extends EmulatorLstudioSpec {
    Path getCredentials() { home.resolve('.lightning/credentials.json') }

    int studios(Map<String, String> env = [:]) {
        lstudio(['-e', 'studios()'], [LIGHTNING_CLOUD_URL: emulator.baseUrl] + env)
    }

    void writeCredentials(String text, String mode = 'rw-------') {
        file('.lightning/credentials.json', text)
        Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString(mode))
    }

    def "missing everywhere: exit 3, naming the variables and the file to write"() {
        when:
        int exit = studios()

        then:
        exit == 3
        theError.startsWith('lstudio: no Lightning credentials: set LIGHTNING_USER_ID and LIGHTNING_API_KEY, or write')
        theError.contains(credentials.toString())
        !Files.exists(credentials) // nothing is written on the user's behalf
    }

    def "LIGHTNING_CREDENTIAL_PATH naming #what: exit 3 at once, with what is wrong, never read for ever"() {
        given:
        Path path = make(home)
        long started = System.nanoTime()

        when:
        int exit = studios([LIGHTNING_CREDENTIAL_PATH: path.toString()])

        then:
        exit == 3
        theError == "lstudio: credentials file $path is unusable: $why; it should hold " +
                '{"user_id": "...", "api_key": "..."}, or set LIGHTNING_USER_ID and LIGHTNING_API_KEY (at -e:1)'
        System.nanoTime() - started < 20_000_000_000L

        where:
        what          | make                                                                                        || why
        'a device'    | { Path dir -> Path.of('/dev/zero') }                                                                  || 'it is not a regular file (a device, a pipe or a folder)'
        'a FIFO'      | { Path dir -> def p = dir.resolve('creds.fifo'); assert new ProcessBuilder('mkfifo', p.toString()).start().waitFor() == 0; p } || 'it is not a regular file (a device, a pipe or a folder)'
        'a huge file' | { Path dir -> def p = dir.resolve('big.json'); Files.write(p, new byte[100_000]); p }                || 'it is larger than 64 KiB'
    }

    def "a credentials file that is #problem: exit 3, naming the file and what is wrong, and the file is untouched"() {
        given:
        writeCredentials(text)
        def before = snapshot(home.resolve('.lightning'))

        when:
        int exit = studios()

        then:
        exit == 3
        theError.startsWith("lstudio: credentials file $credentials is unusable: $why")
        theError.contains('{"user_id": "...", "api_key": "..."}')
        !theError.contains('k-0123456789') // a broken file is not quoted: it holds the key
        snapshot(home.resolve('.lightning')) == before

        where:
        problem             | text                                              || why
        'not JSON'          | '{"user_id": "u1", "api_key": "k-0123456789"'     || 'it is not valid JSON at line 1'
        'missing a field'   | '{"user_id": "u1", "apiKye": "k-0123456789"}'     || 'it has no "api_key"'
        'not an object'     | '["u1", "k-0123456789"]'                          || 'it is not a JSON object'
    }

    def "a file others can read works, with a warning naming the file and chmod 600; lstudio does not change it"() {
        given:
        writeCredentials("""{"user_id": "${emulator.emu.userId()}", "api_key": "${emulator.emu.apiKey()}"}""", 'rw-r--r--')

        when:
        int exit = studios()

        then:
        exit == 0
        stderr.readLines().count { it.contains("warning: credentials file $credentials can be read by other users; run: chmod 600 $credentials") } == 1
        PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials)) == 'rw-r--r--'
    }

    def "a wrong key from #where is refused: exit 3, one line saying so and where the credentials came from"() {
        given:
        Map<String, String> env = fromFile ? [:] : [LIGHTNING_USER_ID: emulator.emu.userId(), LIGHTNING_API_KEY: 'k-wrong-0123']
        if (fromFile) {
            writeCredentials("""{"user_id": "${emulator.emu.userId()}", "api_key": "k-wrong-0123"}""")
        }

        when:
        int exit = studios(env)

        then:
        exit == 3
        theError.startsWith('lstudio: checking the credentials failed (HTTP 401)')
        theError.contains("the credentials from ${fromFile ? credentials : 'LIGHTNING_USER_ID/LIGHTNING_API_KEY in the environment'} were refused")
        !stderr.contains('k-wrong-0123')
        emulator.studios().isEmpty()

        where:
        where             | fromFile
        'the environment' | false
        'the file'        | true
    }

    /** Every file under {@code root} with a digest of its bytes and its permissions, to show nothing changed. */
    static Map<String, String> snapshot(Path root) {
        Map<String, String> files = new TreeMap<>()
        if (!Files.exists(root)) {
            return files
        }
        Files.walk(root).withCloseable { paths ->
            paths.filter { Files.isRegularFile(it) }.each { p ->
                String digest = MessageDigest.getInstance('SHA-256').digest(Files.readAllBytes(p)).encodeHex().toString()
                files[root.relativize(p).toString()] = digest + ' ' + Files.getPosixFilePermissions(p).sort()
            }
        }
        files
    }
}
