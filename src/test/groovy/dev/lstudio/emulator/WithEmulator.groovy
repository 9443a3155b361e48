package dev.lstudio.emulator

import java.nio.file.Path
import java.time.Duration
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

/** One emulator shared by a spec's features, with a state directory and zero delays unless the spec says otherwise. */
abstract class WithEmulator extends Specification {
    @Shared
    @TempDir
    Path state
    @Shared
    @AutoCleanup
    Emulator emu
    @Shared
    Api api

    /** The spec's own settings on top of the defaults. */
    Emulator.Builder configure(Emulator.Builder builder) {
        builder
    }

    def setupSpec() {
        emu = configure(Emulator.builder().stateDir(state).startDelay(Duration.ZERO).stopDelay(Duration.ZERO)
                .switchDelay(Duration.ZERO).forkDelay(Duration.ZERO)).build().start()
        api = new Api(emu)
    }
}
