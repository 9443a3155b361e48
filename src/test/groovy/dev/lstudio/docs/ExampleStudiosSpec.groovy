package dev.lstudio.docs

import dev.lstudio.testing.EmulatorLstudioSpec
import dev.lstudio.testing.Lstudio
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

    /** What the examples of reference.md's Files find in the folder they run in. */
    static final Map<String, String> LOCAL_FILES = ['train.py': "print('training')\n", 'src/model.py': 'class Model: pass\n',
                                                    'src/.gitignore': '*.log\n', 'src/debug.log': 'noise\n']

    def setup() {
        emulator.create(STUDIOS as String[])
        workDir = home.resolve('work')
        LOCAL_FILES.each { name, text ->
            Files.createDirectories(workDir.resolve(name).parent)
            Files.writeString(workDir.resolve(name), text)
        }
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
