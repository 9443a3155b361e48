package dev.lstudio.dsl

import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

class ScriptCompilerSpec extends Specification {
    @TempDir
    Path dir
    ScriptCompiler compiler = ScriptCompiler.create()

    def "the configuration makes LstudioScript the base class and imports the DSL"() {
        when:
        def config = ScriptCompiler.configuration()

        then:
        config.scriptBaseClass == LstudioScript.name
        !config.is(ScriptCompiler.configuration())
    }

    def "a compiled script's endless loop ends when its thread is interrupted"() {
        given:
        def script = compiler.compile('Spin', 'long n = 0; while (true) { n++ }').newInstance(DslContext.builder().build())
        Throwable stopped = null
        def worker = Thread.start {
            try {
                script.run()
            } catch (Throwable e) {
                stopped = e
            }
        }

        when:
        sleep 200
        worker.interrupt()
        worker.join(5000)

        then:
        !worker.alive
        stopped instanceof InterruptedException
    }

    def "a syntax error is reported with its line and column"() {
        when:
        compiler.compile('Broken', 'def x = 1\nprintln(x\n')

        then:
        ScriptCompileException e = thrown()
        e.problems().size() == 1
        with(e.problems()[0]) {
            line == 3
            column == 1
            !message.empty
        }
    }

    def "an unknown class is reported where it is used"() {
        when:
        compiler.compile('Unknown', 'x = 1\nnew NoSuchThing()\n')

        then:
        ScriptCompileException e = thrown()
        e.problems()[0].line == 2
        e.problems()[0].column == 1
        e.problems()[0].message.contains('NoSuchThing')
    }

    def "the second load of the same script comes from the cache and does not compile"() {
        given:
        def cache = ScriptCache.at(dir, 'test')

        when:
        def first = cache.load('Nightly', 'json(1 + 1)', { compiler })
        def second = cache.load('Nightly', 'json(1 + 1)', { throw new AssertionError('compiler needed on a hit') })

        then:
        !first.hit()
        second.hit()
        first.file() == second.file()
        Files.isRegularFile(second.file())
        compiler.compilations() == 1
        runs(second.script()) == '2'
    }

    def "a changed script, another name or another lstudio version misses the cache"() {
        given:
        ScriptCache.at(dir, '1.0').load('Nightly', 'json(1)', { compiler })

        when:
        def changed = ScriptCache.at(dir, '1.0').load('Nightly', 'json(2)', { compiler })
        def renamed = ScriptCache.at(dir, '1.0').load('Hourly', 'json(1)', { compiler })
        def upgraded = ScriptCache.at(dir, '1.1').load('Nightly', 'json(1)', { compiler })

        then:
        [changed, renamed, upgraded].every { !it.hit() }
        compiler.compilations() == 4
    }

    def "a damaged cache entry is compiled again and rewritten"() {
        given:
        def cache = ScriptCache.at(dir, 'test')
        def file = cache.load('Nightly', 'json(3)', { compiler }).file()
        Files.write(file, 'garbage'.bytes)

        when:
        def again = cache.load('Nightly', 'json(3)', { compiler })

        then:
        !again.hit()
        compiler.compilations() == 2
        cache.load('Nightly', 'json(3)', { compiler }).hit()
        runs(again.script()) == '3'
    }

    def "closures and classes declared in a cached script load from the cached bytes"() {
        given:
        def cache = ScriptCache.at(dir, 'test')
        def code = 'class Pair { String a; String b }\ndef p = new Pair(a: "x", b: "y")\njson([p.a, p.b].collect { it.toUpperCase() })'
        cache.load('WithClass', code, { compiler })

        expect:
        runs(cache.load('WithClass', code, { compiler }).script()) == '["X","Y"]'
    }

    private static String runs(CompiledScript script) {
        def harness = new ScriptHarness()
        script.newInstance(harness.context()).run()
        harness.out().trim()
    }
}
