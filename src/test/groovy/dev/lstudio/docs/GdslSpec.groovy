package dev.lstudio.docs

import dev.lstudio.dsl.DurationExtensions
import dev.lstudio.dsl.LstudioScript
import java.lang.reflect.Modifier
import spock.lang.Shared
import spock.lang.Specification

/**
 * The IntelliJ descriptor (dev/lstudio/dsl/lstudio.gdsl, in the jar) is evaluated here the way
 * IDEA evaluates it, with a recording stand-in for IDEA's GDSL API: the classes it hands to the
 * editor must be the DSL's real ones, and the duration properties those of the extension module.
 */
class GdslSpec extends Specification {
    @Shared
    Map recorded = evaluate()

    def "the descriptor ships on the classpath, where IntelliJ looks for it"() {
        expect:
        LstudioScript.getResource('lstudio.gdsl') != null
    }

    def "scripts get the verbs of the script base class"() {
        expect:
        recorded.delegates[0] == LstudioScript.name
    }

    def "studio blocks get the verbs of the class studio('x') returns"() {
        given:
        def studio = LstudioScript.methods.find { it.name == 'studio' && it.parameterTypes == [String] as Class[] }

        expect:
        studio != null
        recorded.delegates[1] == studio.returnType.name
    }

    def "every class the descriptor names exists"() {
        expect:
        recorded.classes.every { Class.forName(it) }
    }

    def "numbers get exactly the duration properties of the extension module"() {
        given:
        def getters = DurationExtensions.declaredMethods.findAll {
            Modifier.isPublic(it.modifiers) && it.name.startsWith('get') && it.parameterTypes == [Number] as Class[]
        }.collect { it.name.substring(3).uncapitalize() }

        expect:
        recorded.durations.sort() == getters.sort()
    }

    /** Runs the descriptor's script, then each contributor as IDEA would, recording what they contribute. */
    static Map evaluate() {
        def recorded = [delegates: [], durations: [], classes: []]
        List<Closure> contributors = []
        def binding = new Binding([
                contributor : { context, Closure body -> contributors << body },
                context     : { Map spec -> spec },
                scriptScope : { Map spec = [:] -> 'script' },
                closureScope: { Map spec = [:] -> 'closure' }])
        String text = LstudioScript.getResource('lstudio.gdsl').getText('UTF-8')
        new GroovyShell(binding).evaluate(text, 'lstudio.gdsl')
        def ide = new Expando(
                findClass: { String name -> recorded.classes << name; name },
                delegatesTo: { recorded.delegates << it },
                enclosingCall: { String name -> true },
                property: { Map spec -> recorded.durations << spec.name })
        contributors.each { body ->
            body.delegate = ide
            body.resolveStrategy = Closure.DELEGATE_FIRST
            body.call()
        }
        recorded
    }
}
