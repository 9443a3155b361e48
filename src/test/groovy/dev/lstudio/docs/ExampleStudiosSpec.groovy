package dev.lstudio.docs

import dev.lstudio.testing.EmulatorLstudioSpec
import dev.lstudio.testing.Lstudio
import dev.lstudio.testing.ProjectFolder
import java.nio.file.Files
import java.nio.file.Path

/**
 * The docs' examples run against the spec's emulator, through lstudio's own entry point, with
 * the studios every example may assume: they exist and are stopped. The emulator's delays are
 * zero: the examples test what the verbs do, not how long the cloud takes.
 */
abstract class ExampleStudiosSpec extends EmulatorLstudioSpec {
    /** Studios every example may assume: they exist and are stopped. */
    static final List<String> STUDIOS = ['my-studio', 'worker-1', 'worker-2', 'worker-3']

    def setup() {
        emulator.create(STUDIOS as String[])
        workDir = ProjectFolder.fill(home.resolve('work')) // what reference.md's Files examples find
    }

    /** {@code lstudio args...} as a reader's shell would start it: the emulator's URL and credentials, plus {@code env}. */
    Lstudio.Run againstEmulator(List<String> args, Map<String, String> env = [:]) {
        lstudio(args, emulator.env + env)
        last
    }

    /** Writes {@code code} to a file named like its origin, so errors point at a recognisable name. */
    Path scriptFile(String name, String code) {
        Path dir = home.resolve('scripts')
        Files.createDirectories(dir)
        Path file = dir.resolve(name.replaceAll(/[^A-Za-z0-9_.-]/, '_') + '.groovy')
        Files.writeString(file, code)
        file
    }
}
