package dev.lstudio.client

import dev.lstudio.api.NetworkException
import dev.lstudio.testing.EmulatorFixture
import spock.lang.AutoCleanup
import spock.lang.Specification
import spock.lang.Timeout

/**
 * Calls whose answer is lost (the connection drops after the server acted) or refused: sent
 * again where that cannot do the work twice, and a second answer that says "already done"
 * (409 switch pending, 404 on a resent DELETE) taken as done. Found by the soak test.
 */
@Timeout(60)
class LostAnswerSpec extends Specification {
    @AutoCleanup
    EmulatorFixture emulator
    @AutoCleanup
    LightningClient client

    def "a create whose connection drops after the server made the studio returns that studio"() {
        given:
        emulator = EmulatorFixture.start(faults: ['POST /v1/projects/*/cloudspaces drop-after'])
        client = emulator.client()
        def team = client.defaultTeamspace()

        when:
        def studio = client.createOrFind(team, NewStudio.named('lost-answer'))

        then:
        studio.name() == 'lost-answer'
        emulator.studios()*.name == ['lost-answer']
    }

    def "a create that never reached the server is sent again while the name is not found, three sends in all"() {
        given:
        emulator = EmulatorFixture.start(faults: ['POST /v1/projects/*/cloudspaces drop'])
        client = emulator.client()
        def team = client.defaultTeamspace()

        when:
        client.createOrFind(team, NewStudio.named('never-made'))

        then:
        thrown(NetworkException)
        emulator.studios().empty
        emulator.requests().requests.findAll { k, v -> k.startsWith('POST /v1/projects/') && k.endsWith('/cloudspaces') }
                .values().sum() == 3
    }

    def "a create refused with a 500 that the next send gets through makes one studio"() {
        given:
        emulator = EmulatorFixture.start()
        client = emulator.client()
        def team = client.defaultTeamspace()
        emulator.faults('POST /v1/projects/*/cloudspaces 500:0.5')

        when:
        (1..6).each { client.createOrFind(team, NewStudio.named("flaky-$it")) }

        then:
        emulator.studios()*.name.sort() == (1..6).collect { "flaky-$it" }.sort()
    }

    def "machine switches whose request or confirm answers are lost still move the studios"() {
        given:
        emulator = EmulatorFixture.start()
        client = emulator.client()
        def team = client.defaultTeamspace()
        def studios = (1..6).collect { client.createStudio(team, "mover-$it") }
        studios*.start('cpu-4')
        emulator.faults('PUT /v1/projects/*/cloudspaces/*/codeconfig drop-after:0.5',
                'POST /v1/projects/*/cloudspaces/*/switch-confirm drop-after:0.5')

        when:
        def machines = studios.collect { it.switchMachine('cpu-8').machine() }

        then:
        machines == ['cpu-8'] * 6
        emulator.studios()*.machine == ['cpu-8'] * 6
        sent('PUT', '/codeconfig') > 6 // answers were lost and the calls sent again
        sent('POST', '/switch-confirm') > 6
    }

    def "deletes whose answers are lost are sent again, and the 404 they then get counts as deleted"() {
        given:
        emulator = EmulatorFixture.start()
        client = emulator.client()
        def team = client.defaultTeamspace()
        def studios = (1..6).collect { client.createStudio(team, "doomed-$it") }
        emulator.faults('DELETE /v1/projects/*/cloudspaces/* drop-after:0.5')

        when:
        studios*.delete()

        then:
        emulator.studios().empty
        sent('DELETE', '') > 6
    }

    int sent(String method, String ending) {
        emulator.requests().requests.findAll { String k, v -> k.startsWith(method + ' ') && k.endsWith(ending) }
                .values().sum(0) as int
    }
}
