package dev.lstudio.testing

import java.nio.file.Files
import java.nio.file.Path

/**
 * The local project the file specs and the docs' Files examples run in: {@code train.py}, and
 * {@code src/} whose {@code .gitignore} leaves out the {@code debug.log} beside {@code model.py}.
 */
final class ProjectFolder {
    static final String TRAIN = "print('training')\n"
    static final Map<String, String> FILES = ['train.py': TRAIN, 'src/model.py': 'class Model: pass\n',
                                              'src/.gitignore': '*.log\n', 'src/debug.log': 'noise\n']

    private ProjectFolder() {
    }

    /** Writes the project into {@code dir}; returns {@code dir}. */
    static Path fill(Path dir) {
        FILES.each { name, text -> write(dir, name, text) }
        dir
    }

    static Path write(Path dir, String name, String text) {
        Path file = dir.resolve(name)
        Files.createDirectories(file.parent)
        Files.writeString(file, text)
    }
}
