package dev.lstudio.dsl

import dev.lstudio.client.LightningClient
import dev.lstudio.client.Ownership
import dev.lstudio.client.Progress
import dev.lstudio.testing.EmulatorFixture

/**
 * Runs DSL code against an emulator as the runner does: a fresh teardown registry, captured
 * stdout and log lines, and teardown run however the script ends.
 */
class LiveHarness {
    final EmulatorFixture emulator
    final ByteArrayOutputStream stdout = new ByteArrayOutputStream()
    final List<String> logs = [].asSynchronized()
    final List<String> warnings = [].asSynchronized()
    final ScriptCompiler compiler = ScriptCompiler.create()
    Teardown teardown = Teardown.create { logs << it }
    boolean json
    String teamspace
    Progress progress = Progress.silent()
    Ownership ownership = Ownership.inMemory()
    private DslContext context
    private LightningClient client

    LiveHarness(EmulatorFixture emulator) {
        this.emulator = emulator
    }

    DslContext context() {
        if (context == null) {
            def printStream = new PrintStream(stdout, true, 'UTF-8')
            def output = [log: { String m -> logs << m }, out: { printStream }] as Output
            client = emulator.client(warnings, progress)
            context = DslContext.builder().output(output).teardown(teardown).client(client).ownership(ownership)
                    .teamspace(teamspace).jsonResults(json).progress(progress).build()
        }
        context
    }

    Dsl dsl() {
        Dsl.create(context())
    }

    /** Runs the script, then teardown (as the runner's finally does); rethrows the script's failure. */
    Object run(String code) {
        try {
            compiler.compile('LiveScript', code).newInstance(context()).run()
        } finally {
            teardown.runAll()
        }
    }

    /** Runs the script without teardown (for specs that look at the studios before it). */
    Object runOnly(String code) {
        compiler.compile('LiveScript', code).newInstance(context()).run()
    }

    String out() {
        stdout.toString('UTF-8')
    }

    String log() {
        logs.join('\n')
    }

    void close() {
        client?.close()
    }
}
