package dev.lstudio.repl

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.CountDownLatch
import org.jline.reader.Candidate
import org.jline.reader.LineReader
import org.jline.reader.Parser.ParseContext
import spock.lang.AutoCleanup
import spock.lang.Specification
import spock.lang.TempDir

class CompletionSpec extends Specification {

    static CompletionData data() {
        StaticCompletionData.builder()
                .teamspace('research').teamspace('acme/prod')
                .studio('my-studio', 'RUNNING').studio('my-other', 'STOPPED').studio('training', 'PENDING')
                .machine('cpu-4', '4 vCPUs').machine('lit-h100-1', '1x H100').machine('lit-h100-8', '8x H100')
                .machine('lit-h200x-1', '1x H200')
                .plugin('jobs', 'Run async Jobs').plugin('custom-port', 'Expose custom ports')
                .verb(Verb.of('teamspace', 'choose the teamspace', Verb.Argument.TEAMSPACE))
                .verb(Verb.of('studio', 'a studio by name', Verb.Argument.STUDIO, 'create', 'teamspace'))
                .verb(Verb.of('fork', 'copy a studio', Verb.Argument.STUDIO))
                .verb(Verb.of('start', 'start the studio', Verb.Argument.MACHINE, 'machine', 'spot', 'maxRuntime', 'wait'))
                .verb(Verb.of('switchTo', 'move to another machine', Verb.Argument.MACHINE))
                .verb(Verb.of('stop', 'stop the studio', Verb.Argument.NONE, 'wait'))
                .verb(Verb.of('install', 'install a plugin', Verb.Argument.PLUGIN))
                .verb(Verb.of('exec', 'run a command', Verb.Argument.NONE, 'check', 'timeout').at(Verb.Where.STUDIO))
                .verb(Verb.of('parallel', 'run closures at once', Verb.Argument.NONE).at(Verb.Where.SCRIPT))
                .verb(Verb.of('args', 'the script arguments', Verb.Argument.NONE).at(Verb.Where.SCRIPT))
                .build()
    }

    @AutoCleanup('close')
    def harness = new ReplHarness()
    def evaluator = GroovyEvaluator.create()
    def repl = harness.builder().completion(data()).evaluator(evaluator).build()
    LineReader reader = repl.reader()

    @TempDir
    Path dir

    List<Candidate> complete(String buffer, int cursor = buffer.length()) {
        def line = reader.parser.parse(buffer, cursor, ParseContext.COMPLETE)
        List<Candidate> out = []
        reader.completer.complete(reader, line, out)
        out
    }

    Map<String, String> offered(String buffer) {
        complete(buffer).collectEntries { [it.value(), it.descr()] }
    }

    def "at the start of a statement TAB offers the verbs with their summaries"() {
        expect:
        with(offered('')) {
            it['studio'] == 'a studio by name'
            it['start'] == 'start the studio'
            it.keySet().containsAll(['teamspace', 'fork', 'switchTo', 'stop', 'install', 'exec'])
        }
        offered("studio('x') { st").keySet().containsAll(['start', 'stop', 'studio'])
        offered("x = 1; st").containsKey('start')
    }

    def "a statement start also offers the variables and methods defined so far"() {
        given:
        evaluator.evaluate('def gpuBox = 1')
        evaluator.evaluate('def warmUp() { 2 }')

        expect:
        offered('gp').keySet().containsAll(['gpuBox', 'warmUp', 'studio'])
    }

    def "after a dot TAB offers the verbs of a handle"() {
        expect:
        offered("s.").keySet().containsAll(['start', 'stop', 'exec', 'switchTo'])
        offered("studio('my-studio').sta").containsKey('start')
    }

    def "after a handle TAB offers only what a handle has, not the script-only verbs"() {
        expect:
        !offered("studio('my-studio').").keySet().any { it in ['parallel', 'args'] }
        offered("studio('my-studio').").keySet().containsAll(['start', 'exec', 'stop'])
        offered('pa').containsKey('parallel')
    }

