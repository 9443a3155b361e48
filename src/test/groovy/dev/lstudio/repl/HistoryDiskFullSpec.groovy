package dev.lstudio.repl

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardOpenOption
import java.util.function.Consumer
import org.jline.reader.LineReader
import org.jline.reader.LineReaderBuilder
import spock.lang.Specification
import spock.lang.TempDir

/**
 * Issue 8, bad input: "disk full when writing the history". Kept in the repl package (the
 * history class is package-private); the rest of the corpus is in dev.lstudio.corpus. A failed
 * save warns once, leaves the file as it was before the attempt (so the next session still loads
 * it), keeps the lines in memory, and the REPL goes on.
 */
class HistoryDiskFullSpec extends Specification {
    static final String CTRL_D = '\u0004'

    @TempDir
    Path dir
    List<String> warnings = []

    /** History that fails as a full disk does once {@code full}: part of the line lands, then the write fails. */
    static class FullDiskHistory extends RedactingHistory {
        Path file
        boolean full

        FullDiskHistory(Path file, Consumer<String> warnings) {
            super(new Secrets(Secrets.NONE), warnings)
            this.file = file
        }

        @Override
        void write() throws IOException {
            if (!full) {
                super.write()
                return
            }
            Files.writeString(file, '1767225600000:y = ', StandardOpenOption.APPEND)
            throw new IOException('No space left on device')
        }
    }

    LineReader reader(Path file, RedactingHistory history) {
        def reader = LineReaderBuilder.builder().terminal(new ReplHarness().terminal).history(history)
                .variable(LineReader.HISTORY_FILE, file).build()
        history.attach(reader) // as readLine does first: loads the file
        reader
    }

    def "a full disk: one warning, the file cut back to its last good line, the lines kept and written later"() {
        given:
        def file = dir.resolve('history')
        def history = new FullDiskHistory(file, warnings.&add)
        reader(file, history)
        history.add(java.time.Instant.now(), 'x = 1')
        def good = Files.readAllBytes(file)

        when:
        history.full = true
        history.add(java.time.Instant.now(), 'y = 2')
        history.add(java.time.Instant.now(), 'z = 3')

        then:
        warnings == ["history is not being saved to $file (No space left on device); the lines typed are kept for this session only".toString()]
        Files.readAllBytes(file) == good
        history.collect { it.line() } == ['x = 1', 'y = 2', 'z = 3']

        and: 'the next session loads the file'
        def next = new RedactingHistory(new Secrets(Secrets.NONE), warnings.&add)
        reader(file, next)
        next.collect { it.line() } == ['x = 1']

        when: 'the disk has room again'
        history.full = false
        history.add(java.time.Instant.now(), 'w = 4')

        then:
        Files.readAllLines(file).collect { it.substring(it.indexOf(':') + 1) } == ['x = 1', 'y = 2', 'z = 3', 'w = 4']
        warnings.size() == 1
    }

    def "the REPL warns once when its history file can no longer be written, and goes on"() {
        given:
        def harness = new ReplHarness()
        def file = dir.resolve('state/history')
        def repl = harness.builder(file).build()
        def thread = harness.start(repl)
        harness.type('a = 40\n')
        assert harness.waitFor('40')
        Files.delete(file)
        Files.createDirectory(file) // appending to it now fails, as to a full disk

        when:
        harness.type("b = 1\nc = 1\nprintln 'still here: ' + (a + b + c)\n" + CTRL_D)
        thread.join(20_000)
        def screen = harness.output()

        then:
        !thread.alive
        screen.count('history is not being saved to ' + file) == 1
        screen.contains('still here: 42')
        !screen.contains('Exception')
    }
}
