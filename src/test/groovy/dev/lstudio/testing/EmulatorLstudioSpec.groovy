package dev.lstudio.testing

import spock.lang.AutoCleanup
import spock.lang.Shared

/**
 * A {@link LstudioSpec} with an emulator of the spec's own ({@link #emulatorSettings} to change
 * it), back to no studios, faults or counted requests before each feature. lstudio reaches it
 * when a run's environment holds {@code emulator.env}.
 */
abstract class EmulatorLstudioSpec extends LstudioSpec {
    @Shared
    @AutoCleanup
    EmulatorFixture emulator = EmulatorFixture.start(emulatorSettings())

    /** The spec's settings for {@link EmulatorFixture#start}. */
    Map<String, ?> emulatorSettings() {
        [:]
    }

    def setup() {
        emulator.reset()
    }
}
