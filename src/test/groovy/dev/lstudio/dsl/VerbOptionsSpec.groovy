package dev.lstudio.dsl

import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

/** What the studio verbs say about their arguments before they call the API (no client is needed). */
class VerbOptionsSpec extends Specification {
    ScriptHarness harness = new ScriptHarness()

    @TempDir
    Path dir

    // The options are a map built when the script runs, so the code's own check speaks, not the
    // compile-time one (CallCheckSpec), which refuses literal misspellings before the run.
    def "a misspelt option of #verb, in a map built at run time, is a one-line error listing the valid ones"() {
        when:
        harness.run(code)

        then:
        DslException e = thrown()
        e.message == message
        !e.message.contains('\n')

        where:
        verb      | code                                   || message
        'studio'  | "def o = [craete: true]; studio(o, 'x') { }" || "studio: unknown option 'craete'; known options: create, files, displayName, cluster"
        'create'  | "def o = [machnie: 'cpu-4']; create(o, 'x')" || "create: unknown option 'machnie'; known options: machine, files, displayName, cluster"
        'studios' | "def o = [runing: true]; studios(o)"  || "studios: unknown option 'runing'; known options: running, favorite, teamspace"
        'budget'  | "def o = [maxHour: 2]; budget(o)"     || "budget: unknown option 'maxHour'; known options: maxHours"
    }

    def "options of the wrong type, in a map built at run time, say what they should be"() {
        when:
        harness.run("def o = [create: 'yes']; studio(o, 'x') { }")

        then:
        DslException e = thrown()
        e.message == 'studio: create must be true or false, got yes'
    }

    def "files without create: true is explained"() {
        when:
        harness.run("studio('x', files: ['a.py']) { }")

        then:
        DslException e = thrown()
        e.message.contains('add create: true')
    }

    def "a studio needs a name"() {
        when:
        harness.run("studio('  ') { }")

        then:
        DslException e = thrown()
        e.message == "studio: give the studio's name, e.g. studio('my-studio')"
    }

    def "a budget must be positive"() {
        when:
        harness.run('budget(maxHours: 0)')

        then:
        DslException e = thrown()
        e.message.startsWith('budget: give the most machine time')
    }

    def "without a client, the first verb that needs the API says how to give one"() {
        when:
        harness.run("studio('x')")

        then:
        DslException e = thrown()
        e.message.contains('no Lightning client')
    }

    def "files are read from this machine: a list keeps relative paths, a map gives path and contents"() {
        given:
        Files.createDirectories(dir.resolve('src'))
        Files.writeString(dir.resolve('src/train.py'), 'print("train")')
        def absolute = dir.resolve('src/train.py').toString()

        when:
        def fromList = SeedFiles.spec('create', 'x', [files: [absolute]])
        def fromMap = SeedFiles.spec('create', 'x', [files: ['main.py': "print('hi')", 'copy.py': dir.resolve('src/train.py').toFile()],
                                                      displayName: 'X'])

        then:
        fromList.seedFiles() == ['train.py': 'print("train")']
        fromMap.seedFiles() == ['main.py': "print('hi')", 'copy.py': 'print("train")']
        fromMap.displayName() == 'X'
    }

    def "a missing local file is named"() {
        when:
        SeedFiles.spec('create', 'x', [files: [dir.resolve('nope.py').toString()]])

        then:
        DslException e = thrown()
        e.message.startsWith("create: cannot read file '")
        e.message.contains('nope.py')
    }
}
