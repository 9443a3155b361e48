package dev.lstudio.soak

import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Timeout

/**
 * The short soak of issue 8, in every build: script runs against an emulator failing a fifth of
 * the API calls, some runs SIGTERMed or SIGKILLed part-way, then {@code lstudio cleanup}. The
 * full one is {@code scripts/soak} (200 runs).
 */
@Timeout(900)
class SoakSpec extends Specification {
    @TempDir
    Path work

    def "under faults and kills nothing is left running after cleanup, nothing runs twice, and every exit is explained"() {
        given:
        def java = "${System.getProperty('java.home')}/bin/java".toString()
        def lstudio = [java, '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-cp', System.getProperty('java.class.path'),
                       'dev.lstudio.cli.Main']

        when:
        def figures = Soak.run(new Soak.Settings(24, 2, 0.2, 0.2, 11L, lstudio, work))
        println figures.report()

        then:
        figures.results.size() == 24
        figures.doubleExecutes().isEmpty()
        figures.teardownMisses().isEmpty()
        figures.leaksAfterCleanup().isEmpty()
        figures.mismatches().isEmpty()

        and: 'the faults really happened and some runs were really killed'
        figures.faultsInjected.collect { it.asLong() }.sum() > 0
        figures.results.any { it.endedBySignal() && it.fate() == SoakRun.Fate.SIGKILL }
        figures.results.any { it.endedBySignal() && it.fate() == SoakRun.Fate.SIGTERM }
    }

    def "across hosts: orphans of evicted hosts are stopped by another host's cleanup --shared, or else by auto-sleep; live runs are never touched"() {
        given:
        def java = "${System.getProperty('java.home')}/bin/java".toString()
        def lstudio = [java, '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-cp', System.getProperty('java.class.path'),
                       'dev.lstudio.cli.Main']

        when:
        def passes = HostSoak.run(new HostSoak.Settings(2, 1, lstudio, work.resolve('hosts')))
        passes.each { println it.report() }

        then:
        passes*.problems().flatten().isEmpty()
        with(passes[0]) {
            orphans == 1 && live == 1
            orphansStoppedByCleanup == 1
            cleanupExit == 0
        }
        with(passes[1]) {
            orphans == 1 && live == 1
            orphansStoppedBySleep == 1
        }
    }
}
