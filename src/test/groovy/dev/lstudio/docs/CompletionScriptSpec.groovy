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
        'lstudio '                         || ['run', 'repl', 'cleanup', 'emulator', 'jobs', 'nightly.groovy']
        'lstudio r'                        || ['run', 'repl']
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
    List<String> complete(String line) {
        List<String> words = line.split(' ', -1) as List
        String script = """\
            source '$BASH'
            COMP_WORDS=(${words.collect { "'$it'" }.join(' ')})
            COMP_CWORD=${words.size() - 1}
            COMP_LINE='$line'; COMP_POINT=${line.length()}
            _lstudio
            printf '%s\\n' "\${COMPREPLY[@]}"
            """.stripIndent()
        bash(script).readLines().findAll().sort()
    }

    String bash(String script) {
        def process = new ProcessBuilder('bash', '-c', script).directory(cwd.toFile()).redirectErrorStream(true).start()
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
