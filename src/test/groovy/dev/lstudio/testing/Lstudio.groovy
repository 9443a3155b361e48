package dev.lstudio.testing

import dev.lstudio.cli.Main
import java.nio.file.Path

/**
 * lstudio as a user starts it, in one argument order everywhere: {@code (args, env, stdin)}.
 * {@link #run} goes through {@link Main#execute} (the launcher's own entry point) with captured
 * streams; {@link #start} starts a child JVM on the test classpath, for what only a separate
 * process shows (signals, heap limits, the run lock across processes, the umask).
 * {@code env} is the whole environment lstudio sees on top of {@link #base}.
 */
final class Lstudio {
    /** A log line off a terminal: it starts with an ISO-8601 timestamp. Error lines do not. */
    static final String LOG_LINE = /^\d{4}-\d\d-\d\dT\S+ .*/

    /** What every run gets before its own {@code env}: usually LSTUDIO_HOME and HOME. */
    final Map<String, String> base
    /** Where relative local paths resolve for {@link #run} (files sent and received); null: the JVM's own folder. */
    final Path dir

    Lstudio(Map<String, String> base, Path dir = null) {
        this.base = Map.copyOf(base)
        this.dir = dir
    }

    /** This launcher, run as if started in {@code dir}. */
    Lstudio inDir(Path dir) {
        new Lstudio(base, dir)
    }

    /** LSTUDIO_HOME and HOME both in {@code home}. */
    static Lstudio at(Path home) {
        new Lstudio([LSTUDIO_HOME: home.toString(), HOME: home.toString()])
    }

    Run run(List<String> args, Map<String, String> env = [:], String stdin = '') {
        def out = new ByteArrayOutputStream()
        def err = new ByteArrayOutputStream()
        def input = new ByteArrayInputStream(stdin.getBytes('UTF-8'))
        def stdout = new PrintStream(out, true, 'UTF-8')
        def stderr = new PrintStream(err, true, 'UTF-8')
        int exit = dir == null ? Main.execute(args as String[], input, stdout, stderr, base + env)
                : Main.execute(args as String[], input, stdout, stderr, base + env, dir)
        new Run(exit, out.toString('UTF-8'), err.toString('UTF-8'))
    }

    /**
     * lstudio as a child process. Options: {@code jvm} (options before the main class),
     * {@code log} (stdout and stderr together into one file: a full pipe would block the child,
     * and destroy() closes pipes), or {@code stdout} and {@code stderr} (a file each),
     * {@code umask} (run under {@code sh -c 'umask N'}), {@code unset} (variables the child must not
     * see, from this JVM's environment or the base). With no file named, output is a pipe.
     */
    Process start(List<String> args, Map<String, String> env = [:], Map<String, ?> options = [:]) {
        String java = Path.of(System.getProperty('java.home'), 'bin', 'java')
        List<String> command = [java] + (options.jvm as List<String> ?: []) +
                ['-cp', System.getProperty('java.class.path'), Main.name] + args
        if (options.umask != null) {
            command = ['sh', '-c', "umask ${options.umask}; exec \"\$@\"".toString(), 'sh'] + command
        }
        def builder = new ProcessBuilder(command)
        if (dir != null) {
            builder.directory(dir.toFile())
        }
        if (options.log) {
            builder.redirectErrorStream(true).redirectOutput((options.log as Path).toFile())
        } else if (options.stdout) {
            builder.redirectOutput((options.stdout as Path).toFile()).redirectError((options.stderr as Path).toFile())
        } else {
            builder.redirectErrorStream(true)
        }
        builder.environment().putAll(base + env)
        (options.unset as List<String> ?: []).each { builder.environment().remove(it) }
        builder.start()
    }

    /** One run of lstudio: its exit status and what it printed. */
    static final class Run {
        final int exit
        final String stdout
        final String stderr

        Run(int exit, String stdout, String stderr) {
            this.exit = exit
            this.stdout = stdout
            this.stderr = stderr
        }

        String getOutput() {
            stdout + stderr
        }

        /** The lines of stderr that are not timestamped log lines: the errors the user is told. */
        List<String> getErrorLines() {
            stderr.readLines().findAll { !(it ==~ LOG_LINE) && !it.isBlank() }
        }

        /** The one error line, asserting there is exactly one and no stack trace. */
        String getTheError() {
            assert !stderr.contains('\tat '): 'a stack trace was printed:\n' + stderr
            assert errorLines.size() == 1: 'expected one error line, got:\n' + stderr
            errorLines[0]
        }

        String toString() {
            "exit $exit\n--- stdout\n$stdout--- stderr\n$stderr"
        }
    }
}
