package dev.lstudio.corpus

import dev.lstudio.testing.EmulatorLstudioSpec
import spock.lang.Timeout

/**
 * Issue 14, item 8: where a newcomer stops. A Studio that is not there, in a teamspace where you have
 * none yet, is not a typo: the error says how to create it. With Studios there, it lists them.
 */
@Timeout(120)
class FirstStepsSpec extends EmulatorLstudioSpec {
    def "not found in a teamspace with no Studios yet: the error suggests create: true, exit 1, nothing created"() {
        when:
        int exit = lstudio(['-e', "studio('my-studio') { start 'lit-t4-1'; exec 'nvidia-smi -L'; stop() }"], emulator.env)

        then:
        exit == 1
        theError == "lstudio: studio 'my-studio' not found in teamspace 'demo/demo', where you have no Studios yet:" +
                " use studio('my-studio', create: true) to create it (at -e:1)"
        emulator.studios().isEmpty()
    }

    def "following the hint works"() {
        when:
        int exit = lstudio(['-e', "studio('my-studio', create: true) { start 'lit-t4-1'; exec 'nvidia-smi -L'; stop() }"], emulator.env)

        then:
        exit == 0
        stdout.contains('Tesla T4')
    }

    def "not found among other Studios: they are listed, no create hint (it may be a typo)"() {
        given:
        lstudio(['-e', "create('real-one')"], emulator.env)

        when:
        int exit = lstudio(['-e', "studio('rael-one') { start 'cpu-4' }"], emulator.env)

        then:
        exit == 1
        theError == "lstudio: studio 'rael-one' not found in teamspace 'demo/demo'; existing: real-one (at -e:1)"
    }
}
