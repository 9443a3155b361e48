package dev.lstudio.corpus

import dev.lstudio.testing.EmulatorLstudioSpec
import spock.lang.Timeout

/**
 * Issue 8, bad input: "a teamspace the user is not in". However it is named, the run exits 1
 * with one line listing the user's teamspaces, before any studio is touched. (The client's
 * matching rules, ambiguity and no membership at all: client/TeamspaceSpec.)
 */
@Timeout(120)
class TeamspaceCorpusSpec extends EmulatorLstudioSpec {
    def "a teamspace named by #how that the user is not in: exit 1, listing theirs"() {
        when:
        int exit = lstudio(options + ['-e', code], emulator.env + env)

        then:
        exit == 1
        theError.startsWith('lstudio: ')
        theError.contains("teamspace 'nope' not found; yours: demo/demo")
        emulator.studios().isEmpty()

        where:
        how                        | options                   | env                          | code
        '--teamspace'              | ['--teamspace', 'nope']   | [:]                          | "studio('s', create: true) { start 'cpu-4' }"
        'LIGHTNING_TEAMSPACE'      | []                        | [LIGHTNING_TEAMSPACE: 'nope'] | "studio('s', create: true) { start 'cpu-4' }"
        "teamspace('nope')"        | []                        | [:]                          | "teamspace('nope'); studio('s', create: true) { start 'cpu-4' }"
        "a teamspace('nope') block" | []                       | [:]                          | "teamspace('nope') { studio('s', create: true) { start 'cpu-4' } }"
    }
}
