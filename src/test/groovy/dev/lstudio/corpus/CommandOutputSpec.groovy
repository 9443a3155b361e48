package dev.lstudio.corpus

import dev.lstudio.testing.EmulatorLstudioSpec
import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit
import spock.lang.Timeout

/**
 * Issue 8, bad input: "huge and non-UTF-8 command output", as the user sees it. A command that
 * prints more than the heap could hold (the old whole-output buffer ran out of memory here) still streams all of it to stdout and ends well; the
 * value exec returns keeps the last 4 MiB after a line saying so. Bytes that are not UTF-8
 * print as U+FFFD. Output that repeats itself (one letter, 64 KiB events alike) once lost all
 * but its first event: the events' SSE offsets now place them. (The same at the client, with
 * exact sizes and bytes: OutputBytesSpec.)
 */
@Timeout(180)
class CommandOutputSpec extends EmulatorLstudioSpec {
    static final long MiB = 1024 * 1024

    def "20 MB through exec, in a JVM with a 32 MB heap: all the emulator kept reaches stdout, exit 0"() {
        given:
        Path stdout = home.resolve('stdout.txt')
        Path stderr = home.resolve('stderr.txt')
        String script = """studio('s', create: true) {
            start 'cpu-4'
            def r = exec 'yes 0123456789abcdef | head -c 20000000'
            log "kept \${r.output.length()} characters after: \${r.output.take(r.output.indexOf('\\n'))}"
        }"""

        when:
        def process = lstudioProcess(['-e', script], emulator.env, [jvm: ['-Xmx32m'], stdout: stdout, stderr: stderr])
        boolean ended = process.waitFor(150, TimeUnit.SECONDS)
        String log = Files.readString(stderr)

        then:
        ended
        process.exitValue() == 0
        Files.size(stdout) > 16_000_000 // the emulator keeps 16 MiB of a command's output, and all of it came
        def kept = (log =~ /kept (\d+) characters after: \[lstudio: the first (\d+) characters of this output are not kept/)
        kept.find()
        kept.group(1) as long < 4 * MiB + 200
        !log.contains('OutOfMemoryError')
        emulator.activeCount() == 0

        cleanup:
        process?.destroyForcibly()
    }

    def "with --json, 272,728 characters of one repeated letter and no newline reach the log whole, in pieces"() {
        when:
        int exit = lstudio(['--json', '-e', "studio('s', create: true) { start 'cpu-4'; exec \"yes xxxxxxxxxx | head -c 300000 | tr -d '[:space:]'\" }"],
                emulator.env)
        List<Integer> pieces = stderr.readLines().findAll { it ==~ /\S+ x+/ }.collect { it.count('x') }
        int count = pieces.sum(0) as int
        int longest = pieces.max() ?: 0

        then:
        exit == 0
        pieces.size() > 1
        longest < 200_000
        count == 272_728
    }

    def "bytes that are not UTF-8 print as replacement characters, in text and in --json"() {
        when:
        int exit = lstudio(['--json', '-e', "studio('s', create: true) { start 'cpu-4'; exec \"printf 'caf\\\\351 \\\\377 ok\\\\n'\" }"],
                emulator.env)

        then:
        exit == 0
        def line = new groovy.json.JsonSlurper().parseText(stdout.readLines().first())
        line.output == 'caf\uFFFD \uFFFD ok\n'
        stderr.contains('caf\uFFFD \uFFFD ok')
    }
}
