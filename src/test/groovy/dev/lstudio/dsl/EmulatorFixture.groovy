package dev.lstudio.dsl

import dev.lstudio.api.ApiConfig
import dev.lstudio.api.Credentials
import dev.lstudio.api.Environment
import dev.lstudio.api.LightningApi
import dev.lstudio.api.HttpRetryPolicy
import dev.lstudio.client.ClientOptions
import dev.lstudio.client.LightningClient
import dev.lstudio.client.Progress
import dev.lstudio.emulator.Emulator
import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import java.nio.file.Path
import java.time.Duration

/**
 * An in-process emulator for specs of the DSL and the runner: zero delays unless a spec asks
 * for some, a client pointed at it with quick polls and retries, and the admin API
 * (/_emulator/) to check what really runs.
 */
class EmulatorFixture implements AutoCloseable {
    final Emulator emu

    private EmulatorFixture(Emulator emu) {
        this.emu = emu
    }

    /** {@code start(startDelay: 300.milliseconds, faults: [...])}: zero delays unless given. */
    static EmulatorFixture start(Map<String, ?> settings = [:]) {
        def builder = Emulator.builder().strict(true).port(0).teamspace('demo')
                .startDelay(settings.startDelay as Duration ?: Duration.ZERO)
                .stopDelay(settings.stopDelay as Duration ?: Duration.ZERO)
                .switchDelay(settings.switchDelay as Duration ?: Duration.ZERO)
                .forkDelay(settings.forkDelay as Duration ?: Duration.ZERO)
                .seed(7L)
        if (settings.faults) {
            builder.faults(settings.faults as String[])
        }
        new EmulatorFixture(builder.build().start())
    }

    String getBaseUrl() { emu.baseUrl() }

    /** The environment a child process or Main needs to reach this emulator. */
    Map<String, String> getEnv() {
        [LIGHTNING_CLOUD_URL: emu.baseUrl(), LIGHTNING_USER_ID: emu.userId(), LIGHTNING_API_KEY: emu.apiKey()]
    }

    LightningClient client(List<String> warnings = [], Progress progress = Progress.silent()) {
        def config = ApiConfig.of(emu.baseUrl(), Credentials.of(emu.userId(), emu.apiKey()))
                .withRetry(HttpRetryPolicy.defaults().withDelays(Duration.ofMillis(10), Duration.ofMillis(50)))
        def options = ClientOptions.defaults()
                .withEnvironment(Environment.of([:], Path.of('/nonexistent-home')))
                .withPolling(Duration.ofMillis(20), Duration.ofMillis(100))
                .withWarnings { warnings << it }
                .withProgress(progress)
        LightningClient.create(LightningApi.create(config), options)
    }

    /**
     * Every studio of the caller as the admin API lists it: name, phase, machine, active, machineSeconds...
     * The teammate's stopped Studio, which every emulator now has, is left out: specs count their own.
     */
    List<Map> studios() {
        (admin('GET', 'studios').studios as List<Map>).findAll { it.owner != 'teammate' }
    }

    Map studio(String name) {
        studios().find { it.name == name }
    }

    int activeCount() {
        admin('GET', 'studios').activeCount as int
    }

    /** How many API requests the emulator answered since the last reset, by {@code METHOD path}, and in total. */
    Map requests() {
        admin('GET', 'requests') as Map
    }

    void clearRequests() {
        admin('DELETE', 'requests')
    }

    /** Replaces the fault rules, e.g. {@code faults('GET /v1/** 503:0.5')}. */
    void faults(String... specs) {
        admin('PUT', 'faults', [specs: specs.toList(), seed: 7])
    }

    /** Back to no studios and no faults. */
    void reset() {
        admin('DELETE', 'faults')
        admin('POST', 'reset')
    }

    private Object admin(String method, String path, Map body = null) {
        def connection = (HttpURLConnection) new URL(emu.baseUrl() + '_emulator/' + path).openConnection()
        connection.requestMethod = method
        if (body != null) {
            connection.doOutput = true
            connection.setRequestProperty('Content-Type', 'application/json')
            connection.outputStream.withCloseable { it.write(JsonOutput.toJson(body).getBytes('UTF-8')) }
        }
        def text = connection.inputStream.getText('UTF-8')
        assert connection.responseCode < 300: "admin $method $path: ${connection.responseCode} $text"
        text ? new JsonSlurper().parseText(text) : null
    }

    @Override
    void close() {
        emu.close()
    }
}
