package dev.lstudio.cli

import dev.lstudio.client.NewStudio
import dev.lstudio.testing.EmulatorLstudioSpec
import groovy.json.JsonSlurper

/**
 * Where the status says what the machine costs an hour (the live codestatus carries {@code price}),
 * the run's summary says what each Studio's run cost, marked as an estimate.
 */
class CostSummarySpec extends EmulatorLstudioSpec {

    def "the summary estimates the cost of a Studio's run from its machine's price"() {
        given: "the H100's price an hour, as the emulator's status gives it"
        def client = emulator.client()
        def probe = client.createStudio(client.teamspaceOrDefault(null), NewStudio.named('probe'))
        double price = probe.start('lit-h100-1').pricePerHour()
        probe.stop()

        when:
        int code = lstudio(['--json', '-e', "studio('priced', create: true) { start 'lit-h100-1'; exec 'sleep 2'; stop() }"], emulator.env)
        def summary = stdout.readLines().collect { new JsonSlurper().parseText(it) }.find { it.summary }.summary[0]
        double hours = summary.runningSeconds / 3600

        then:
        code == 0
        price > 0
        stderr.readLines().find { it.contains('priced (teamspace demo/demo) on lit-h100-1') }
                ==~ /.*running \d+(\.\d)?s, (about \$\d+\.\d\d|under \$0\.01) \(estimate\), now STOPPED/
        summary.estimatedCost > 0
        Math.abs(summary.estimatedCost / hours - price) < price * 0.2
    }
}
