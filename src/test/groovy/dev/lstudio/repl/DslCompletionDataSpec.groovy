package dev.lstudio.repl

import dev.lstudio.dsl.DslReference
import dev.lstudio.testing.EmulatorFixture
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Timeout
import spock.util.concurrent.PollingConditions

/** The lists TAB completes from in a live session: the emulator's through the client's cache, the reference's verbs. */
@Timeout(60)
class DslCompletionDataSpec extends Specification {
    @Shared
    @AutoCleanup
    EmulatorFixture emulator = EmulatorFixture.start()
    @Shared
    DslReference reference = DslReference.load()

    def "verbs come from the reference with their named arguments, and each says which list completes its argument"() {
        given:
        def data = new DslCompletionData({ throw new IllegalStateException('no client') }, { null }, { reference })
        def verbs = data.verbs().collectEntries { [it.name(), it] }

        expect:
        verbs.start.argument() == Verb.Argument.MACHINE
        verbs.start.namedArguments().containsAll(['machine', 'spot', 'maxRuntime', 'timeout', 'wait'])
        verbs.switchTo.argument() == Verb.Argument.MACHINE
        verbs.studio.argument() == Verb.Argument.STUDIO
        verbs.teamspace.argument() == Verb.Argument.TEAMSPACE
        verbs.install.argument() == Verb.Argument.PLUGIN
        verbs.fork.argument() == Verb.Argument.NONE // a new name, not an existing studio
        verbs.exec.namedArguments() == ['check', 'timeout', 'echo']
        verbs.stop.summary() == reference.summaries().stop
        !verbs.containsKey('wait:') && !verbs.containsKey('durations')
        ['parallel', 'args', 'budget', 'json'].every { verbs[it].where() == Verb.Where.SCRIPT }
        ['start', 'exec', 'stop'].every { verbs[it].where() == Verb.Where.STUDIO }
        verbs.env.where() == Verb.Where.BOTH
    }

    def "without a client the server's lists are empty and machine slugs still complete"() {
        given:
        def data = new DslCompletionData({ throw new IllegalStateException('no credentials') }, { null }, { reference })

        expect:
        data.studios().empty
        data.teamspaces().empty
        data.plugins().empty
        data.machines().find { it.value() == 'lit-h100-1' }.description().contains('H100')
    }

    def "studios of the current teamspace come with their phase, teamspaces and plugins from the server"() {
        given:
        emulator.reset()
        def client = emulator.client()
        def team = client.defaultTeamspace()
        client.createStudio(team, 'my-studio')
        client.createStudio(team, 'my-other').start('cpu-4')
        def data = new DslCompletionData({ client.completionCache() }, { team }, { reference })

        expect:
        new PollingConditions(timeout: 10).eventually {
            assert data.studios().collectEntries { [it.value(), it.description()] } == ['my-studio': 'STOPPED', 'my-other': 'RUNNING']
        }
        data.teamspaces()*.value().any { it.endsWith('demo') }
        !data.plugins().empty

        cleanup:
        client?.close()
    }
}
