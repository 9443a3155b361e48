package dev.lstudio.dsl

import dev.lstudio.api.FakeSleeper
import dev.lstudio.client.Clock
import java.time.Duration

/** Runs DSL code the way the runner does, with captured output, recorded sleeps and pinned jitter. */
class ScriptHarness {
    final ByteArrayOutputStream stdout = new ByteArrayOutputStream()
    final List<String> logs = Collections.synchronizedList([])
    final FakeSleeper sleeper = new FakeSleeper()
    final ScriptCompiler compiler = ScriptCompiler.create()
    double jitter = 0
    List<String> args = []
    Map<String, String> env = [:]
    Teardown teardown = Teardown.create { logs << it }

    DslContext context() {
        def printStream = new PrintStream(stdout, true, 'UTF-8')
        def output = [log: { String m -> logs << m }, out: { printStream }] as Output
        DslContext.builder()
                .args(args)
                .env(env)
                .output(output)
                .teardown(teardown)
                .clock(Clock.of(sleeper, { jitter } as java.util.function.DoubleSupplier))
                .build()
    }

    /** Compiles and runs {@code code} as a script and returns its value. */
    Object run(String code) {
        compiler.compile('TestScript', code).newInstance(context()).run()
    }

    /** An empty script to call the verbs on directly, as a script would. */
    LstudioScript script() {
        compiler.compile('EmptyScript', '').newInstance(context())
    }

    List<Duration> getSleeps() {
        sleeper.sleeps
    }

    String out() {
        stdout.toString('UTF-8')
    }
}
