package dev.lstudio.cli

import dev.lstudio.client.Dirs
import dev.lstudio.testing.LstudioSpec
import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Timeout

@Timeout(120)
class MainSpec extends LstudioSpec {
    def "-e runs the code: println reaches stdout and log lines stderr"() {
        when:
        int exit = lstudio(['-e', 'println "hello"; log "working"'])

        then:
        exit == 0
        stdout == 'hello' + System.lineSeparator()
        stderr.contains('working')
    }

    def "the public execute entry point runs with the given streams and environment"() {
        given:
        def captured = new ByteArrayOutputStream()

        when:
        int exit = Main.execute(['-e', "json(env('GREETING'))"] as String[], new ByteArrayInputStream(new byte[0]),
                new PrintStream(captured, true), new PrintStream(new ByteArrayOutputStream(), true), [GREETING: 'hi', LSTUDIO_HOME: home.toString()])

        then:
        exit == 0
        captured.toString().trim() == '"hi"'
    }

    def "-e passes the words after the code to the script as args"() {
        when:
        lstudio(['-e', 'json(args)', 'one', 'two'])

        then:
        stdout.trim() == '["one","two"]'
    }

    def "run FILE gives the script every word after the file, options included"() {
        given:
        def file = file('echo.groovy', 'json(args)')

        when:
        int exit = lstudio(['run', file, '--json', 'a'])

        then:
        exit == 0
        stdout.trim() == '["--json","a"]'
    }

    def "a .groovy file alone is short for run FILE"() {
        given:
        def file = file('short.groovy', 'json(args)')

        when:
        int exit = lstudio([file, 'x'])

        then:
        exit == 0
        stdout.trim() == '["x"]'
    }

    def "run - reads the script from stdin"() {
        when:
        int exit = lstudio(['run', '-', 'arg'], [:], 'json([from: "stdin", args: args])')

        then:
        exit == 0
        stdout.trim() == '{"from":"stdin","args":["arg"]}'
    }

    def "with no arguments, stdin that is not a terminal is run headless"() {
        when:
        int exit = lstudio([], [:], 'println 6 * 7')

        then:
        exit == 0
        stdout.trim() == '42'
    }

    def "repl with stdin that is not a terminal reads snippets from it, printing each value"() {
        when:
        int exit = lstudio(['repl'], [:], 'def x = 6\nx * 7\n')

        then:
        exit == 0
        stdout.contains('lstudio> ')
        stdout.readLines().any { it.endsWith('42') }
    }

    def "a compile error prints file:line:column and the message, with no stack trace, and exits 2"() {
        given:
        def file = file('broken.groovy', 'def x = 1\nprintln(x\n')

        when:
        int exit = lstudio(['run', file])

        then:
        exit == 2
        stderr.startsWith(file + ':3:1: ')
        !stderr.contains('\tat ')
        !stderr.contains('Exception')
    }

    def "#description exits #expected"() {
        expect:
        lstudio(['-e', code]) == expected

        where:
        description                            | code                                                                          || expected
        'a script that succeeds'               | 'println 1'                                                                   || 0
        'an uncaught exception'                | 'throw new IllegalStateException("boom")'                                     || 1
        'a missing environment variable'       | "env('LSTUDIO_TEST_SURELY_UNSET')"                                            || 1
        'a compile error'                      | 'def x = ('                                                                   || 2
        'an expired timeout'                   | 'timeout(100.milliseconds) { Thread.sleep(600_000) }'                         || 124
        'a timeout inside a parallel item'     | 'parallel([1, 2]) { timeout(100.milliseconds) { Thread.sleep(600_000) } }'   || 124
        'an exception that is credentials'     | coded('CREDENTIALS')                                                          || 3
        'an exception that is an API failure'  | coded('API')                                                                  || 4
    }

    def "usage errors say what is wrong and exit 2: #args"() {
        expect:
        lstudio(args) == 2
        stderr.contains(message)

        where:
        args                               || message
        ['--bogus']                        || "Unknown option: '--bogus'"
        ['run']                            || 'Missing required parameter'
        ['run', '/no/such/script.groovy']  || 'no such script file: /no/such/script.groovy'
        ['nosuchcommand']                  || 'not a command'
    }

    def "a failing script still runs its teardown, then exits 1"() {
        given:
        def marker = home.resolve('marker')

        when:
        int exit = lstudio(['-e', "teardown('write marker') { new File(args[0]).text = 'torn down' }\nthrow new RuntimeException('failed')",
                            marker.toString()])

        then:
        exit == 1
        Files.readString(marker) == 'torn down'
        stderr.indexOf('failed') < stderr.indexOf('teardown: write marker')
    }

    def "a failure prints one line with the script location; --debug adds the stack trace"() {
        given:
        def code = 'def x = 1\nthrow new IllegalStateException("boom")'

        when:
        lstudio(['-e', code])

        then:
        stderr.contains('lstudio: IllegalStateException: boom (at -e:2)')
        !stderr.contains('\tat ')

        when:
        lstudio(['--debug', '-e', code])

        then:
        stderr.contains('\tat ')
    }

