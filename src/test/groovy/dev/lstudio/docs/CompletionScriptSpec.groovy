package dev.lstudio.docs

import dev.lstudio.cli.Main
import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Timeout

/**
 * scripts/completion/: the bash script is sourced in a real bash and asked for completions as
 * bash would ask; both scripts are checked against what {@code lstudio --help} says exists, so
 * a new option or subcommand cannot be left out of completion.
 */
@Timeout(120)
class CompletionScriptSpec extends Specification {
    static final Path BASH = Path.of('scripts', 'completion', 'lstudio.bash').toAbsolutePath()
    static final Path ZSH = Path.of('scripts', 'completion', '_lstudio').toAbsolutePath()

    @Shared
    @TempDir
    Path cwd

    def setupSpec() {
        Files.createDirectories(cwd.resolve('jobs'))
        ['nightly.groovy', 'notes.txt', 'jobs/smoke.groovy'].each { Files.writeString(cwd.resolve(it), '') }
    }

    def "sourcing the bash script registers completion for lstudio"() {
        expect:
        bash("source '$BASH'; complete -p lstudio").trim() == 'complete -F _lstudio lstudio'
    }

    def "bash completes '#line' with #expected"() {
        expect:
        complete(line) == expected.sort()

        where:
        line                               || expected
        'lstudio '                         || ['run', 'repl', 'cleanup', 'emulator', 'studios', 'status', 'start', 'stop',
                                               'restart', 'switch', 'exec', 'create', 'delete', 'machines',
                                               'teamspaces', 'cp', 'ls', 'rm', 'jobs', 'nightly.groovy']
        'lstudio r'                        || ['run', 'repl', 'restart', 'rm']
        'lstudio run '                     || ['jobs', 'nightly.groovy']
        'lstudio run jobs/'                || ['jobs/smoke.groovy']
        'lstudio run --js'                 || ['--json']
        'lstudio --teamspace demo ru'      || ['run']
        'lstudio --json run n'             || ['nightly.groovy']
        'lstudio run nightly.groovy '      || []
        'lstudio -e x '                    || []
        'lstudio emulator --sta'           || ['--state-dir', '--start-delay']
        'lstudio emulator --state-dir '    || ['jobs']
        'lstudio emulator --stop-delay 0'  || ['0s']
        'lstudio cleanup --d'              || ['--dry-run', '--debug']
        'lstudio cleanup --dr'             || ['--dry-run']
        'lstudio sta'                      || ['start', 'status']
        'lstudio studios --r'              || ['--running']
        'lstudio start --machine lit-h100-' || ['lit-h100-1', 'lit-h100-2', 'lit-h100-4', 'lit-h100-8']
        'lstudio start a -m cpu-1'         || ['cpu-16']
        'lstudio exec a --start cpu-8 -- ' || []
        'lstudio create '                  || []
        'lstudio cp --p'                   || ['--parallel']
        'lstudio cp --parallel '           || []
        'lstudio rm -'                     || ['-r', '--recursive', '-y', '--yes', '-h', '--help', '-V', '--version', '-q',
                                               '--quiet', '--teamspace', '--json', '--debug', '--emulator', '--lock', '--no-lock']
        'lstudio cp notes'                 || ['notes.txt']
    }

    def "bash completes studio and teamspace names from the lists lstudio wrote, with no lstudio run on TAB"() {
        given: 'lstudio studios and lstudio teamspaces have run (their lists are fresh), and no lstudio is on PATH'
        def folder = cwd.resolve('home/cache/completion')
        Files.createDirectories(folder)
        Files.writeString(folder.resolve('studios'), 'my-studio\nmy-other\nworker-1\n')
        Files.writeString(folder.resolve('teamspaces'), 'demo\nresearch\n')

        expect:
        complete('lstudio stop my-', env) == ['my-other', 'my-studio']
        complete('lstudio exec w', env) == ['worker-1']
        complete('lstudio status my-studio w', env) == ['worker-1']
        complete('lstudio --teamspace re', env) == ['research']
        complete('lstudio studios --teamspace ', env) == ['demo', 'research']
        complete('lstudio ls my-', env) == ['my-other:', 'my-studio:']
        complete('lstudio cp notes.txt w', env) == ['worker-1:']
        complete('lstudio rm my-studio:tm', env) == []
    }

