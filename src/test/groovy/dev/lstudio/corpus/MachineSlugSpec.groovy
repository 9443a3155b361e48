package dev.lstudio.corpus

import dev.lstudio.testing.EmulatorLstudioSpec
import spock.lang.Timeout

/**
 * Issue 8, bad input: "unknown machine slug (suggest the nearest)". New slugs reach the server
 * before lstudio, so an unknown one is sent with a warning (client/MachinesSpec,
 * cli/StudioRunSpec); when the server refuses it, the error line names the nearest known slug,
 * the run exits 1 and the studio is left stopped. A server that does not suggest one itself:
 * MachineRefusedSpec.
 */
@Timeout(120)
class MachineSlugSpec extends EmulatorLstudioSpec {
    def "a slug the server refuses: the warning and the error both name the nearest, exit 1, the studio stopped"() {
        when:
        int exit = lstudio(['-e', "studio('s', create: true) { start 'lit-h100-16'; exec 'nvidia-smi' }"], emulator.env)

        then:
        exit == 1
        stderr.contains("warning: machine 'lit-h100-16' is not one lstudio knows; sending it as given (did you mean 'lit-h100-1'?")
        theError.startsWith("lstudio: studio 's': POST /v1/projects/")
        theError.contains("/start failed (HTTP 400, gRPC 3): unknown machine 'lit-h100-16' (did you mean lit-h100-1?)")
        emulator.studio('s').active == false
        !emulator.requests().requests.keySet().any { it.endsWith('/execute') }
    }
}
