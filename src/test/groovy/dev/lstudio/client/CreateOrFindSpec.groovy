package dev.lstudio.client

import dev.lstudio.api.NetworkException
import dev.lstudio.dsl.EmulatorFixture
import spock.lang.AutoCleanup
import spock.lang.Specification
import spock.lang.Timeout

/** {@code create: true} when the create's answer is lost: the studio is looked up again, never made twice. */
@Timeout(60)
class CreateOrFindSpec extends Specification {
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

    def "a create that never reached the server fails with the network error, and nothing exists"() {
        given:
        emulator = EmulatorFixture.start(faults: ['POST /v1/projects/*/cloudspaces drop'])
        client = emulator.client()
        def team = client.defaultTeamspace()

        when:
        client.createOrFind(team, NewStudio.named('never-made'))

        then:
        thrown(NetworkException)
        emulator.studios().empty
    }

    def "a create answered 409 (made at the same moment) returns the studio of that name"() {
        given:
        emulator = EmulatorFixture.start()
        client = emulator.client()
        def team = client.defaultTeamspace()
        client.createStudio(team, 'taken')

        expect:
        client.createOrFind(team, NewStudio.named('taken')).name() == 'taken'
        emulator.studios()*.name == ['taken']
    }
}
