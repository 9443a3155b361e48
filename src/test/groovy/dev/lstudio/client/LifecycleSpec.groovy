package dev.lstudio.client

import groovy.json.JsonOutput

import java.time.Duration

/** Start, stop, restart and switch wait for the documented end state, with deadlines and backoff. */
class LifecycleSpec extends ClientSpec {
    Studio studio

    def setup() {
        studio = studioS1()
        api.on("POST $P/s1/start", '{}')
        api.on("POST $P/s1/stop", '{}')
        api.on("POST $P/s1/restart", '{}')
        api.on("PUT $P/s1/codeconfig", '{}')
        api.on("POST $P/s1/switch-confirm", '{}')
    }

    def "a start refused as already under way while the Studio comes up goes on waiting: it went through"() {
        given: 'as a start resent after a lost answer (the first one was carried out) is told'
        api.onResponses("POST $P/s1/start", ScriptedServer.json(409, '{"code":9,"message":"a start is already under way"}'))
        api.on(CODE, NO_INSTANCE, phase('PENDING'), running('lit-t4-1'))

        when:
        def status = studio.start('lit-t4-1')

        then: 'not a refusal: the Studio runs, and its caller still owns it'
        status.status() == Status.RUNNING
        api.count("POST $P/s1/start") == 1
    }

    def "a start refused as conflicting while the Studio stays stopped is still a refusal"() {
        given:
        api.onResponses("POST $P/s1/start", ScriptedServer.json(409, '{"code":9,"message":"quota exceeded"}'))
        api.on(CODE, NO_INSTANCE)

        when:
        studio.start('lit-t4-1')

        then:
        thrown(dev.lstudio.api.LightningException)
    }

    def "start waits until running with the files restored, reporting each poll"() {
        given:
        api.on(CODE, NO_INSTANCE, phase('PENDING'), phase('IMAGE_BUILDING'), running('lit-t4-1', 'i1', false), running('lit-t4-1'))

        when:
        def status = studio.start('lit-t4-1')

        then:
        status == new StudioStatus(Status.RUNNING, 'lit-t4-1', true, false)
        body(api.last("POST $P/s1/start")) == [computeConfig: [name: 'lit-t4-1', spot: false]]
        progress.tasks*.text == ['s: start']
        progress.phases == ['PENDING', 'PENDING', 'RUNNING on lit-t4-1 (restoring files)', 'RUNNING on lit-t4-1']
        progress.tasks.every { it.closed }
        warnings.empty
    }

    def "polls back off with jitter up to the configured maximum"() {
        given:
        api.on(CODE, *([NO_INSTANCE] + [phase('PENDING')] * 12 + [running()]))

        when:
        studio.start('cpu-4')

        then:
        sleeper.sleeps.size() == 12
        sleeper.sleeps[0] >= Duration.ofMillis(500) && sleeper.sleeps[0] <= Duration.ofSeconds(1)
        sleeper.sleeps.every { it <= Duration.ofSeconds(10) }
        sleeper.sleeps.last() >= Duration.ofSeconds(5)
    }

    def "start fails fast when the instance fails"() {
        given:
        api.on(CODE, NO_INSTANCE, phase('PENDING'), phase('FAILED'), running())

        when:
        studio.start('cpu-4')

        then:
        StudioFailedException e = thrown()
        e.message.startsWith("studio 's' failed during start (FAILED")
        api.count(CODE) == 3
    }

    def "start gives up at its deadline and says what it saw last"() {
        given:
        api.on(CODE, NO_INSTANCE, phase('PENDING'))

        when:
        studio.start('cpu-4', false, null, Duration.ofSeconds(30))

        then:
        WaitTimeoutException e = thrown()
        e.message == "start of studio 's' did not finish within 30s (last seen: PENDING); check it on lightning.ai or wait longer"
        e.lastPhase() == 'PENDING'
        sleeper.slept() == Duration.ofSeconds(30)
    }

    def "an unknown machine is sent as given; once the server took it, a warning says lstudio does not know it"() {
        given:
        api.on(CODE, NO_INSTANCE, running('lit-h100-16'))

        when:
        studio.start('lit-h100-16')

        then:
        body(api.last("POST $P/s1/start")).computeConfig.name == 'lit-h100-16'
        warnings == ["machine 'lit-h100-16' is not one lstudio knows; the server took it"]
    }

    def "a slug in upper case is the known machine, sent in lower case, without a warning"() {
        given:
        api.on(CODE, NO_INSTANCE, running('lit-h100-1'))

        when:
        studio.start('LIT-H100-1')

        then:
        body(api.last("POST $P/s1/start")).computeConfig.name == 'lit-h100-1'
        warnings.empty
    }

