package dev.lstudio.corpus

import dev.lstudio.emulator.Emulator
import dev.lstudio.testing.EmulatorFixture
import dev.lstudio.testing.Lstudio
import dev.lstudio.testing.LstudioSpec
import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Timeout

/**
 * Issue 13, case 11: the key is redacted from everything lstudio prints or writes, whatever the
 * source of the text (a command line, a command's output or error, an exception, a value in the
 * REPL), in every mode. Each feature puts the key where the user would meet it through the real
 * CLI, and checks that neither stdout nor stderr (nor a file under LSTUDIO_HOME) holds it, nor
 * the base64 of user:key that the Authorization header carries, and that {@code ****} stands in.
 */
@Timeout(120)
class KeyRedactionSpec extends LstudioSpec {
    static final String USER = 'u-red-13'
    static final String KEY = 'lsk-R3dact11-quite-distinctive-0f9a'
    static final String HEADER = "$USER:$KEY".bytes.encodeBase64().toString()

    @Shared
    @AutoCleanup
    EmulatorFixture emulator = EmulatorFixture.start(userId: USER, apiKey: KEY)

    Map<String, String> getCredentials() {
        emulator.env
    }

    int run(List<String> args, String stdin = '') {
        lstudio(args, credentials, stdin)
    }

    /** Neither the key nor its header form in anything printed, nor in any file lstudio wrote. */
    void noKeyAnywhere() {
        String printed = stdout + '\n' + stderr
        assert !printed.contains(KEY)
        assert !printed.contains(HEADER)
        assert !printed.contains(KEY.substring(0, 12)): 'part of the key leaked:\n' + printed
        List<Path> files = Files.walk(home).withCloseable { it.filter { Files.isRegularFile(it) && !it.toString().endsWith('.groovy') }.toList() }
        assert files.findAll { new String(Files.readAllBytes(it), StandardCharsets.ISO_8859_1).contains(KEY) } == []
    }

    def "a command that holds the key: the log line shows it masked, and its echo on stdout too"() {
        expect:
        run(['-e', "studio('s1', create: true) { start 'cpu-4'; exec \"echo token=\${env('LIGHTNING_API_KEY')}\"; stop() }"]) == 0
        stderr.readLines().any { it ==~ /.*s1: exec echo token=\*\*\*\*.*/ }
        stdout == 'token=****\n'
        noKeyAnywhere()
    }

    def "a command that fails and holds the key: the failure line masks it"() {
        expect: 'the failed command is a timestamped line of the log'
        run(['-e', "studio('s1', create: true) { start 'cpu-4'; exec 'exit 3 # $KEY' }"]) == 1
        stderr.readLines().any { it ==~ Lstudio.LOG_LINE && it.contains("s1: exec 'exit 3 # ****' failed with exit 3") }
        noKeyAnywhere()
    }

    def "a long command and long output that hold the key are shortened between words, never inside the key"() {
        given: 'the 60-character cut of the command, and the 160-character cut of a line, fall inside the key'
        String a = 'a' * 40
        String b = 'b' * 150

        expect:
        run(['-e', "studio('s1', create: true) { start 'cpu-4'; exec 'echo $a $KEY; echo $b $KEY; exit 3' }"]) == 1
        def line = stderr.readLines().find { it.contains('failed with exit 3') }
        line.contains("s1: exec 'echo $a ...' failed with exit 3; last lines: $a **** | $b ...")
        noKeyAnywhere()
        !(0..KEY.length() - 6).any { stderr.contains(KEY.substring(it, it + 6)) } // not even a piece of it
    }

    def "the same with --quiet: the failure line still shows, masked"() {
        expect:
        run(['--quiet', '-e', "studio('s1', create: true) { start 'cpu-4'; exec 'echo $KEY; exit 3' }"]) == 1
        stdout == '****\n'
        stderr.contains('****')
        noKeyAnywhere()
    }

    def "--json: a result that holds the key and the exec record (its command and output) mask it"() {
        expect:
        run(['--json', '-e', "json([token: '$KEY', header: '$HEADER']); studio('s1', create: true) { start 'cpu-4'; exec 'echo $KEY' }"]) == 0
        stdout.readLines()[0] == '{"token":"****","header":"****"}'
        stdout.readLines().any { it.contains('"command":"echo ****"') }
        stdout.readLines().any { it.contains('"output":"****\\n"') }
        noKeyAnywhere()
    }

    def "a script exception whose message holds the key: the error line masks it"() {
        expect:
        run(['-e', "throw new IllegalStateException('refused with ' + env('LIGHTNING_API_KEY'))"]) == 1
        errorLines[0] == 'lstudio: IllegalStateException: refused with **** (at -e:1)'
        noKeyAnywhere()
    }

    def "the same with --debug: the stack trace masks it too"() {
        expect:
        run(['--debug', '-e', "throw new IllegalStateException('refused with ' + env('LIGHTNING_API_KEY'))"]) == 1
        stderr.contains('\tat ')
        stderr.contains('refused with ****')
        noKeyAnywhere()
    }

    def "the REPL: a value that holds the key echoes masked, and so does an error line"() {
        expect:
        run(['repl'], "k = env('LIGHTNING_API_KEY')\n'token ' + k\nthrow new RuntimeException('no ' + k)\nprintln k\n") == 0
        stdout.contains('token ****')
        stdout.contains('error: RuntimeException: no ****')
        stdout.count('****') == 4
        noKeyAnywhere()
    }

    def "exec output that holds the key, split across two pieces of output: masked, byte for byte otherwise"() {
        given: 'the shell prints the first 17 characters of the key, waits, then the rest'
        String script = file('split.groovy', '''studio('s1', create: true) {
            start 'cpu-4'
            exec 'k=KEY; printf "é ✓ t=%.17s" "$k"; sleep 1; printf "%s ok" "${k#?????????????????}"'
        }'''.replace('KEY', KEY))

        expect:
        run(['run', script]) == 0
        stdout == 'é ✓ t=**** ok'
        noKeyAnywhere()
    }

    def "--emulator: the embedded emulator's own key is masked too"() {
        given: 'a state folder where the emulator saved its key (the environment has none)'
        String own = 'lsk-Emu1ated-own-distinctive-5c3e'
        Path state = home.resolve('emulator-state')
        Emulator.builder().port(0).stateDir(state).userId('u-emu').apiKey(own).build().start().close()

        expect:
        lstudio(['--emulator', '-e', "println 'token=$own'; throw new IllegalStateException('no ' + '$own')"],
                [LSTUDIO_EMULATOR_STATE: state.toString()]) == 1
        stdout == 'token=****\n'
        errorLines[0] == 'lstudio: IllegalStateException: no **** (at -e:1)'
        !(stdout + stderr).contains(own)
    }
}
