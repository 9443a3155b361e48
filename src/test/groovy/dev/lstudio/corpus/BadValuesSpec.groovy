package dev.lstudio.corpus

import dev.lstudio.testing.EmulatorLstudioSpec

/**
 * Issue 13, case 13: values a script can get wrong by a sign or a null get one clear line and
 * exit 1 before anything starts, not a Groovy or Java exception.
 */
class BadValuesSpec extends EmulatorLstudioSpec {

    def "#code: exit 1 with '#message'"() {
        when:
        int exit = lstudio(['-e', code], emulator.env)

        then:
        exit == 1
        theError == "lstudio: $message (at -e:1)"
        !stderr.contains('Exception')
        emulator.requests().requests.keySet().every { !it.endsWith('/start') }

        where:
        code                                               || message
        "timeout(-(5.minutes)) { println 'never' }"        || 'timeout: the limit must be positive, got -5m'
        "def d = 2.seconds; timeout(-d) { }"               || 'timeout: the limit must be positive, got -2s'
        "parallel(null) { }"                               || "parallel: give the items to work on, e.g. parallel(['a', 'b']) { name -> ... }, got null"
        "studio('b', create: true) { switchTo null }"      || "switchTo: give a machine, e.g. switchTo 'lit-a100-1'"
        "studio('b', create: true) { switchTo '  ' }"      || "switchTo: give a machine, e.g. switchTo 'lit-a100-1'"
        "studio('b', create: true) { start '' }"           || "start: give a machine, e.g. start 'cpu-4', or start() for cpu-4"
        "studio('b', create: true) { start machine: '' }"  || "start: give a machine, e.g. start 'cpu-4', or start() for cpu-4"
    }
}
