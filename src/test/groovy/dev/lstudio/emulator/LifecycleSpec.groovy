package dev.lstudio.emulator

import dev.lstudio.client.Machines

import java.time.Duration

/** Start, stop and restart move through the documented phases; wrong-state requests get clear errors. */
class LifecycleSpec extends WithEmulator {
    @Override
    Map<String, ?> settings() {
        [startDelay: Duration.ofSeconds(2), stopDelay: Duration.ofSeconds(1)]
    }

    static final List<String> START_ORDER = ['CLOUD_SPACE_INSTANCE_STATE_UNSPECIFIED', 'CLOUD_SPACE_INSTANCE_STATE_PENDING',
                                            'CLOUD_SPACE_INSTANCE_STATE_RUNNING']


    /** Polls codestatus until the probe is satisfied, and returns every status seen on the way. */
    List<Map> watch(Map studio, Closure<Boolean> done) {
        List<Map> seen = []
        Api.waitFor('the studio to settle') {
            def s = api.codeStatus(studio)
            seen << s
            done(s)
        }
        seen
    }

    def "start goes through UNSPECIFIED and PENDING to RUNNING, flipping the startup flags in order"() {
        given:
        def s = api.create('life-start')

        when:
        api.ok('POST', api.path(s, 'start'), [compute_config: [name: 'lit-t4-1', spot: false]])
        def seen = watch(s) { it.inUse.phase == START_ORDER[2] && it.inUse.startupStatus.topUpRestoreFinished }
        def phases = seen*.inUse*.phase

        then: 'phases only move forward'
        phases.collect { START_ORDER.indexOf(it) } == phases.collect { START_ORDER.indexOf(it) }.sort()
        phases[0] != START_ORDER[2]

        and: 'initial restore finishes before top-up restore, and neither goes back'
        def initial = seen*.inUse*.startupStatus*.initialRestoreFinished
        def topUp = seen*.inUse*.startupStatus*.topUpRestoreFinished
        initial == initial.sort(false)
        topUp == topUp.sort(false)
        seen.every { !it.inUse.startupStatus.topUpRestoreFinished || it.inUse.startupStatus.initialRestoreFinished }

        and:
        seen.last().inUse.computeConfig.name == 'lit-t4-1'
        seen*.inUse*.cloudSpaceInstanceId.unique().size() == 1
    }

    def "stop goes STOPPING then STOPPED"() {
        given:
        def s = api.create('life-stop')
        api.startAndWait(s)

        when:
        api.ok('POST', api.path(s, 'stop'))
        def phases = watch(s) { it.inUse.phase == 'CLOUD_SPACE_INSTANCE_STATE_STOPPED' }*.inUse*.phase.unique()

        then:
        phases == ['CLOUD_SPACE_INSTANCE_STATE_STOPPING', 'CLOUD_SPACE_INSTANCE_STATE_STOPPED']
        api.admin('studios').studios.find { it.id == s.id }.active == false
    }

    def "a studio never started has no instance and is not running"() {
        given:
        def s = api.create('life-fresh')

        expect:
        api.codeStatus(s) == [inUse: null, requested: null]
    }

    def "starting a studio that is already up on the same machine changes nothing"() {
        given:
        def s = api.create('life-again')
        def before = api.startAndWait(s)

        when:
        api.ok('POST', api.path(s, 'start'), [compute_config: [name: 'cpu-4']])

        then:
        api.codeStatus(s).inUse.cloudSpaceInstanceId == before.inUse.cloudSpaceInstanceId
    }

    def "starting a running studio on another machine is a 409 pointing at codeconfig"() {
        given:
        def s = api.create('life-other')
        api.startAndWait(s)

        when:
        def r = api.post(api.path(s, 'start'), [compute_config: [name: 'cpu-8']])

        then:
        r.status == 409
        r.json.code == 9
        r.json.message.contains('codeconfig')
    }

    def "starting a stopping studio is a 409 saying to wait for STOPPED"() {
        given:
        def s = api.create('life-stopping')
        api.startAndWait(s)
        api.ok('POST', api.path(s, 'stop'))

        when:
        def r = api.post(api.path(s, 'start'), [compute_config: [name: 'cpu-4']])

        then:
        r.status == 409
        r.json.message.contains('STOPPED')
    }

    def "stopping a stopped studio is a harmless no-op"() {
        given:
        def s = api.create('life-stop-twice')

        expect:
        api.ok('POST', api.path(s, 'stop')) == [:]
        api.codeStatus(s).inUse == null
    }

    def "a stopped studio starts again with a new instance"() {
        given:
        def s = api.create('life-restart-stopped')
        def first = api.startAndWait(s)
        api.ok('POST', api.path(s, 'stop'))
        api.waitStopped(s)

        when:
        def second = api.startAndWait(s, 'cpu-2')

        then:
        second.inUse.cloudSpaceInstanceId != first.inUse.cloudSpaceInstanceId
        second.inUse.computeConfig.name == 'cpu-2'
    }

    def "restart brings a running studio back up on a new instance of the same machine"() {
        given:
        def s = api.create('life-restart')
        def before = api.startAndWait(s, 'cpu-8')

        when:
        api.ok('POST', api.path(s, 'restart'))
        def after = api.startAndWait(s, 'cpu-8')

        then:
        after.inUse.cloudSpaceInstanceId != before.inUse.cloudSpaceInstanceId
        after.inUse.computeConfig.name == 'cpu-8'
    }

    def "restarting a studio that is not running is a 409"() {
        given:
        def s = api.create('life-restart-fresh')

        expect:
        with(api.post(api.path(s, 'restart'))) {
            status == 409
            json.code == 9
        }
    }

    def "an unknown machine #slug is a 400 of one line that suggests #nearest, as the client does"() {
        given:
        def s = api.create("life-slug-${slug.toLowerCase()}")

        when:
        def r = api.post(api.path(s, 'start'), [compute_config: [name: slug]])

        then:
        r.status == 400
        r.json.code == 3
        r.json.message == "unknown machine '$slug' (did you mean $nearest?)"
        Machines.nearest(slug) == nearest
        api.codeStatus(s).inUse == null

        where:
        slug          || nearest
        'lit-h100-3'  || 'lit-h100-1'
        'LIT-H100-1'  || 'lit-h100-1'
        'lit-h100-16' || 'lit-h100-1'
        'Cpu-4'       || 'cpu-4'
    }

    def "executing on a #what studio is a 409 that says to start it"() {
        given:
        def s = api.create("life-exec-$what")
        if (started) {
            api.startAndWait(s)
            api.ok('POST', api.path(s, 'stop'))
            api.waitStopped(s)
        }

        when:
        def r = api.post(api.path(s, 'execute'), [command: 'echo hi'])

        then:
        r.status == 409
        r.json.code == 9
        r.json.message.contains('start')
        api.admin('studios').studios.find { it.id == s.id }.commandsExecuted == 0

        where:
        what            | started
        'stopped'       | true
        'never-started' | false
    }

    def "an action on an unknown studio is a 404"() {
        expect:
        api.post("${api.studios()}/nope/start", [compute_config: [name: 'cpu-4']]).status == 404
    }
}
