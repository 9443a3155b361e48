package dev.lstudio.client

import groovy.json.JsonOutput

/**
 * Issue 14, item 4: an exec the server refuses because of the Studio's state (gRPC 9) is told in
 * plain words with the verb that fixes it, read from the status at that moment; the server's
 * answer is kept as the cause (for --debug), and the kind is NOT_READY (exit 1, not 4).
 */
class NotReadySpec extends ClientSpec {
    def "an exec refused while the Studio is #state says: #says"() {
        given:
        def studio = studioS1()
        api.on(CODE, status)
        api.onResponses("POST $P/s1/execute", ScriptedServer.json(409, '{"code":9,"message":"studio s is not running"}'))

        when:
        studio.exec('echo hi')

        then:
        NotReadyException e = thrown()
        e.message == "studio 's' " + says
        Failure.NOT_READY.is(e)
        Failure.technical(e).get().contains('/execute failed (HTTP 409, gRPC 9)')

        where:
        state       | status                || says
        'stopped'   | NO_INSTANCE           || "is stopped: start it first, e.g. start 'cpu-4'"
        'stopping'  | phase('STOPPING')     || "is stopping: start it again first, e.g. start 'cpu-4'"
        'starting'  | phase('PENDING')      || "is still starting (PENDING): wait until it runs (start 'cpu-4' waits for it), then exec"
        'switching' | switching()           || 'is switching machine: wait until the switch is done (switchTo waits for it), then exec'
    }

    static String switching() {
        JsonOutput.toJson([inUse    : instance('RUNNING', 'cpu-4', 'i1', true, true),
                           requested: instance('PENDING', 'lit-a100-1', 'i2', false, false)])
    }
}
