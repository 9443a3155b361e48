package dev.lstudio.client

import dev.lstudio.api.ApiConfig
import dev.lstudio.api.Credentials
import dev.lstudio.api.Environment
import dev.lstudio.api.FakeSleeper
import dev.lstudio.api.LightningApi
import dev.lstudio.api.HttpRetryPolicy
import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import spock.lang.AutoCleanup
import spock.lang.Specification

import java.nio.file.Path

/** A LightningClient on a scripted loopback server, with fake time. */
abstract class ClientSpec extends Specification {
    static final String P = '/v1/projects/p1/cloudspaces'
    static final String CODE = "GET $P/s1/codestatus"
    static final Teamspace TEAM = new Teamspace('p1', 'team', 'Team', 'jo', false, true)

    @AutoCleanup('shutdown')
    ScriptedServer api = new ScriptedServer()
    FakeSleeper sleeper = new FakeSleeper()
    RecordingProgress progress = new RecordingProgress()
    List<String> warnings = [].asSynchronized()
    @AutoCleanup
    LightningClient client

    def setup() {
        api.server.start()
        api.on('GET /v1/auth/user', '{"id":"u1","username":"jo"}')
        client = newClient([:])
    }

    LightningClient newClient(Map<String, String> env) {
        def config = ApiConfig.of(api.url(), Credentials.of('u1', 'k')).withRetry(HttpRetryPolicy.none())
        def options = ClientOptions.defaults()
                .withSleeper(sleeper)
                .withEnvironment(Environment.of(env, Path.of('/nonexistent-home')))
                .withProgress(progress)
                .withWarnings { warnings << it }
        LightningClient.create(LightningApi.create(config), options)
    }

    /** A handle on studio s1 named 's', as listing would give it. */
    Studio studioS1() {
        api.on("GET $P", '{"cloudspaces":[{"id":"s1","name":"s"}]}')
        client.studio(TEAM, 's')
    }

    static String running(String machine = 'cpu-4', String id = 'i1', boolean ready = true) {
        JsonOutput.toJson([inUse: instance('RUNNING', machine, id, true, ready)])
    }

    static String phase(String phase) {
        JsonOutput.toJson([inUse: [phase: 'CLOUD_SPACE_INSTANCE_STATE_' + phase]])
    }

    static Map instance(String phase, String machine, String id, boolean initial, boolean topUp) {
        [phase: 'CLOUD_SPACE_INSTANCE_STATE_' + phase, cloudSpaceInstanceId: id, computeConfig: [name: machine],
         startupStatus: [initialRestoreFinished: initial, topUpRestoreFinished: topUp]]
    }

    static final String NO_INSTANCE = '{"inUse":null,"requested":null}'

    static Object body(okhttp3.mockwebserver.RecordedRequest request) {
        String text = request.body.clone().readUtf8()
        text ? new JsonSlurper().parseText(text) : null
    }
}
