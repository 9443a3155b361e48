package dev.lstudio.corpus

import dev.lstudio.client.ClientSpec
import dev.lstudio.client.LookupException
import dev.lstudio.client.ScriptedServer

/**
 * Issue 8, bad input: "unknown machine slug (suggest the nearest)", against a server that refuses
 * the slug in its own words without a suggestion: the client adds the nearest known slug.
 */
class MachineRefusedSpec extends ClientSpec {
    def "a refused unknown slug ends its error with the nearest known one"() {
        given:
        def studio = studioS1()
        api.on(CODE, '{}')
        api.onResponses("POST $P/s1/start", ScriptedServer.json(400, '{"code":3,"message":"invalid compute config"}'))

        when:
        studio.start('lit-a100-9')

        then:
        LookupException e = thrown()
        e.message.endsWith("/start failed (HTTP 400, gRPC 3): invalid compute config; the server refused the values sent; "
                + "check names, machine and options; did you mean 'lit-a100-1'?")
        e.candidates() == ['lit-a100-1']
    }

    def "a refused known slug keeps the server's error as it is"() {
        given:
        def studio = studioS1()
        api.on(CODE, '{}')
        api.onResponses("POST $P/s1/start", ScriptedServer.json(400, '{"code":3,"message":"no capacity for lit-a100-8"}'))

        when:
        studio.start('lit-a100-8')

        then:
        dev.lstudio.api.InvalidArgumentException e = thrown()
        !e.message.contains('did you mean')
    }
}
