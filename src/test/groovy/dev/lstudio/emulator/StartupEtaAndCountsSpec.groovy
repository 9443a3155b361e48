package dev.lstudio.emulator

import java.time.Duration

/** The start's time estimate in codestatus, and the admin API's request counts. */
class StartupEtaAndCountsSpec extends WithEmulator {
    @Override
    Map<String, ?> settings() {
        [startDelay: Duration.ofSeconds(30)]
    }

    def "a starting studio says how many seconds are left, as a string, and a stopped one says nothing"() {
        given:
        def s = api.create('eta')

        expect:
        api.codeStatus(s).inUse == null

        when:
        api.ok('POST', api.path(s, 'start'), [compute_config: [name: 'cpu-4']])
        def starting = api.codeStatus(s).inUse

        then:
        starting.startupEtaSeconds instanceof String
        (starting.startupEtaSeconds as int) in 28..30

        when:
        api.ok('POST', api.path(s, 'stop'))

        then:
        api.codeStatus(s).inUse?.startupEtaSeconds == null
    }

    def "API requests are counted by method and path until the counts are cleared"() {
        given:
        api.ok('DELETE', '_emulator/requests')
        def s = api.create('counted')

        when:
        3.times { api.codeStatus(s) }
        def counts = api.admin('requests')

        then:
        counts.requests["GET /" + api.path(s, 'codestatus')] == 3
        counts.requests["POST /" + api.studios()] == 1
        counts.total >= 4
        !counts.requests.keySet().any { it.contains('_emulator') }

        when:
        api.ok('DELETE', '_emulator/requests')

        then:
        api.admin('requests').total == 0
    }
}
