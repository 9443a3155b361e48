package dev.lstudio.cli

import dev.lstudio.dsl.EmulatorFixture
import java.nio.file.Path
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

/**
 * lstudio through {@link Main#execute} with captured streams and a home folder of its own, next
 * to an emulator of the spec's (emptied before each feature) that the environment can point at.
 */
abstract class CliEmulatorSpec extends Specification {
    @Shared
    @AutoCleanup
    EmulatorFixture emulator = EmulatorFixture.start()
    @TempDir
    Path home
    ByteArrayOutputStream out = new ByteArrayOutputStream()
    ByteArrayOutputStream err = new ByteArrayOutputStream()

    def setup() {
        emulator.reset()
    }

    /** {@code lstudio args...} with {@code stdin}; {@code env} adds to LSTUDIO_HOME and HOME (both the spec's folder). */
    int lstudio(List<String> args, String stdin = '', Map<String, String> env = [:]) {
        out.reset()
        err.reset()
        Main.execute(args as String[], new ByteArrayInputStream(stdin.getBytes('UTF-8')), new PrintStream(out, true, 'UTF-8'),
                new PrintStream(err, true, 'UTF-8'), [LSTUDIO_HOME: home.toString(), HOME: home.toString()] + env)
    }

    String getStdout() { out.toString('UTF-8') }

    String getStderr() { err.toString('UTF-8') }
}