    def "--help documents every exit code"() {
        when:
        int exit = lstudio(['--help'])

        then:
        exit == 0
        ExitCode.values().every { code -> stdout.readLines().any { it.trim() ==~ /${code.code()}\s+${java.util.regex.Pattern.quote(code.meaning())}/ } }
    }

    def "--version prints the version"() {
        when:
        int exit = lstudio(['--version'])

        then:
        exit == 0
        stdout.startsWith('lstudio ')
    }

    def "--quiet drops log lines but keeps results and errors"() {
        when:
        int exit = lstudio(['--quiet', '-e', 'log "noise"; println "result"; throw new RuntimeException("kept")'])

        then:
        exit == 1
        stdout.trim() == 'result'
        !stderr.contains('noise')
        stderr.contains('kept')
    }

    def "log lines off a terminal start with a timestamp"() {
        when:
        lstudio(['-e', 'log "cron line"'])

        then:
        stderr.readLines().any { it ==~ /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d) cron line/ }
    }

    def "global options are accepted before and after run, and reach the script's context"() {
        given:
        def file = file('ctx.groovy', 'json([context().teamspace(), context().jsonResults()])')

        expect:
        lstudio(args.collect { it == 'FILE' ? file : it }) == 0
        stdout.trim() == '["lab",true]'

        where:
        args << [['--teamspace', 'lab', '--json', 'run', 'FILE'], ['run', '--teamspace', 'lab', '--json', 'FILE']]
    }

    def "without --teamspace the context takes LIGHTNING_TEAMSPACE"() {
        when:
        lstudio(['-e', 'json(context().teamspace())'], [LIGHTNING_TEAMSPACE: 'from-env'])

        then:
        stdout.trim() == '"from-env"'
    }

    def "a repeated run loads the compiled script from the cache instead of compiling"() {
        given:
        def file = file('cached.groovy', 'json(21 * 2)')

        when:
        lstudio(['--debug', 'run', file])

        then:
        stdout.trim() == '42'
        stderr.contains('debug: compiled and cached')
        Files.list(home.resolve('cache/scripts')).count() == 1

        when:
        lstudio(['--debug', 'run', file])

        then:
        stdout.trim() == '42'
        stderr.contains('debug: compiled-script cache hit')
        !stderr.contains('compiled and cached')
    }

    def "a run of a script whose lock is held exits 5 at once, naming the holder's pid"() {
        given:
        def file = file('locked.groovy', 'println "ran"')
        def lock = hold(file)

        when:
        int exit = lstudio(['run', file])

        then:
        exit == 5
        stdout.empty
        stderr.contains("another run of ${Path.of(file).toRealPath()} is in progress (pid ${ProcessHandle.current().pid()}")

        when: '--no-lock runs it anyway'
        exit = lstudio(['--no-lock', 'run', file])

        then:
        exit == 0
        stdout.trim() == 'ran'

        cleanup:
        lock?.close()
    }

    /** Holds the run lock of {@code file} as a run of it would. */
    private RunLock hold(String file) {
        def source = ScriptSource.file(file, Path.of('/'))
        RunLock.acquire(Dirs.from([LSTUDIO_HOME: home.toString()]).locks(), source.lockKey(), source.lockName())
    }

    def "the lock is the file, not the path typed: the same script through #how is refused while it runs"() {
        given:
        def file = file('nightly.groovy', 'println "ran"')
        def other = home.resolve(name)
        link(other, Path.of(file))
        def lock = hold(file)

        when:
        int exit = lstudio(['run', other.resolve(suffix).toString()])

        then:
        exit == 5
        stdout.empty
        stderr.contains("another run of ${Path.of(file).toRealPath()} is in progress")

        cleanup:
        lock?.close()
        Files.deleteIfExists(other) // the temporary folder's clean-up would follow a link to a folder

        where:
        how                  | name          | suffix           | link
        'a symlinked folder' | 'jobs-link'   | 'nightly.groovy' | { Path at, Path target -> Files.createSymbolicLink(at, target.parent) }
        'a symlink'          | 'n.groovy'    | ''               | { Path at, Path target -> Files.createSymbolicLink(at, target) }
        'a hard link'        | 'hard.groovy' | ''               | { Path at, Path target -> Files.createLink(at, target) }
    }

    def "the lock is released when the run ends"() {
        given:
        def file = file('twice.groovy', 'println "ran"')

        expect:
        lstudio(['run', file]) == 0
        lstudio(['run', file]) == 0
    }

    private static String coded(String exitCode) {
        """class Coded extends RuntimeException implements dev.lstudio.cli.ExitCoded {
               Coded() { super('coded failure') }
               dev.lstudio.cli.ExitCode exitCode() { dev.lstudio.cli.ExitCode.${exitCode} }
           }
           throw new Coded()"""
    }
}