    def "a stale list is still offered, and refreshed in the background by lstudio studios"() {
        given: 'a list older than the TTL, and an lstudio on PATH that records how it was called'
        def folder = cwd.resolve('stale/cache/completion')
        Files.createDirectories(folder)
        Files.writeString(folder.resolve('studios'), 'old-name\n')
        folder.resolve('studios').toFile().setLastModified(System.currentTimeMillis() - 3600_000)
        def bin = cwd.resolve('bin')
        Files.createDirectories(bin)
        def called = cwd.resolve('called.txt')
        Files.writeString(bin.resolve('lstudio'), "#!/bin/sh\necho \"\$@\" >> '$called'\n")
        bin.resolve('lstudio').toFile().setExecutable(true)
        def staleEnv = [LSTUDIO_HOME: cwd.resolve('stale').toString(), PATH: "$bin:${System.getenv('PATH')}".toString()]

        expect:
        complete('lstudio stop o', staleEnv) == ['old-name']
        waitFor { Files.exists(called) && Files.readString(called).trim() == 'studios' }
    }

    def "the machine slugs bash completes are those lstudio machines lists"() {
        expect:
        bash("source '$BASH'; echo \$_lstudio_machines").split(/\s+/).findAll() == help(['machines'])*.split('\t')*.getAt(0)
    }

    Map<String, String> getEnv() {
        [LSTUDIO_HOME: cwd.resolve('home').toString(), PATH: '/usr/bin:/bin']
    }

    static boolean waitFor(Closure<Boolean> condition) {
        long deadline = System.currentTimeMillis() + 10_000
        while (!condition()) {
            assert System.currentTimeMillis() < deadline: 'the background refresh did not run'
            sleep(50)
        }
        true
    }

    def "bash offers every option of lstudio #command--help after '#command-'"() {
        expect:
        complete("lstudio $command-").containsAll(options(command))

        where:
        command << [''] + subcommands().collect { "$it " }
    }

    def "bash and zsh offer every subcommand"() {
        expect:
        complete('lstudio ').containsAll(subcommands())
        subcommands().every { Files.readString(ZSH).contains("$it\\:") }
    }

    def "the zsh script names every option of lstudio #command--help"() {
        given:
        String zsh = Files.readString(ZSH)

        expect:
        options(command).findAll { !zsh.contains(it) } == []

        where:
        command << [''] + subcommands().collect { "$it " }
    }

    /** The candidates bash computes for {@code line}, the cursor at its end, sorted as bash lists them. */
    List<String> complete(String line, Map<String, String> env = [LSTUDIO_HOME: cwd.resolve('none').toString()]) {
        List<String> words = line.split(' ', -1) as List
        String script = """\
            source '$BASH'
            COMP_WORDS=(${words.collect { "'$it'" }.join(' ')})
            COMP_CWORD=${words.size() - 1}
            COMP_LINE='$line'; COMP_POINT=${line.length()}
            _lstudio
            printf '%s\\n' "\${COMPREPLY[@]}"
            """.stripIndent()
        bash(script, env).readLines().findAll().sort()
    }

    String bash(String script, Map<String, String> env = [:]) {
        def builder = new ProcessBuilder('bash', '-c', script).directory(cwd.toFile()).redirectErrorStream(true)
        builder.environment().putAll(env)
        def process = builder.start()
        String output = process.inputStream.getText('UTF-8')
        assert process.waitFor() == 0: output
        output
    }

    /** Every option {@code lstudio [SUB] --help} lists, with --[no-]x as --x and --no-x. */
    static List<String> options(String command) {
        List<String> options = []
        for (String line : help(command.split(' ').findAll() + ['--help'])) {
            if (line ==~ /^\s+-.*/) {
                String names = line.strip().split(/\s{2,}/)[0]
                names.split(', ').each { String name ->
                    name = name.replaceAll(/=.*/, '')
                    options.addAll(name.startsWith('--[no-]') ? ['--' + name.substring(7), '--no-' + name.substring(7)] : [name])
                }
            }
        }
        assert options.contains('--help')
        options
    }

    static List<String> subcommands() {
        List<String> lines = help(['--help'])
        int start = lines.indexOf('Commands:')
        assert start >= 0
        // A command's line starts two spaces in; its description may go on, indented further.
        lines.drop(start + 1).takeWhile { !it.isBlank() }.findAll { it ==~ /^  \S.*/ }.collect { it.strip().split(/\s+/)[0] }
    }

    static List<String> help(List<String> args) {
        def out = new ByteArrayOutputStream()
        int exit = Main.execute(args as String[], new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, 'UTF-8'),
                new PrintStream(new ByteArrayOutputStream()), [:])
        assert exit == 0
        out.toString('UTF-8').readLines()
    }
}
