package dev.lstudio.testing

import dev.lstudio.api.ApiConfig
import dev.lstudio.api.Credentials
import dev.lstudio.api.Environment
import dev.lstudio.api.HttpRetryPolicy
import dev.lstudio.api.LightningApi
import dev.lstudio.client.ClientOptions
import dev.lstudio.client.LightningClient
import dev.lstudio.client.Progress
import dev.lstudio.emulator.Emulator
import groovy.json.JsonOutput
import groovy.json.JsonSlurperClassic
import java.nio.file.Path
import java.time.Duration
import java.util.function.Consumer

/**
 * The one in-process emulator of the specs: strict (it refuses fields the live service lacks)
 * unless told otherwise, zero delays unless a spec asks for some, a client pointed at it with
 * quick polls and retries, and the admin API (/_emulator/) to set the scene and to check what
 * really runs. Every spec that needs an emulator starts it here:
 * {@code EmulatorFixture.start(startDelay: 2.seconds, faults: ['GET /v1/** 503:0.5'])}.
 */
final class EmulatorFixture implements AutoCloseable {
    /** What {@link #start} knows; anything else is a typo and refused. */
    static final Set<String> SETTINGS = ['strict', 'teamspaces', 'userId', 'apiKey', 'username', 'teammate', 'stateDir',
                                         'startDelay', 'stopDelay', 'switchDelay', 'forkDelay', 'detachAfter',
                                         'faults', 'seed', 'log', 'timeScale', 'urlTtl', 'listPageSize'] as Set

    final Emulator emu
    private LightningClient sceneClient

    private EmulatorFixture(Emulator emu) {
        this.emu = emu
    }

    /**
     * Starts an emulator on a free loopback port. Settings: {@code strict} (true), {@code teamspaces}
     * (['demo']), {@code userId}, {@code apiKey}, {@code username}, {@code teammate}, {@code stateDir},
     * the delays {@code startDelay}, {@code stopDelay}, {@code switchDelay}, {@code forkDelay} (zero),
     * {@code detachAfter}, {@code faults} (rules), {@code seed} (7), {@code log} (a consumer of its log lines)
     * {@code timeScale} (1; 60 makes an idle limit of 15 min pass in 15 s), {@code urlTtl} (presigned
     * URLs' lifetime, 15 min) and {@code listPageSize} (entries per page of a file listing, 1000).
     */
    static EmulatorFixture start(Map<String, ?> settings = [:]) {
        def unknown = settings.keySet() - SETTINGS
        if (unknown) {
            throw new IllegalArgumentException("unknown emulator settings $unknown; known: $SETTINGS")
        }
        def builder = Emulator.builder().port(0).strict(settings.strict == null ? true : settings.strict as boolean)
                .startDelay(settings.startDelay as Duration ?: Duration.ZERO)
                .stopDelay(settings.stopDelay as Duration ?: Duration.ZERO)
                .switchDelay(settings.switchDelay as Duration ?: Duration.ZERO)
                .forkDelay(settings.forkDelay as Duration ?: Duration.ZERO)
                .seed(settings.seed == null ? 7L : settings.seed as long)
        (settings.teamspaces as List<String>)?.each { builder.teamspace(it) }
        settings.userId && builder.userId(settings.userId as String)
        settings.apiKey && builder.apiKey(settings.apiKey as String)
        settings.username && builder.username(settings.username as String)
        settings.teammate != null && builder.teammate(settings.teammate as boolean)
        settings.stateDir && builder.stateDir(settings.stateDir as Path)
        settings.detachAfter && builder.detachAfter(settings.detachAfter as Duration)
        settings.faults && builder.faults(settings.faults as String[])
        settings.timeScale && builder.timeScale(settings.timeScale as double)
        settings.log && builder.log(settings.log as Consumer<String>)
        settings.urlTtl && builder.urlTtl(settings.urlTtl as Duration)
        settings.listPageSize && builder.listPageSize(settings.listPageSize as int)
        new EmulatorFixture(builder.build().start())
    }

    /** Ends in {@code /}, as a base URL must. */
    String getBaseUrl() { emu.baseUrl() }

    String getUserId() { emu.userId() }

    String getApiKey() { emu.apiKey() }

    /** The environment a child process or Main needs to reach this emulator. */
    Map<String, String> getEnv() {
        [LIGHTNING_CLOUD_URL: emu.baseUrl(), LIGHTNING_USER_ID: emu.userId(), LIGHTNING_API_KEY: emu.apiKey()]
    }

    /** A new client of this emulator (the caller closes it): quick retries and polls, stops given 10 s, no home of its own. */
    LightningClient client(List<String> warnings = [], Progress progress = Progress.silent()) {
        def config = ApiConfig.of(emu.baseUrl(), Credentials.of(emu.userId(), emu.apiKey()))
                .withRetry(HttpRetryPolicy.defaults().withDelays(Duration.ofMillis(10), Duration.ofMillis(50)))
        def defaults = ClientOptions.defaults()
        // A stop is resent until its timeout: a spec whose stops all fail should not wait ten minutes for that.
        def options = defaults.withTimeouts(defaults.startTimeout(), Duration.ofSeconds(10), defaults.switchTimeout(),
                defaults.execTimeout())
                .withEnvironment(Environment.of([:], Path.of('/nonexistent-home')))
                .withPolling(Duration.ofMillis(20), Duration.ofMillis(100))
                .withWarnings { warnings << it }
                .withProgress(progress)
        LightningClient.create(LightningApi.create(config), options)
    }

