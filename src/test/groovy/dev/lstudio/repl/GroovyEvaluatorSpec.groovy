package dev.lstudio.repl

import org.codehaus.groovy.control.CompilerConfiguration
import org.codehaus.groovy.control.MultipleCompilationErrorsException
import org.codehaus.groovy.control.customizers.ImportCustomizer
import spock.lang.Specification

class GroovyEvaluatorSpec extends Specification {
    def evaluator = GroovyEvaluator.create()

    def "a snippet's value is returned"() {
        expect:
        evaluator.evaluate('[1, 2, 3].sum()') == 6
    }

    def "variables persist between snippets, declared with def, with a type or without"() {
        when:
        evaluator.evaluate('x = 2')
        evaluator.evaluate('def y = 3')
        evaluator.evaluate('int z = 4')
        evaluator.evaluate('def (a, b) = [5, 6]')

        then:
        evaluator.evaluate('x + y + z + a + b') == 20
        evaluator.names().containsAll(['x', 'y', 'z', 'a', 'b'])
    }

    def "a typed declaration keeps its conversion"() {
        when:
        evaluator.evaluate('long big = 7')
        evaluator.evaluate('String s = 42')

        then:
        evaluator.evaluate('big') instanceof Long
        evaluator.evaluate('s') == '42'
    }

    def "a closure defined in one snippet sees variables of the next"() {
        when:
        evaluator.evaluate('def twice = { n -> n * factor }')
        evaluator.evaluate('factor = 2')

        then:
        evaluator.evaluate('twice(21)') == 42
    }

    def "a closure the caller put in the binding is a name the DSL's check of a line knows"() {
        given:
        def binding = new Binding()
        binding.setVariable('start', { String machine -> "started on $machine" })
        def dsl = GroovyEvaluator.forDsl(binding)

        expect:
        dsl.evaluate("start 'cpu-4'") == 'started on cpu-4'
    }

    def "a line that calls what nothing defines is refused before it runs, naming the nearest verb"() {
        when:
        evaluator.evaluate("ran = true; studio('s') { exce 'ls' }")

        then:
        MultipleCompilationErrorsException e = thrown()
        e.message.contains("unknown verb 'exce' (did you mean 'exec'?)")
        !evaluator.names().contains('ran')
    }

    def "methods defined in one snippet can be called from later ones, and call each other"() {
        when:
        evaluator.evaluate('def square(n) { n * n }')
        evaluator.evaluate('def sumOfSquares(a, b) { square(a) + square(b) }')

        then:
        evaluator.evaluate('sumOfSquares(3, 4)') == 25
    }

    def "classes defined in one snippet can be used in later ones"() {
        when:
        evaluator.evaluate('class Box { String name; String toString() { "box " + name } }')

        then:
        evaluator.evaluate("new Box(name: 'gpu').toString()") == 'box gpu'
    }

    def "imports persist between snippets"() {
        when:
        evaluator.evaluate('import java.util.concurrent.TimeUnit')
        evaluator.evaluate('import static java.lang.Math.max')
        evaluator.evaluate('import java.time.*')

        then:
        evaluator.evaluate('TimeUnit.MINUTES.toSeconds(2)') == 120
        evaluator.evaluate('max(3, 9)') == 9
        evaluator.evaluate('Duration.ofMinutes(1).seconds') == 60
    }

    def "an import in a snippet that does not compile is not kept"() {
        when:
        evaluator.evaluate('import java.util.concurrent.TimeUnit\n x = ')

        then:
        thrown(MultipleCompilationErrorsException)

        when:
        evaluator.evaluate('TimeUnit')

        then:
        thrown(MissingPropertyException)
    }

    def "the caller's configuration and binding are used, and not changed"() {
        given:
        def config = new CompilerConfiguration()
        config.addCompilationCustomizers(new ImportCustomizer().addImports('java.util.concurrent.TimeUnit'))
        def binding = new Binding(greeting: 'hello')
        def custom = GroovyEvaluator.create(config, binding)

        when:
        custom.evaluate('def seen = greeting + " " + TimeUnit.SECONDS.name()')

        then:
        binding.getVariable('seen') == 'hello SECONDS'
        config.compilationCustomizers.size() == 1
    }

    def "an endless loop stops when its thread is interrupted"() {
        given:
        Throwable stopped = null
        def worker = Thread.start {
            try {
                evaluator.evaluate('while (true) { }')
            } catch (Throwable t) {
                stopped = t
            }
        }

        when:
        Thread.sleep(200)
        worker.interrupt()
        worker.join(20_000)

        then:
        !worker.alive
        stopped instanceof InterruptedException
    }
}
