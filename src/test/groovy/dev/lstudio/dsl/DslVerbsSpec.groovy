package dev.lstudio.dsl

import spock.lang.Specification

class DslVerbsSpec extends Specification {
    ScriptHarness harness = new ScriptHarness()

    def "args holds the script's command-line arguments"() {
        given:
        harness.args = ['studio-a', '--fast']

        expect:
        harness.run('args.size() + ":" + args[0] + ":" + args[1]') == '2:studio-a:--fast'
    }

    def "env returns the variable's value"() {
        given:
        harness.env = [TEAM: 'research']

        expect:
        harness.run("env('TEAM')") == 'research'
    }

    def "env with a default returns the default only when the variable is missing"() {
        given:
        harness.env = [SET: 'yes']

        expect:
        harness.run("env('SET', 'no') + ',' + env('UNSET', 'fallback')") == 'yes,fallback'
    }

    def "a missing variable fails with a message naming it"() {
        when:
        harness.run("env('LIGHTNING_MISSING_VAR')")

        then:
        DslException e = thrown()
        e.message.contains('LIGHTNING_MISSING_VAR is not set')
    }

    def "log lines go to the log sink, not to the results stream"() {
        when:
        harness.run("log 'starting the nightly job'; log 42")

        then:
        harness.logs == ['starting the nightly job', '42']
        harness.out() == ''
    }

    def "json writes one line of JSON per call to the results stream"() {
        when:
        harness.run('''
            json([name: "studio-${1 + 1}", gpus: [8, 1], idle: 30.minutes])
            json('plain')
        ''')

        then:
        harness.out().readLines() == ['{"name":"studio-2","gpus":[8,1],"idle":"PT30M"}', '"plain"']
    }

    def "json keeps a result's nulls and writes instants in ISO-8601, as the one mapper does with the Groovy additions"() {
        when:
        harness.run('''
            json([exitCode: null, at: java.time.Instant.parse('2026-12-01T10:00:00Z')])
        ''')

        then:
        harness.out().trim() == '{"exitCode":null,"at":"2026-12-01T10:00:00Z"}'
    }

    def "json writes a Groovy object's properties without its metaClass"() {
        when:
        harness.run('''
            class Result { String studio = 'a'; int exitCode = 0 }
            json(new Result())
        ''')

        then:
        harness.out().trim() == '{"studio":"a","exitCode":0}'
    }

    def "println in a script goes to the run's results stream"() {
        when:
        harness.run('println "hello from the script"')

        then:
        harness.out() == 'hello from the script' + System.lineSeparator()
    }

    def "teardown blocks registered by a script run newest first when the registry runs"() {
        given:
        harness.run('''
            teardown('first') { log 'ran first-registered' }
            teardown('second') { log 'ran second-registered' }
        ''')

        when:
        harness.teardown.runAll()

        then:
        harness.logs.findAll { it.startsWith('ran') } == ['ran second-registered', 'ran first-registered']
    }

    def "keepRunning in a script leaves guarded actions undone"() {
        given:
        def stopped = []
        harness.teardown.guard('stop studio a') { stopped << 'a' }

        when:
        harness.run('keepRunning()')
        harness.teardown.runAll()

        then:
        stopped == []
        harness.logs.contains('not done (keepRunning): stop studio a; it keeps running')
    }

    def "the Java face offers the same verbs without closures"() {
        given:
        def dsl = Dsl.create(harness.context())

        when:
        def sizes = dsl.parallel(['a', 'bb', 'ccc'], 2, { String s -> s.size() } as Dsl.Body)
        def value = dsl.retry(2, { 'ok' } as java.util.concurrent.Callable)
        dsl.json([sizes: sizes, value: value])

        then:
        harness.out().trim() == '{"sizes":[1,2,3],"value":"ok"}'
    }
}
