package dev.lstudio.emulator

import java.time.Duration

/** A studio stops by itself when its requested run duration is up, or when it has been idle too long. */
class AutoStopSpec extends WithEmulator {
    String stopReason(Map s) {
        api.admin('studios').studios.find { it.id == s.id }.lastStopReason
    }

    def "a studio started with requested_run_duration_seconds #value stops when the time is up"() {
        given:
        def s = api.create("auto-duration-${value.getClass().simpleName.toLowerCase()}")

        when:
        api.ok('POST', api.path(s, 'start'), [compute_config: [name: 'cpu-4', requested_run_duration_seconds: value]])

        then:
        api.codeStatus(s).inUse.computeConfig.requestedRunDurationSeconds == '1'
        api.waitStopped(s)
        stopReason(s).contains('run duration')

        where:
        value << ['1', 1]
    }

    def "a requested run duration that is not a positive number is a 400"() {
        given:
        def s = api.create("auto-bad-duration-$i")

        expect:
        api.post(api.path(s, 'start'), [compute_config: [name: 'cpu-4', requested_run_duration_seconds: value]]).status == 400

        where:
        i | value
        1 | '0'
        2 | '-5'
        3 | 'soon'
    }

    def "an idle studio goes to sleep after idle_shutdown_seconds"() {
        given:
        def s = api.create('auto-idle')
        api.ok('PUT', api.path(s, 'sleepconfig'), [code_config: [disable_auto_shutdown: false, idle_shutdown_seconds: 1]])

        when:
        api.startAndWait(s)

        then:
        api.waitStopped(s)
        stopReason(s).contains('idle')
    }

    def "keep-alive resets idleness, and without it the studio then sleeps"() {
        given:
        def s = api.create('auto-keepalive')
        api.ok('PUT', api.path(s), [code_config: [idle_shutdown_seconds: 2]])
        api.startAndWait(s)

        when: 'keep-alives for three times the idle period'
        long until = System.nanoTime() + Duration.ofSeconds(6).toNanos()
        while (System.nanoTime() < until) {
            api.ok('POST', api.path(s, 'keep-alive'))
            Thread.sleep(200)
        }

        then:
        api.codeStatus(s).inUse.phase == 'CLOUD_SPACE_INSTANCE_STATE_RUNNING'

        and: 'once they stop, so does the studio'
        api.waitStopped(s)
        stopReason(s).contains('idle')
    }

    def "a running command keeps the studio awake"() {
        given:
        def s = api.create('auto-busy')
        api.ok('PUT', api.path(s, 'sleepconfig'), [code_config: [idle_shutdown_seconds: 1]])
        api.startAndWait(s)

        when:
        def r = api.exec(s, 'sleep 3; echo done')

        then: 'the command ran to its end although it outlasted the idle period'
        r.exitCode == 0
        r.output == 'done\n'
    }

    def "with disable_auto_shutdown the studio stays up through many idle periods"() {
        given:
        def s = api.create('auto-disabled')
        api.ok('PUT', api.path(s, 'sleepconfig'), [code_config: [disable_auto_shutdown: true, idle_shutdown_seconds: 1]])
        api.startAndWait(s)

        when:
        Thread.sleep(3000)

        then:
        api.codeStatus(s).inUse.phase == 'CLOUD_SPACE_INSTANCE_STATE_RUNNING'

        cleanup:
        api.ok('POST', api.path(s, 'stop'))
    }

    def "sleepconfig without any setting is a 400"() {
        given:
        def s = api.create('auto-empty-sleep')

        expect:
        api.put(api.path(s, 'sleepconfig'), [code_config: [:]]).status == 400
    }
}
