package dev.lstudio.corpus

import dev.lstudio.api.ApiConfig
import dev.lstudio.api.Credentials
import dev.lstudio.api.Environment
import dev.lstudio.api.LightningApi
import dev.lstudio.client.ClientOptions
import dev.lstudio.client.LightningClient
import dev.lstudio.repl.ReplHarness
import dev.lstudio.testing.EmulatorFixture
import dev.lstudio.testing.LstudioSpec
import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermission
import java.nio.file.attribute.PosixFilePermissions
import okhttp3.mockwebserver.Dispatcher
import okhttp3.mockwebserver.MockResponse
import okhttp3.mockwebserver.MockWebServer
import okhttp3.mockwebserver.RecordedRequest
import retrofit2.http.DELETE
import retrofit2.http.GET
import retrofit2.http.POST
import retrofit2.http.PUT
import spock.lang.AutoCleanup
import spock.lang.Requires
import spock.lang.Shared
import spock.lang.Stepwise
import spock.lang.TempDir
import spock.lang.Timeout

/**
 * Issue 8, security: "API key never in output, logs, history, exceptions, ledger or --debug
 * traces (a test greps all of them for the key); the emulator binds loopback only and checks
 * credentials on every call; config and ledger files created with owner-only permissions."
 *
 * Real workflows run with a distinctive key, and everything they leave is kept: stdout, stderr,
 * --debug traces with stack traces, toString of the objects that hold credentials, the
 * emulator's log and every file under LSTUDIO_HOME (state, caches, history, and the ledger
 * once it exists: the whole folder is searched). The last features search all of it, for the
 * key and for the base64 of user:key that the Authorization header carries.
 */
@Stepwise
@Timeout(180)
class SecuritySpec extends LstudioSpec {
    static final String USER = 'u-sec-7'
    static final String KEY = 'lsk-Q7zX4vN2-distinctive-9e1b'
    static final String WRONG = 'lsk-W0ng5J8k-also-distinctive-4c2d'
    static final Map<String, String> SECRETS = [
            'the key'                  : KEY,
            'the Basic form'           : "$USER:$KEY".bytes.encodeBase64().toString(),
            'the wrong key'            : WRONG,
            'the wrong key, Basic form': "$USER:$WRONG".bytes.encodeBase64().toString(),
    ]
    static final List<InetAddress> OTHER_ADDRESSES = NetworkInterface.networkInterfaces().toList()
            .collectMany { it.inetAddresses().toList() }.findAll { !it.loopbackAddress && !it.linkLocalAddress }

    /** LSTUDIO_HOME, shared by every run of the spec, so that what they leave adds up. */
    @Shared
    @TempDir
    Path lstudioHome
    /** HOME, where the credentials file lives (it holds the key by design, so it is not searched). */
    @Shared
    @TempDir
    Path userHome
    @Shared
    List<String> logs = [].asSynchronized()
    @Shared
    List<String> seen = []
    @Shared
    @AutoCleanup
    EmulatorFixture emulator = EmulatorFixture.start(userId: USER, apiKey: KEY, log: { String line -> logs << line })

    Map<String, String> getFromEnvironment() {
        [LIGHTNING_CLOUD_URL: emulator.baseUrl, LIGHTNING_USER_ID: USER, LIGHTNING_API_KEY: KEY]
    }

    /** Runs lstudio with the shared folders and keeps everything it printed. */
    int run(List<String> args, Map<String, String> env) {
        int exit = lstudio(args, [LSTUDIO_HOME: lstudioHome.toString(), HOME: userHome.toString()] + env)
        seen << "lstudio ${args.join(' ')}\n$stdout\n$stderr".toString()
        exit
    }

    def "a run that succeeds, with --debug: exit 0"() {
        expect:
        run(['--debug', 'run', file('ok.groovy', "studio('s', create: true) { start 'cpu-4'; exec 'env | sort' }")],
                fromEnvironment) == 0
        stderr.contains('Authorization: ****')
    }

