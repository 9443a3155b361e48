package dev.lstudio.docs

import java.nio.file.Path
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

/** One emulator per spec, back to the fixture studios before each feature. */
abstract class EmulatorSpecification extends Specification {
    @Shared
    @TempDir
    Path dir
    @Shared
    @AutoCleanup
    EmulatorFixture emulator

    def setupSpec() {
        emulator = new EmulatorFixture(dir)
    }

    def setup() {
        emulator.reset()
    }
}
