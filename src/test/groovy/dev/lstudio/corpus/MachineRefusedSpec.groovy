package dev.lstudio.corpus

import dev.lstudio.api.InvalidArgumentException
import dev.lstudio.client.ClientSpec
import dev.lstudio.client.LookupException
import dev.lstudio.client.ScriptedServer

/**
 * Issue 8, bad input: "unknown machine slug (suggest the nearest)", against a server that refuses
 * the slug in its own words: an unknown one is one line with the client's nearest known slug,
 * whatever the server said (issue 14: one suggestion, not two); the error of a known one is left
 * as it is.
 */
class MachineRefusedSpec extends ClientSpec {
    def "a refused #kind slug: #outcome"() {
        given:
        def studio = studioS1()
        api.on(CODE, '{}')
        api.onResponses("POST $P/s1/start", ScriptedServer.json(400, '{"code":3,"message":"invalid compute config"}'))

        when:
        studio.start(slug)

        then:
        Exception e = thrown()
        e.class == type
        e.message ==~ message

        where:
        kind      | slug         || type                     | message                                                                           | outcome
        'unknown' | 'lit-a100-9' || LookupException          | /machine 'lit-a100-9' is not one the server knows: did you mean 'lit-a100-1'\?/ | 'one line with the nearest known one'
        'known'   | 'lit-a100-8' || InvalidArgumentException | /.*the start request failed \(HTTP 400\): invalid compute config; the server refused the values sent; check names, machine and options/ | "the server's error as it is"
    }
}
