package dev.lstudio.corpus

import dev.lstudio.cli.Main
import java.nio.file.Files
import java.nio.file.Path
import java.security.MessageDigest
import spock.lang.Specification
import spock.lang.TempDir

/**
 * Issue 8's bad-input corpus: what a user sees when lstudio meets bad input. Each spec drives
 * {@link Main#execute} with captured streams and its own LSTUDIO_HOME and HOME, and checks the
 * three things the issue asks of every case: one line saying what is wrong and what to do, the
 * exit code of the table in dsl-docs/cron.md, and nothing corrupted on disk.
 */
abstract class CorpusSpec extends Specification {
    /** A log line off a terminal: it starts with an ISO-8601 timestamp. Error lines do not. */
    static final String LOG_LINE = /^\d{4}-\d\d-\d\dT\S+ .*/

    @TempDir
    Path home
    ByteArrayOutputStream out = new ByteArrayOutputStream()
    ByteArrayOutputStream err = new ByteArrayOutputStream()

    /** {@code lstudio args...} with LSTUDIO_HOME and HOME in the spec's folder, plus {@code env}. */
    int lstudio(List<String> args, Map<String, String> env = [:], String stdin = '') {
        out.reset()
        err.reset()
        Main.execute(args as String[], new ByteArrayInputStream(stdin.getBytes('UTF-8')), new PrintStream(out, true, 'UTF-8'),
                new PrintStream(err, true, 'UTF-8'), [LSTUDIO_HOME: home.toString(), HOME: home.toString()] + env)
    }

    /** lstudio as a child JVM with {@code jvmOptions}: for what only a real process shows (heap, exit). */
    Process lstudioProcess(List<String> jvmOptions, List<String> args, Map<String, String> env, Path stdout, Path stderr) {
        String java = Path.of(System.getProperty('java.home'), 'bin', 'java')
        def command = [java] + jvmOptions + ['-cp', System.getProperty('java.class.path'), Main.name] + args
        def builder = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
        builder.environment().putAll([LSTUDIO_HOME: home.toString(), HOME: home.toString()] + env)
        builder.start()
    }

    String getStdout() { out.toString('UTF-8') }

    String getStderr() { err.toString('UTF-8') }

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

    String file(String name, String text) {
        Path path = home.resolve(name)
        Files.createDirectories(path.parent)
        Files.writeString(path, text)
        path.toString()
    }

    /** Every file under {@code root} with a digest of its bytes and its permissions, to show nothing changed. */
    static Map<String, String> snapshot(Path root) {
        Map<String, String> files = new TreeMap<>()
        if (!Files.exists(root)) {
            return files
        }
        Files.walk(root).withCloseable { paths ->
            paths.filter { Files.isRegularFile(it) }.each { p ->
                String digest = MessageDigest.getInstance('SHA-256').digest(Files.readAllBytes(p)).encodeHex().toString()
                files[root.relativize(p).toString()] = digest + ' ' + Files.getPosixFilePermissions(p).sort()
            }
        }
        files
    }
}
