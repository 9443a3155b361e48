package dev.lstudio.dsl

import java.lang.reflect.Method
import java.lang.reflect.Modifier
import spock.lang.Shared
import spock.lang.Specification

/**
 * The docs cannot silently miss a verb: every public method a script can call (on the script
 * base class, and on the studio handle that {@code studio('x') { ... }} delegates to) has a
 * section in dsl-docs/reference.md, hence {@code :help VERB}; and every verb section there
 * names a method that exists, in the place its "Where" part says.
 */
class ReferenceCoverageSpec extends Specification {
    /** Public methods that are plumbing rather than language, each with the reason. */
    static final Map<String, String> NOT_VERBS = [
            context    : 'the run context, for the REPL and Java callers',
            metaClass  : 'Groovy object plumbing',
            invokeMethod: 'Groovy object plumbing',
            property   : 'Groovy object plumbing',
            toString   : 'printing a handle, not a verb',
            describe   : 'what json(studio) writes, not called by scripts',
            equals     : 'Object',
            hashCode   : 'Object',
    ]
    /** Groups of reference.md whose sections are verbs (the others are options and values). */
    static final List<String> VERB_GROUPS = ['Choosing what to work on', 'Studio verbs', 'Files', 'Script helpers']

    @Shared
    DslReference reference = DslReference.load()

    def "the reference itself is well formed"() {
        expect:
        reference.problems() == []
    }

    def "the reference has a section for the script verb #verb"() {
        expect:
        reference.entry(verb).isPresent()

        where:
        verb << verbs(LstudioScript).sort()
    }

    def "the reference has a section for the studio verb #verb"() {
        expect:
        reference.entry(verb).isPresent()

        where:
        verb << verbs(handle()).sort()
    }

    def "the section #entry.name() names a verb that exists where it says (#place)"() {
        given:
        boolean onScript = entry.name() in verbs(LstudioScript)
        boolean onStudio = entry.name() in verbs(handle())

        expect:
        place == "script" ? onScript : place == "studio" ? onStudio : onScript && onStudio

        where:
        entry << DslReference.load().entries().findAll { it.group() in VERB_GROUPS }
        place = entry.part('Where').orElse('?').strip()
    }

    def "Where says script, studio or both"() {
        expect:
        reference.entries().collect { it.part('Where').orElse('') }.every { it in ['script', 'studio', 'both'] }
    }

    /** The class {@code studio('x')} returns: the delegate of studio blocks. */
    static Class handle() {
        Method studio = LstudioScript.methods.find { it.name == 'studio' && it.parameterTypes == [String] as Class[] }
        assert studio != null: 'LstudioScript has no studio(String) verb yet (the verbs branch adds it)'
        studio.returnType
    }

    /** Public instance methods declared by {@code type}, as a script names them (getX and isX as x). */
    static Set<String> verbs(Class type) {
        type.declaredMethods.findAll { Modifier.isPublic(it.modifiers) && !Modifier.isStatic(it.modifiers) && !it.synthetic }
                .collect { name(it) }.toSet() - NOT_VERBS.keySet()
    }

    private static String name(Method m) {
        def property = m.name =~ /^(get|is|set)([A-Z].*)$/
        boolean accessor = property.matches() && (m.name.startsWith('set') ? m.parameterCount == 1 : m.parameterCount == 0)
        accessor ? property.group(2).uncapitalize() : m.name
    }
}
