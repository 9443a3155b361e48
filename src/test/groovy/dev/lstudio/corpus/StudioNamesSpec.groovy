package dev.lstudio.corpus

import dev.lstudio.testing.EmulatorLstudioSpec
import spock.lang.Timeout

/**
 * Issue 8, bad input: "studio names that are not URL-safe". A name no Studio can have is refused
 * before any call, with a name that would do; one the server refuses for its own rules (here: too
 * long) is its one line. Both exit 1 (fix the script), and no studio is created.
 */
@Timeout(120)
class StudioNamesSpec extends EmulatorLstudioSpec {
    int run(String code) {
        lstudio(['-e', code], emulator.env)
    }

    def "#name.inspect() in #verb is refused before any call, suggesting '#suggestion'"() {
        when:
        int exit = run(code.replace('NAME', name.inspect()))

        then:
        exit == 1
        theError.startsWith("lstudio: studio '$name': not a valid name; names are lowercase letters, digits and hyphens")
        theError.contains("use '$suggestion'")
        theError.contains("displayName: '$name'")
        emulator.studios().isEmpty()
        !emulator.requests().requests.keySet().any { it.contains('/cloudspaces') }

        where:
        verb                     | code                                                 | name         || suggestion
        'studio(create: true)'   | "studio(NAME, create: true) { start 'cpu-4' }"       | 'My Studio'  || 'my-studio'
        'studio(create: true)'   | "studio(NAME, create: true) { start 'cpu-4' }"       | 'a/b'        || 'a-b'
        'studio(create: true)'   | "studio(NAME, create: true) { start 'cpu-4' }"       | 'ü'          || 'u'
        'studio(create: true)'   | "studio(NAME, create: true) { start 'cpu-4' }"       | 'Über Nacht!' || 'uber-nacht'
        'studio()'               | "studio(NAME) { start 'cpu-4' }"                     | 'My Studio'  || 'my-studio'
        'create()'               | "create(NAME)"                                       | '/etc/passwd' || 'etc-passwd'
    }

    def "an empty name says to give one"() {
        when:
        int exit = run("studio('', create: true) { start 'cpu-4' }")

        then:
        exit == 1
        theError.startsWith("lstudio: studio: give the studio's name, e.g. studio('my-studio')")
        emulator.studios().isEmpty()
    }

    def "a name the server refuses (too long) is the server's one line, exit 1, nothing created"() {
        when:
        int exit = run("studio('x' * 300, create: true) { start 'cpu-4' }")

        then:
        exit == 1
        theError.startsWith("lstudio: studio 'xxxxxxxxxx")
        !theError.contains('/v1/projects/')
        theError.contains('creating the Studio failed (HTTP 400): name ')
        theError.contains('1 to 64 characters')
        theError.contains('check names, machine and options')
        emulator.studios().isEmpty()
    }
}
