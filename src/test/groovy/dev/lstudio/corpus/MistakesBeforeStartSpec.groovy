package dev.lstudio.corpus

import dev.lstudio.testing.EmulatorLstudioSpec

/**
 * Issue 14, items 1 and 6: a mistyped verb, an option a verb lacks and a number where a
 * duration is needed are found when the script compiles, so nothing is started (on the real
 * cloud each such typo was a paid start); compile errors say file:line:column with the line and
 * a caret, never the whole file.
 */
class MistakesBeforeStartSpec extends EmulatorLstudioSpec {

    def "a mistyped verb after a start exits 2 naming the verb and the one it meant, and nothing is asked of the API"() {
        given:
        def script = file('nightly.groovy', "studio('my-studio', create: true) { start 'lit-h100-1'; exce 'python train.py' }\n")

        when:
        int exit = lstudio(['run', script], emulator.env)

        then:
        exit == 2
        errorLines[0] == "$script:1:57: unknown verb 'exce' (did you mean 'exec'?)"
        errorLines[1] == "studio('my-studio', create: true) { start 'lit-h100-1'; exce 'python train.py' }"
        errorLines[2] == ' ' * 56 + '^'
        !stderr.contains('Exception')
        emulator.requests().total == 0
    }

    def "#code: exits 2 with '#message' before any request"() {
        when:
        int exit = lstudio(['-e', code], emulator.env)

        then:
        exit == 2
        errorLines[0] == "-e:$message"
        emulator.requests().total == 0

        where:
        code                                                                     || message
        "studio('s', create: true) { start 'cpu-4'; exec 'ls', timeout: 3 }"     || "1:64: exec: timeout must be a duration such as 3.seconds or 3.minutes, got 3"
        "studio('s', create: true) { start 'cpu-4', timout: 5.minutes }"         || "1:44: start: unknown option 'timout' (did you mean 'timeout'?)"
        "studio('s', create: true) { strat 'cpu-4' }"                            || "1:29: unknown verb 'strat' (did you mean 'start'?)"
    }

    def "an unclosed block is reported where the script ends, naming the bracket, without quoting the file"() {
        given:
        def script = file('open.groovy', "studio('my-studio') {\n    start 'cpu-4'\n    exec 'nvidia-smi'\n")

        when:
        int exit = lstudio(['run', script], emulator.env)

        then:
        exit == 2
        errorLines[0] == "$script:4:1: unexpected end of the script: the '{' at 1:21 is not closed"
        !stderr.contains("start 'cpu-4'")
        emulator.requests().total == 0
    }

    def "a stray bracket is named, with its line and a caret under it"() {
        given:
        def script = file('stray.groovy', "studio('my-studio') {\n    start 'cpu-4')\n}\n")

        when:
        int exit = lstudio(['run', script], emulator.env)

        then:
        exit == 2
        errorLines == ["$script:2:18: unexpected ')'", "    start 'cpu-4')", ' ' * 17 + '^']
    }

    def "a bad escape points at its backslash, not at the opening quote"() {
        given:
        def script = file('escape.groovy', "studio('my-studio') {\n    exec \"grep \\q log\"\n}\n")

        when:
        int exit = lstudio(['run', script], emulator.env)

        then:
        exit == 2
        errorLines == ["$script:2:16: bad escape '\\q' in a string (write '\\\\' for a backslash)",
                       '    exec "grep \\q log"', ' ' * 15 + '^']
    }
}
