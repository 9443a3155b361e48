package dev.lstudio.testing

import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

/**
 * A spec that runs lstudio as a user would, through {@link Lstudio} with LSTUDIO_HOME and HOME
 * in a folder of the feature's own: {@code int exit = lstudio(args, env, stdin)}, then what it
 * printed in {@link #getStdout}, {@link #getStderr} and the error lines a person is told. The
 * bad-input corpus (dev.lstudio.corpus) checks with it what issue 8 asks of every case: one line
 * saying what is wrong and what to do, the exit code of dsl-docs/cron.md, nothing corrupted on disk.
 */
abstract class LstudioSpec extends Specification {
    @TempDir
    Path home
    /** The last {@link #lstudio} run. */
    Lstudio.Run last

    /** Where lstudio runs, for relative local paths (files sent and received); null: the JVM's own folder. */
    Path workDir

    Lstudio getLauncher() {
        Lstudio.at(home).inDir(workDir)
    }

    /** {@code lstudio args...} with {@code env} on top of LSTUDIO_HOME and HOME, and {@code stdin}; returns the exit status. */
    int lstudio(List<String> args, Map<String, String> env = [:], String stdin = '') {
        last = launcher.run(args, env, stdin)
        last.exit
    }

    /** lstudio as a child process: see {@link Lstudio#start} for the options. */
    Process lstudioProcess(List<String> args, Map<String, String> env = [:], Map<String, ?> options = [:]) {
        launcher.start(args, env, options)
    }

    String getStdout() { last.stdout }

    String getStderr() { last.stderr }

    List<String> getErrorLines() { last.errorLines }

    String getTheError() { last.theError }

    /** Writes {@code text} to {@code name} under the home folder; returns its path. */
    String file(String name, String text) {
        Path path = home.resolve(name)
        Files.createDirectories(path.parent)
        Files.writeString(path, text)
        path.toString()
    }
}
