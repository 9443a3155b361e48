package dev.lstudio.dsl

import java.time.Duration
import spock.lang.Shared
import spock.lang.Specification

class DurationsSpec extends Specification {
    @Shared
    ScriptHarness harness = new ScriptHarness()

    def "#expression in a script is a Duration of #expected"() {
        expect:
        harness.run(expression) == expected

        where:
        expression                | expected
        '30.minutes'              | Duration.ofMinutes(30)
        '2.hours'                 | Duration.ofHours(2)
        '90.seconds'              | Duration.ofSeconds(90)
        '500.milliseconds'        | Duration.ofMillis(500)
        '1.hour'                  | Duration.ofHours(1)
        '1.minute'                | Duration.ofMinutes(1)
        '1.second'                | Duration.ofSeconds(1)
        '2.days'                  | Duration.ofDays(2)
        '1.5.hours'               | Duration.ofMinutes(90)
        '0.25.seconds'            | Duration.ofMillis(250)
        '2.hours + 30.minutes'    | Duration.ofMinutes(150)
        '10.minutes * 3'          | Duration.ofMinutes(30)
        '3_000_000_000L.seconds'  | Duration.ofSeconds(3_000_000_000L)
    }

    def "a script can declare a Duration without importing java.time"() {
        expect:
        harness.run('Duration d = 5.minutes; d.toSeconds()') == 300
    }
}