    /** Creates stopped studios in the default teamspace, to set the scene. */
    void create(String... names) {
        def team = scene().defaultTeamspace()
        names.each { scene().createStudio(team, it) }
    }

    /** Starts an existing studio of the default teamspace on {@code machine}, as someone else would have. */
    void startStudio(String name, String machine = 'cpu-4') {
        scene().studio(scene().defaultTeamspace(), name).start(machine)
    }

    /**
     * Every studio of the caller as the admin API lists it: name, phase, machine, active, machineSeconds...
     * The teammate's stopped Studio, which every emulator has unless told otherwise, is left out: specs count their own.
     */
    List<Map> studios() {
        (admin('GET', 'studios').studios as List<Map>).findAll { it.owner != 'teammate' }
    }

    Map studio(String name) {
        studios().find { it.name == name }
    }

    /** The studio as the API answers a client that gets it: codeConfig (machine, sleep settings), env, state... */
    Map cloudspace(String name) {
        Map entry = studio(name)
        assert entry: "no studio named $name"
        def connection = (HttpURLConnection) new URL(emu.baseUrl() +
                "v1/projects/${entry.projectId}/cloudspaces/${entry.id}").openConnection()
        connection.setRequestProperty('Authorization', 'Basic ' + "${emu.userId()}:${emu.apiKey()}".bytes.encodeBase64())
        assert connection.responseCode == 200
        new JsonSlurperClassic().parseText(connection.inputStream.getText('UTF-8')) as Map
    }

    /**
     * One call of the Studios API on the studio {@code name}, as another client of the same user
     * would make it (someone else's doing, in the middle of a run): e.g.
     * {@code asSomeoneElse('POST', 'box', '/switch-confirm')}, {@code asSomeoneElse('GET', 'box', '/codestatus')}.
     * Returns the status and the parsed answer.
     */
    Map asSomeoneElse(String method, String name, String suffix = '', Map body = null) {
        Map entry = studio(name)
        assert entry: "no studio named $name"
        def connection = (HttpURLConnection) new URL(emu.baseUrl() +
                "v1/projects/${entry.projectId}/cloudspaces/${entry.id}${suffix}").openConnection()
        connection.requestMethod = method
        connection.setRequestProperty('Authorization', 'Basic ' + "${emu.userId()}:${emu.apiKey()}".bytes.encodeBase64())
        if (method != 'GET' && method != 'DELETE') {
            connection.doOutput = true
            connection.setRequestProperty('Content-Type', 'application/json')
            connection.outputStream.withCloseable { it.write(JsonOutput.toJson(body ?: [:]).getBytes('UTF-8')) }
        }
        int status = connection.responseCode
        String text = (status < 400 ? connection.inputStream : connection.errorStream)?.getText('UTF-8') ?: ''
        [status: status, body: text ? new JsonSlurperClassic().parseText(text) : null]
    }

    /** The names of the caller's running (active) studios, sorted. */
    List<String> activeStudios() {
        studios().findAll { it.active }*.name.sort() as List<String>
    }

    int activeCount() {
        admin('GET', 'studios').activeCount as int
    }

    /** How many API requests the emulator answered since the last reset, by {@code METHOD path}, and in total. */
    Map requests() {
        admin('GET', 'requests') as Map
    }

    /** The commands the emulator ran in studio {@code name}, as it received them (each once). */
    List<String> commands(String name) {
        def entry = (admin('GET', 'commands').studios as List<Map>).find { it.name == name }
        (entry?.commands as List<Map> ?: [])*.command as List<String>
    }

    void clearRequests() {
        admin('DELETE', 'requests')
    }

    /** How many faults of each kind were injected since the rules were set, e.g. {@code [expired: 2]}. */
    Map<String, Long> injectedFaults() {
        (admin('GET', 'faults') as Map).injected as Map<String, Long>
    }

    /** Every file of a studio, as the artifacts API lists it (root-relative paths), for specs to check what arrived. */
    List<dev.lstudio.client.RemoteFile> filesOf(String name) {
        scene().studio(scene().defaultTeamspace(), name).files().listAll('')
    }

    /** Replaces the fault rules, e.g. {@code faults('GET /v1/** 503:0.5')}. */
    void faults(String... specs) {
        admin('PUT', 'faults', [specs: specs.toList(), seed: 7])
    }

    /** Back to no studios, no faults and no counted requests. */
    void reset() {
        admin('DELETE', 'faults')
        admin('POST', 'reset')
        admin('DELETE', 'requests')
    }

    private LightningClient scene() {
        if (sceneClient == null) {
            sceneClient = client()
        }
        sceneClient
    }

    private Object admin(String method, String path, Map body = null) {
        def connection = (HttpURLConnection) new URL(emu.baseUrl() + '_emulator/' + path).openConnection()
        connection.requestMethod = method
        connection.connectTimeout = 10_000
        connection.readTimeout = 30_000
        if (body != null) {
            connection.doOutput = true
            connection.setRequestProperty('Content-Type', 'application/json')
            connection.outputStream.withCloseable { it.write(JsonOutput.toJson(body).getBytes('UTF-8')) }
        } else if (method == 'POST') {
            connection.doOutput = true
            connection.outputStream.close()
        }
        int status = connection.responseCode
        String text = (status < 400 ? connection.inputStream : connection.errorStream)?.getText('UTF-8') ?: ''
        assert status < 300: "admin $method $path: $status $text"
        text ? new JsonSlurperClassic().parseText(text) : null
    }

    @Override
    void close() {
        sceneClient?.close()
        emu.close()
    }
}
