package dev.lstudio.cli

import dev.lstudio.testing.EmulatorLstudioSpec
import java.nio.file.Files
import java.util.concurrent.TimeUnit
import spock.lang.Timeout
import spock.util.concurrent.PollingConditions

/** SIGTERM to a real lstudio process in the middle of a command: its studio is stopped before it exits 143. */
@Timeout(180)
class StudioSignalSpec extends EmulatorLstudioSpec {

    def "SIGTERM during exec stops the studio the script started, then the process exits 143"() {
        given:
        def started = home.resolve('started')
        def script = home.resolve('train.groovy')
        Files.writeString(script, '''
            studio('train', create: true) {
                start 'lit-a100-1'
                new File(args[0]).text = 'started'
                exec 'sleep 600'
            }
        ''')
        def log = home.resolve('lstudio.log')
        def process = lstudioProcess(['run', script.toString(), started.toString()], emulator.env, [log: log])

        when:
        new PollingConditions(timeout: 90, delay: 0.2).eventually { assert Files.exists(started) }
        new PollingConditions(timeout: 30, delay: 0.1).eventually { assert emulator.studio('train').commandsExecuted == 1 }
        process.destroy() // SIGTERM on Unix
        assert process.waitFor(90, TimeUnit.SECONDS)

        then:
        process.exitValue() == 143
        with(emulator.studio('train')) {
            !active
            phase == 'CLOUD_SPACE_INSTANCE_STATE_STOPPED'
        }
        def seconds = emulator.studio('train').machineSeconds
        sleep(300)
        emulator.studio('train').machineSeconds == seconds
        Files.readString(log).contains('terminated (SIGTERM); running teardown')
        Files.readString(log).contains("teardown: stop studio 'train' (started on lit-a100-1)")

        cleanup:
        process?.destroyForcibly()
    }
}
