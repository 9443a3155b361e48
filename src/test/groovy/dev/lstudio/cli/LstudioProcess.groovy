package dev.lstudio.cli

import java.nio.file.Path

/**
 * Starts {@code lstudio} as a real child process (the test classpath, so no jar is needed),
 * for what only a separate JVM shows: signals, the run lock across processes.
 */
class LstudioProcess {
    private LstudioProcess() {
    }

    /** Output and errors go to {@code log}: destroy() closes pipes, and a full pipe would block the child. */
    static Process start(Path home, Path log, Map<String, String> env = [:], String... args) {
        def java = Path.of(System.getProperty('java.home'), 'bin', 'java').toString()
        def command = [java, '-cp', System.getProperty('java.class.path'), Main.name] + args.toList()
        def builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
        builder.environment().put('LSTUDIO_HOME', home.toString())
        builder.environment().putAll(env)
        builder.start()
    }
}
