package dev.lstudio.corpus

import dev.lstudio.testing.EmulatorLstudioSpec
import spock.lang.Timeout

/**
 * Issue 8, bad input: "unknown machine slug (suggest the nearest)", and issue 14, item 5: a slug
 * is the same machine whatever its case, and is sent in lower case; an unknown one the server
 * refuses is one error line with one suggestion (the client's and the emulator's agree), not the
 * sixty slugs; the run exits 1 and the studio is left stopped. A server that suggests nothing
 * itself: MachineRefusedSpec.
 */
@Timeout(120)
class MachineSlugSpec extends EmulatorLstudioSpec {
    def "a slug in upper case starts that machine, sent in lower case, with no warning"() {
        when:
        int exit = lstudio(['-e', "studio('s', create: true) { start 'LIT-H100-1'; println machine; stop() }"], emulator.env)

        then:
        exit == 0
        stdout.readLines().contains('lit-h100-1')
        !stderr.contains('warning')
        !stderr.contains('did you mean')
        emulator.requests().requests.keySet().any { it.startsWith('POST ') && it.endsWith('/start') }
    }

    def "a slug the server refuses: one error line with the nearest slug, no list, exit 1, the studio stopped"() {
        when:
        int exit = lstudio(['-e', "studio('s', create: true) { start 'LIT-H100-16'; exec 'nvidia-smi' }"], emulator.env)

        then:
        exit == 1
        theError == "lstudio: studio 's': machine 'lit-h100-16' is not one the server knows: did you mean 'lit-h100-1'? (at -e:1)"
        stderr.count('did you mean') == 1
        !stderr.contains('lit-a100-1')
        !stderr.contains('cpu-16')
        emulator.studio('s').active == false
        !emulator.requests().requests.keySet().any { it.endsWith('/execute') }
    }
}
