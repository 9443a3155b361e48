package dev.lstudio.emulator

import dev.lstudio.testing.EmulatorFixture
import java.nio.file.Path
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

/**
 * The emulator's own specs: one {@link EmulatorFixture} shared by a spec's features, with a state
 * directory, lenient (the emulator's default: it also takes the reference's request forms;
 * StrictSpec asks for strict) and zero delays unless the spec says otherwise, spoken to by
 * plain HTTP ({@link Api}), never by lstudio's client.
 */
abstract class WithEmulator extends Specification {
    @Shared
    @TempDir
    Path state
    @Shared
    @AutoCleanup
    EmulatorFixture fixture
    @Shared
    Emulator emu
    @Shared
    Api api

    /** The spec's own settings for {@link EmulatorFixture#start}, on top of lenient and the state directory. */
    Map<String, ?> settings() {
        [:]
    }

    def setupSpec() {
        fixture = EmulatorFixture.start([strict: false, stateDir: state] + settings())
        emu = fixture.emu
        api = new Api(emu)
    }
}