    def "a run that fails, with --debug and its stack trace: exit 1"() {
        expect:
        run(['--debug', '-e', "studio('s') { start 'cpu-4'; exec 'echo \$HOME; exit 3' }"], fromEnvironment) == 1
        stderr.contains('\tat ')
    }

    def "an exec that prints its environment, as --json: exit 0, and lstudio sent no credential into the studio"() {
        expect:
        run(['--json', '-e', "studio('s') { start 'cpu-4'; exec 'env; cat /proc/self/environ | tr \"\\\\0\" \"\\\\n\"' }"],
                fromEnvironment) == 0
        stdout.contains('LSTUDIO_EMULATOR=1')
    }

    def "a key the server refuses, with --debug: exit 3"() {
        expect:
        run(['--debug', '-e', 'studios()'], fromEnvironment + [LIGHTNING_API_KEY: WRONG]) == 3
        stderr.contains('were refused')
    }

    def "credentials from the file, with --debug: exit 0"() {
        given:
        Path credentials = userHome.resolve('.lightning/credentials.json')
        Files.createDirectories(credentials.parent)
        Files.writeString(credentials, """{"user_id": "$USER", "api_key": "$KEY"}""")
        Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString('rw-------'))

        expect:
        run(['--debug', '-e', 'studios()'], [LIGHTNING_CLOUD_URL: emulator.baseUrl]) == 0
    }

    def "a credentials file that is not JSON, with --debug: exit 3"() {
        given:
        Path broken = userHome.resolve('broken.json')
        Files.writeString(broken, """{"user_id": "$USER", "api_key": "$KEY" """)

        expect:
        run(['--debug', '-e', 'studios()'], [LIGHTNING_CLOUD_URL: emulator.baseUrl, LIGHTNING_CREDENTIAL_PATH: broken.toString()]) == 3
    }

    def "a server that echoes the Authorization header and the key back, in a #what, with --debug: exit 4"() {
        given:
        int code = status
        String contentType = type
        String template = body
        def echo = new MockWebServer()
        echo.dispatcher = new Dispatcher() {
            @Override
            MockResponse dispatch(RecordedRequest request) {
                String echoed = template.replace('AUTH', request.getHeader('Authorization')).replace('KEY', KEY)
                new MockResponse().setResponseCode(code).setHeader('Content-Type', contentType).setBody(echoed)
            }
        }
        echo.start()

        expect:
        run(['--debug', '-e', 'studios()'], fromEnvironment + [LIGHTNING_CLOUD_URL: echo.url('/').toString()]) == 4
        stderr.contains(shows)

        cleanup:
        echo.shutdown()

        where:
        what                     | status | type               | body                                                        || shows
        'web page answering 200' | 200    | 'text/html'        | '<html><title>you sent AUTH, key KEY</title></html>'        || "answered an HTML page 'you sent Basic ****, key ****'"
        'gRPC error body'        | 500    | 'application/json' | '{"code":13,"message":"you sent AUTH, key KEY","details":[]}' || 'failed (HTTP 500): you sent Basic ****, key ****'
    }

    def "a REPL line that holds the key is kept out of the history file"() {
        given:
        def harness = new ReplHarness()
        def repl = harness.builder(lstudioHome.resolve('history')).redactor(Credentials.of('u', KEY)::redact).build()

        when:
        harness.type("key = '$KEY'\nheader = 'Basic ${SECRETS['the Basic form']}'\n40 + 2\n\u0004")
        harness.start(repl).join(20_000)

        then:
        Files.readString(lstudioHome.resolve('history')).contains('40 + 2')
    }

    def "the objects that hold credentials do not show them"() {
        given:
        def credentials = Credentials.of(USER, KEY)
        def config = ApiConfig.of(emulator.baseUrl, credentials)
        def api = LightningApi.create(config)
        def client = LightningClient.create(api, ClientOptions.defaults())

        when:
        Map<String, String> shown = [credentials: credentials, config: config, api: api, client: client,
                                     environment: Environment.of([LIGHTNING_API_KEY: KEY], userHome)]
                .collectEntries { name, holder -> [name, holder.toString()] }
        seen << shown.values().join('\n')

        then: 'each says what it is, and shows the key only as ****'
        shown.credentials.startsWith("Credentials[userId=$USER, apiKey=****")
        shown.config.contains("credentials=${shown.credentials}")
        shown.api.contains(shown.credentials)
        shown.client.contains('apiKey=****')
        shown.environment == "Environment[home=$userHome, variables=[LIGHTNING_API_KEY]]".toString()
        shown.findAll { name, text -> SECRETS.values().any { text.contains(it) } } == [:]

        cleanup:
        client?.close()
    }

    def "#secret appears in nothing the runs printed"() {
        expect:
        seen.size() == 9
        seen.findAll { it.contains(value) } == []

        where:
        [secret, value] << SECRETS.collect { k, v -> [k, v] }
    }

    def "#secret appears in no file under LSTUDIO_HOME, nor in the emulator's log"() {
        given:
        List<Path> files = Files.walk(lstudioHome).withCloseable { it.filter { Files.isRegularFile(it) }.toList() }

        expect:
        files.any { it.toString().contains('/locks/') } && files.any { it.toString().contains('/scripts/') }
        files.findAll { new String(Files.readAllBytes(it), StandardCharsets.ISO_8859_1).contains(value) } == []
        logs.size() > 10
        logs.findAll { it.contains(value) } == []

        where:
        [secret, value] << SECRETS.collect { k, v -> [k, v] }
    }

    def "every folder and file lstudio created is its user's alone"() {
        given:
        def shared = [PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
                      PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE]
        List<Path> created = Files.walk(lstudioHome).withCloseable { it.filter { it != lstudioHome }.toList() }

        expect:
        created.size() > 5
        created.findAll { Files.getPosixFilePermissions(it).any { it in shared } }
                .collect { lstudioHome.relativize(it).toString() + ' ' + PosixFilePermissions.toString(Files.getPosixFilePermissions(it)) } == []
    }

    def "the emulator listens on 127.0.0.1 only"() {
        expect:
        emulator.baseUrl.startsWith('http://127.0.0.1:')
    }

    @Requires({ !SecuritySpec.OTHER_ADDRESSES.isEmpty() })
    def "the emulator's port is closed on this host's other addresses"() {
        given:
        int port = new URL(emulator.baseUrl).port

        expect:
        OTHER_ADDRESSES.each { address ->
            def socket = new Socket()
            try {
                socket.connect(new InetSocketAddress(address, port), 2000)
                assert false: "the emulator answered on $address:$port"
            } catch (IOException expected) {
                // refused: nothing listens there
            } finally {
                socket.close()
            }
        }
    }

    def "every endpoint of the reference answers 401 #how"() {
        given:
        List<List<String>> endpoints = endpoints()

        expect:
        endpoints.size() >= 30
        endpoints.findAll { method, path ->
            def connection = (HttpURLConnection) new URL(emulator.baseUrl + path).openConnection()
            connection.requestMethod = method
            if (header) {
                connection.setRequestProperty('Authorization', header)
            }
            if (method in ['POST', 'PUT']) {
                connection.doOutput = true
                connection.outputStream.withCloseable { it.write('{}'.bytes) }
            }
            String body = connection.errorStream?.getText('UTF-8') ?: ''
            connection.responseCode != 401 || body.contains(KEY)
        } == []

        where:
        how                 | header
        'without a header'  | null
        'with a wrong key'  | 'Basic ' + "$USER:$WRONG".bytes.encodeBase64()
        'with another user' | 'Basic ' + "someone:$KEY".bytes.encodeBase64()
    }

    /** Every endpoint the Retrofit interface declares, with its path parameters filled in. */
    static List<List<String>> endpoints() {
        Map<Class, String> verbs = [(GET): 'GET', (POST): 'POST', (PUT): 'PUT', (DELETE): 'DELETE']
        Class.forName('dev.lstudio.api.StudiosService').declaredMethods.collectMany { m ->
            verbs.findResults { type, verb ->
                def annotation = m.getAnnotation(type)
                annotation ? [verb, annotation.value().replaceAll(/\{[^}]+}/, 'x')] : null
            }
        }
    }
}