    def "a Studio already running on that machine is not started again"() {
        given:
        api.on(CODE, running('cpu-4'))

        when:
        def status = studio.start('cpu-4')

        then:
        status.ready()
        api.count("POST $P/s1/start") == 0
    }

    def "a start on a Studio running on another machine says so and does not switch it"() {
        given:
        api.on(CODE, running('cpu-4'))

        when:
        studio.start('lit-a100-1')

        then:
        RunningElsewhereException e = thrown()
        e.message == "studio 's' is running on cpu-4, not lit-a100-1; stop it first, or switch it to lit-a100-1"
        e.running() == 'cpu-4'
        api.count("PUT $P/s1/codeconfig") == 0
        api.count("POST $P/s1/start") == 0
    }

    def "a start reads the status once, then sends the start it decided on"() {
        given:
        api.on(CODE, NO_INSTANCE, running('cpu-4'))

        when:
        studio.start('cpu-4')

        then:
        def calls = api.calls.toList()
        calls.indexOf("POST $P/s1/start".toString()) > 0
        calls.subList(0, calls.indexOf("POST $P/s1/start".toString())).count { it == CODE } == 1
    }

    def "switching a FAILED Studio starts it on the new machine, as a start would"() {
        given:
        api.on(CODE, phase('FAILED'), running('cpu-8'))

        when:
        def status = studio.switchMachine('cpu-8')

        then:
        status.ready()
        body(api.last("POST $P/s1/start")).computeConfig.name == 'cpu-8'
        api.count("PUT $P/s1/codeconfig") == 0
    }

    def "no machine named means the default cpu-4"() {
        given:
        api.on(CODE, NO_INSTANCE, running())

        when:
        studio.start(null)

        then:
        body(api.last("POST $P/s1/start")).computeConfig.name == 'cpu-4'
        warnings.empty
    }

    def "spot and the maximum run time are sent with the start"() {
        given:
        api.on(CODE, NO_INSTANCE, running('lit-h100-8'))

        when:
        studio.start('lit-h100-8', true, Duration.ofHours(3), Duration.ofMinutes(5))

        then:
        body(api.last("POST $P/s1/start")) == [computeConfig: [name: 'lit-h100-8', spot: true, requestedRunDurationSeconds: '10800']]
    }

    def "stop waits until there is no instance in use"() {
        given:
        api.on(CODE, running(), phase('STOPPING'), phase('STOPPING'), NO_INSTANCE)

        when:
        def status = studio.stop()

        then:
        status.stopped()
        api.count("POST $P/s1/stop") == 1
        progress.phases == ['RUNNING on cpu-4', 'STOPPING', 'STOPPING', 'STOPPED', 'STOPPED']
    }

    def "stop is done at a STOPPED phase too"() {
        given:
        api.on(CODE, running(), phase('STOPPED'))

        expect:
        studio.stop().status() == Status.STOPPED
    }

    def "stopping a Studio that looks stopped sends the stop anyway: one answer without an instance may be a glitch"() {
        given:
        api.on(CODE, NO_INSTANCE)

        when:
        studio.stop()

        then:
        api.count("POST $P/s1/stop") == 1
    }

    def "switch prepares the new machine, confirms, and waits until it is the one in use"() {
        given:
        def preparing = JsonOutput.toJson([inUse: instance('RUNNING', 'cpu-4', 'i1', true, true),
                                           requested: instance('PENDING', 'lit-a100-1', 'i2', false, false)])
        def prepared = JsonOutput.toJson([inUse: instance('RUNNING', 'cpu-4', 'i1', true, true),
                                          requested: instance('RUNNING', 'lit-a100-1', 'i2', true, false)])
        def moving = JsonOutput.toJson([inUse: instance('RUNNING', 'lit-a100-1', 'i2', true, false)])
        api.on(CODE, running('cpu-4'), running('cpu-4'), preparing, prepared, prepared, moving, running('lit-a100-1', 'i2'))

        when:
        def status = studio.switchMachine('lit-a100-1')

        then:
        status == new StudioStatus(Status.RUNNING, 'lit-a100-1', true, false)
        body(api.last("PUT $P/s1/codeconfig")) == [computeConfig: [name: 'lit-a100-1', spot: false]]
        api.calls.findAll { !it.startsWith('GET') } == ["PUT $P/s1/codeconfig", "POST $P/s1/switch-confirm"]*.toString()
        api.count(CODE) == 7
        progress.tasks*.text == ['s: switch (preparing lit-a100-1)', 's: switch (moving to lit-a100-1)']
    }

