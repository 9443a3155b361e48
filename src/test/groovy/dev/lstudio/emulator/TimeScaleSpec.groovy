package dev.lstudio.emulator

import java.time.Duration

/** With a time scale, the emulator's idle clock runs faster, so a 15-minute idle limit passes in seconds. */
class TimeScaleSpec extends WithEmulator {
    @Override
    Map<String, ?> settings() {
        [timeScale: 300]
    }

    def "an idle limit of 15 minutes stops a studio within a few seconds at time scale 300"() {
        given:
        def s = api.create('scaled-idle')
        api.ok('PUT', api.path(s, 'sleepconfig'), [disableAutoShutdown: false, idleShutdownSeconds: '900'])

        when:
        long began = System.nanoTime()
        api.startAndWait(s)

        then:
        api.waitStopped(s)
        Duration.ofNanos(System.nanoTime() - began) < Duration.ofSeconds(20)
        api.admin('studios').studios.find { it.id == s.id }.lastStopReason.contains('idle for 900s')
    }

    def "keep-alive holds a studio up through several scaled idle limits"() {
        given:
        def s = api.create('scaled-keepalive')
        api.ok('PUT', api.path(s, 'sleepconfig'), [disableAutoShutdown: false, idleShutdownSeconds: '300'])
        api.startAndWait(s)

        when: 'keep-alive every 200 ms for 4 s: four idle limits of 1 s each at this scale'
        long until = System.nanoTime() + Duration.ofSeconds(4).toNanos()
        while (System.nanoTime() < until) {
            api.ok('POST', api.path(s, 'keep-alive'))
            Thread.sleep(200)
        }

        then:
        api.codeStatus(s).inUse.phase == 'CLOUD_SPACE_INSTANCE_STATE_RUNNING'

        and: 'without keep-alive it sleeps'
        api.waitStopped(s)
    }

    def "a time scale below 1 is refused"() {
        when:
        Emulator.builder().timeScale(0.5)

        then:
        def e = thrown(IllegalArgumentException)
        e.message.contains('1 or more')
    }
}
