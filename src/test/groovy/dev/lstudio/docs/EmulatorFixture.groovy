package dev.lstudio.docs

import dev.lstudio.api.ApiConfig
import dev.lstudio.api.Credentials
import dev.lstudio.api.LightningApi
import dev.lstudio.cli.Main
import dev.lstudio.client.ClientOptions
import dev.lstudio.client.LightningClient
import dev.lstudio.client.Studio
import dev.lstudio.emulator.Emulator
import groovy.json.JsonSlurper
import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration

/**
 * One in-process emulator for a whole spec, reset and re-seeded before each example, and a way
 * to run {@code lstudio} against it through {@link Main#execute} (the launcher's own entry
 * point, with streams and environment handed in). The emulator's delays are zero: the docs'
 * examples test what the verbs do, not how long the cloud takes.
 */
final class EmulatorFixture implements AutoCloseable {
    /** Studios every example may assume: they exist and are stopped. */
    static final List<String> STUDIOS = ['my-studio', 'worker-1', 'worker-2', 'worker-3']

    final Emulator emulator
    final Path home
    private LightningClient client

    EmulatorFixture(Path home) {
        this.home = home
        this.emulator = Emulator.builder().strict(true).startDelay(Duration.ZERO).stopDelay(Duration.ZERO)
                .switchDelay(Duration.ZERO).forkDelay(Duration.ZERO).build().start()
    }

    /** Back to the four stopped studios and nothing else. */
    void reset() {
        request('POST', '_emulator/reset')
        def team = client().teamspace('demo')
        STUDIOS.each { client().createStudio(team, it) }
    }

    /** A client of our own, for setting the scene (e.g. a studio already running). */
    LightningClient client() {
        if (client == null) {
            def config = ApiConfig.of(emulator.baseUrl(), Credentials.of(emulator.userId(), emulator.apiKey()))
            client = LightningClient.create(LightningApi.create(config), ClientOptions.defaults())
        }
        client
    }

    Studio studio(String name) {
        client().studio(client().teamspace('demo'), name)
    }

    /** The emulator's own view: every studio with its phase, machine and whether it is active. */
    Map state() {
        new JsonSlurper().parseText(request('GET', '_emulator/studios')) as Map
    }

    List<String> activeStudios() {
        state().studios.findAll { it.active }.collect { it.name }.sort()
    }

    /** What a user's shell would hand lstudio: credentials and URL of the emulator, a private HOME. */
    Map<String, String> environment(Map<String, String> extra = [:]) {
        Path userHome = home.resolve('home')
        Files.createDirectories(userHome)
        [HOME               : userHome.toString(),
         LSTUDIO_HOME       : home.resolve('lstudio').toString(),
         LIGHTNING_CLOUD_URL: emulator.baseUrl().replaceAll('/$', ''),
         LIGHTNING_USER_ID  : emulator.userId(),
         LIGHTNING_API_KEY  : emulator.apiKey()] + extra
    }

    Run lstudio(List<String> args, Map<String, String> env = [:], String stdin = '') {
        def out = new ByteArrayOutputStream()
        def err = new ByteArrayOutputStream()
        int exit = Main.execute(args as String[], new ByteArrayInputStream(stdin.getBytes('UTF-8')),
                new PrintStream(out, true, 'UTF-8'), new PrintStream(err, true, 'UTF-8'), environment(env))
        new Run(exit, out.toString('UTF-8'), err.toString('UTF-8'))
    }

    /** Writes {@code code} to a file named like its origin, so errors point at a recognisable name. */
    Path scriptFile(String name, String code) {
        Path dir = home.resolve('scripts')
        Files.createDirectories(dir)
        Path file = dir.resolve(name.replaceAll(/[^A-Za-z0-9_.-]/, '_') + '.groovy')
        Files.writeString(file, code)
        file
    }

    private String request(String method, String path) {
        def connection = (HttpURLConnection) new URL(emulator.baseUrl() + path).openConnection()
        connection.requestMethod = method
        connection.connectTimeout = 10_000
        connection.readTimeout = 30_000
        if (method == 'POST') {
            connection.doOutput = true
            connection.outputStream.close()
        }
        int status = connection.responseCode
        String body = (status < 400 ? connection.inputStream : connection.errorStream)?.getText('UTF-8') ?: ''
        if (status >= 300) {
            throw new IllegalStateException("$method $path answered $status: $body")
        }
        body
    }

    @Override
    void close() {
        client?.close()
        emulator.close()
    }

    /** One run of lstudio: its exit status and what it printed. */
    static final class Run {
        final int exit
        final String stdout
        final String stderr

        Run(int exit, String stdout, String stderr) {
            this.exit = exit
            this.stdout = stdout
            this.stderr = stderr
        }

        String getOutput() {
            stdout + stderr
        }

        String toString() {
            "exit $exit\n--- stdout\n$stdout--- stderr\n$stderr"
        }
    }
}