    def "a switch planned from a status answer that said nothing ({}) still switches: the start it sent is told the Studio runs"() {
        given:
        api.onResponses("POST $P/s1/start", ScriptedServer.json(409, '{"code":9,"message":"already running on cpu-4"}'))
        def preparing = JsonOutput.toJson([inUse: instance('RUNNING', 'cpu-4', 'i1', true, true),
                                           requested: instance('PENDING', 'lit-a100-1', 'i2', false, false)])
        def prepared = JsonOutput.toJson([inUse: instance('RUNNING', 'cpu-4', 'i1', true, true),
                                          requested: instance('RUNNING', 'lit-a100-1', 'i2', true, false)])
        def moving = JsonOutput.toJson([inUse: instance('RUNNING', 'lit-a100-1', 'i2', true, false)])
        api.on(CODE, '{}', running('cpu-4'), running('cpu-4'), preparing, prepared, prepared, moving, running('lit-a100-1', 'i2'))

        when:
        def status = studio.switchMachine('lit-a100-1')

        then:
        status.machine() == 'lit-a100-1'
        status.ready()
        api.calls.findAll { !it.startsWith('GET') } == ["POST $P/s1/start", "PUT $P/s1/codeconfig", "POST $P/s1/switch-confirm"]*.toString()
    }

    def "switching a stopped Studio starts it on the new machine"() {
        given:
        api.on(CODE, NO_INSTANCE, running('cpu-8'))

        when:
        studio.switchMachine('cpu-8')

        then:
        body(api.last("POST $P/s1/start")).computeConfig.name == 'cpu-8'
        api.count("PUT $P/s1/codeconfig") == 0
    }

    def "a switch whose new machine fails ends at once"() {
        given:
        def failed = JsonOutput.toJson([inUse: instance('RUNNING', 'cpu-4', 'i1', true, true),
                                        requested: instance('FAILED', 'lit-a100-1', 'i2', false, false)])
        api.on(CODE, running('cpu-4'), running('cpu-4'), failed)

        when:
        studio.switchMachine('lit-a100-1')

        then:
        thrown(StudioFailedException)
        api.count("POST $P/s1/switch-confirm") == 0
    }

    def "restart is done only once a new instance is ready, not while the old one still looks ready"() {
        given:
        api.on(CODE, running('cpu-4', 'i1'), running('cpu-4', 'i1'), phase('PENDING'), running('cpu-4', 'i2'))

        when:
        studio.restart()

        then:
        api.count("POST $P/s1/restart") == 1
        api.count(CODE) == 4
    }

    def "a transient API failure during a wait is polled through"() {
        given:
        api.onResponses(CODE, ScriptedServer.json(200, NO_INSTANCE), ScriptedServer.json(503, '{"code":14,"message":"busy"}'),
                ScriptedServer.json(200, running()))

        when:
        def status = studio.start('cpu-4')

        then:
        status.ready()
        progress.phases.any { it.startsWith('retrying') }
    }

    def "status is read fresh and described for people"() {
        given:
        api.on(CODE, '{"in_use":{"phase":"CLOUD_SPACE_INSTANCE_STATE_RUNNING","compute_config":{"name":"cpu-4"},' +
                '"startup_status":{"top_up_restore_finished":true}},"requested":{"phase":"CLOUD_SPACE_INSTANCE_STATE_PENDING"}}')

        expect:
        studio.status().describe() == 'RUNNING on cpu-4 (switching machine)'
    }

    def "a start on a Studio running on an instance type does not switch it: it warns and leaves it running"() {
        given:
        api.on(CODE, JsonOutput.toJson([inUse: instance('RUNNING', 'p5.48xlarge', 'i1', true, true) + [instanceType: 'p5.48xlarge']]))

        when:
        def status = studio.start('lit-h100-8')

        then:
        status.running()
        status.machine() == 'p5.48xlarge'
        api.count("PUT $P/s1/codeconfig") == 0
        api.count("POST $P/s1/start") == 0
        warnings == ["studio 's' is running on 'p5.48xlarge', which is not a machine slug lstudio can compare with 'lit-h100-8';"
                + " leaving it running as it is (switch explicitly if it is the wrong machine)"]
    }

    def "while starting, the progress line shows the server's percentage and status message"() {
        given:
        def starting = [inUse: [phase: 'CLOUD_SPACE_INSTANCE_STATE_PENDING', startupPercentage: '40',
                                statusMessage: 'Pulling the container image', computeConfig: [name: 'lit-t4-1']]]
        api.on(CODE, NO_INSTANCE, JsonOutput.toJson(starting), running('lit-t4-1'))

        when:
        studio.start('lit-t4-1')

        then:
        progress.phases.contains('PENDING on lit-t4-1 40% (Pulling the container image)')
    }
}
