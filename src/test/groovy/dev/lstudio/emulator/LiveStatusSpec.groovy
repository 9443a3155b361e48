package dev.lstudio.emulator

import dev.lstudio.testing.EmulatorFixture
import java.time.Duration

/** What codestatus and the Studio carry on the live service besides the reference's fields. */
class LiveStatusSpec extends WithEmulator {
    @Override
    Map<String, ?> settings() {
        [startDelay: Duration.ofSeconds(2), userId: 'me']
    }

    def "a starting instance reports its progress as strings, then runs with a price and an instance type"() {
        given:
        def s = api.create('live-status')

        when:
        api.ok('POST', api.path(s, 'start'), [computeConfig: [name: 'lit-l4-1', spot: false, requestedRunDurationSeconds: '7200']])
        def starting = api.codeStatus(s).inUse

        then:
        starting.startupPercentage instanceof String
        (starting.startupPercentage as int) in 0..99
        starting.startupEtaSeconds instanceof String
        starting.statusMessage
        starting.startupPhase
        starting.startTimestamp ==~ /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/
        starting.computeConfig == [name: 'lit-l4-1', spot: false, requestedRunDurationSeconds: '7200']

        when:
        def running = api.startAndWait(s, 'lit-l4-1').inUse

        then:
        !running.containsKey('startupPercentage')
        running.statusMessage == 'Running'
        running.price instanceof Number
        running.price > 0
        running.instanceType
        api.ok('GET', api.path(s)).maxRunDuration == '7200'

        cleanup:
        api.ok('POST', api.path(s, 'stop'))
    }

    def "machines are priced by size, and spot costs less"() {
        expect:
        MachineCatalog.require('cpu-2').price(false) < MachineCatalog.require('cpu-4').price(false)
        MachineCatalog.require('cpu-16').price(false) < MachineCatalog.require('lit-h100-1').price(false)
        MachineCatalog.require('lit-h100-1').price(false) < MachineCatalog.require('lit-h100-8').price(false)
        MachineCatalog.require('lit-a100-1').price(true) < MachineCatalog.require('lit-a100-1').price(false)
    }

    def "a Studio carries env, userMetadata, tags, state, maxRunDuration and updatedAt at the top level"() {
        when:
        def s = api.ok('GET', api.path(api.create('live-fields')))

        then:
        s.env == []
        s.userMetadata == ''
        s.tags == []
        s.state == 'CLOUD_SPACE_STATE_READY'
        s.maxRunDuration == '0'
        s.updatedAt ==~ /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/
        !s.codeConfig.containsKey('envVars')
    }

    def "the admin API marks whose each Studio is"() {
        given:
        api.create('live-mine')

        when:
        List<Map> studios = api.admin('studios').studios

        then:
        studios.find { it.name == 'shared-box' }.owner == 'teammate'
        studios.find { it.name == 'live-mine' }.owner == 'demo'
        studios.find { it.name == 'live-mine' }.userId == 'me'
    }

    def "without a teammate the world starts empty"() {
        given:
        def empty = EmulatorFixture.start(strict: false, teammate: false).emu
        def api2 = new Api(empty)

        expect:
        api2.ok('GET', api2.studios()).cloudspaces == []
        api2.admin('studios').studios == []

        cleanup:
        empty?.close()
    }
}
