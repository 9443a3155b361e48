package dev.lstudio.corpus

import dev.lstudio.dsl.EmulatorFixture
import spock.lang.AutoCleanup
import spock.lang.Shared

/** A corpus spec with an emulator of its own, back to no studios, faults or counted calls before each feature. */
abstract class EmulatorCorpusSpec extends CorpusSpec {
    @Shared
    @AutoCleanup
    EmulatorFixture emulator = EmulatorFixture.start()

    def setup() {
        emulator.reset()
        emulator.clearRequests()
    }
}