    def "inside a verb's arguments TAB offers its named arguments: #buffer"() {
        expect:
        offered(buffer).keySet().containsAll(expected)

        where:
        buffer                          || expected
        "start(machine: 'cpu-4', "      || ['spot:', 'maxRuntime:', 'wait:']
        "s.start machine: 'cpu-4', "    || ['spot:', 'maxRuntime:']
        "stop("                         || ['wait:']
        "exec 'ls', "                   || ['check:', 'timeout:']
        "studio('x', cr"                || ['create:', 'teamspace:']
    }

    def "before its first argument a verb offers the values it takes, quoted, and its named arguments"() {
        when:
        def candidates = complete('start ')

        then:
        candidates*.value().containsAll(["'lit-h100-1'", "'cpu-4'", 'machine:', 'spot:'])
        candidates.find { it.value() == "'lit-h100-1'" }.descr() == '1x H100'
    }

    def "inside teamspace(' and after :teamspace TAB offers teamspace names"() {
        expect:
        offered("teamspace('").keySet() == ['research', 'acme/prod'] as Set
        offered("teamspace 're").keySet() == ['research', 'acme/prod'] as Set
        offered(':teamspace ').keySet() == ['research', 'acme/prod'] as Set
        offered("studio('x', teamspace: '").keySet() == ['research', 'acme/prod'] as Set
    }

    def "inside studio(' and other verbs taking a studio TAB offers studio names with their phase: #buffer"() {
        expect:
        offered(buffer) == ['my-studio': 'RUNNING', 'my-other': 'STOPPED', 'training': 'PENDING']

        where:
        buffer << ["studio('", "studio('my-", 'studio("my', "studio 'm", "fork('", "x = studio('my"]
    }

    def "inside start, switchTo and machine: TAB offers machine slugs with GPU model and count: #buffer"() {
        expect:
        offered(buffer) == ['cpu-4': '4 vCPUs', 'lit-h100-1': '1x H100', 'lit-h100-8': '8x H100', 'lit-h200x-1': '1x H200']

        where:
        buffer << ["start '", "start('lit-h", "s.start 'lit", "switchTo '", "start machine: '",
                   "studio('x') {\n  start(spot: true, machine: 'lit-h"]
    }

    def "inside install ' TAB offers plugin ids"() {
        expect:
        offered("install '") == [jobs: 'Run async Jobs', 'custom-port': 'Expose custom ports']
    }

    def "after :load TAB offers file names"() {
        given:
        Files.writeString(dir.resolve('nightly.groovy'), "println 'x'")
        Files.createDirectory(dir.resolve('jobs'))

        expect:
        complete(":load ${dir}/").collect { it.value() }.containsAll(["${dir}/nightly.groovy".toString(), "${dir}/jobs/".toString()])
    }

    def "after a colon TAB offers the meta-commands with what they do"() {
        expect:
        with(offered(':')) {
            it.keySet().containsAll([':help', ':load', ':teamspace', ':studios', ':json', ':debug', ':history', ':clear', ':exit'])
            it[':load'] == 'evaluate a Groovy file in this session'
        }
        offered(':json ').keySet() == ['on', 'off'] as Set
        offered(':help ').keySet().containsAll(['start', ':load'])
    }

    def "an interpolation is code, so a call inside it completes"() {
        expect:
        offered('"${studio("').containsKey('my-studio')
    }

    def "comments, numbers and strings that are no verb's argument offer nothing: #buffer"() {
        expect:
        complete(buffer).isEmpty()

        where:
        buffer << ["// studio('", "/* start '", "println 'my", "x = 12", '"studio(\'', "exec 'nvidia-"]
    }

    def "TAB in a studio name completes it and closes the quote"() {
        given:
        harness.type("studio('my-s\t)\n")

        expect:
        reader.readLine('> ') == "studio('my-studio')"
    }

    def "TAB before an existing closing quote completes the name without adding another"() {
        given:
        harness.type("studio('tr')\u0002\u0002\t\n")

        expect:
        reader.readLine('> ') == "studio('training')"
    }

    def "TAB after start 'lit-h lists the H100 and H200 slugs with descriptions"() {
        given:
        harness.type("start 'lit-h\t\t\u0015\n")

        when:
        reader.readLine('> ')

        then:
        harness.output().contains('lit-h100-1')
        harness.output().contains('(1x H100)')
        harness.output().contains('lit-h200x-1')
        harness.output().contains('(1x H200)')
        !harness.output().contains('cpu-4')
    }
}
