package dev.lstudio.cli

import dev.lstudio.client.FileResult
import dev.lstudio.client.FileTransfer
import dev.lstudio.client.TransferDirection
import dev.lstudio.client.TransferReport
import groovy.json.JsonSlurper
import java.nio.file.Path
import java.time.Duration
import java.time.Instant
import spock.lang.Specification
import spock.lang.Timeout

/**
 * How one transfer shows, by the run's output rules: a line per file and a total, timestamped,
 * off a terminal (a cron log); a bar redrawn in place, at most ten times a second, and cleared,
 * on one; JSON records on stdout with --json. Fed as the client's workers feed it.
 */
@Timeout(60)
class TransferProgressSpec extends Specification {
    ByteArrayOutputStream out = new ByteArrayOutputStream()
    ByteArrayOutputStream err = new ByteArrayOutputStream()
    def clock = new ConsoleSpec.SettableClock(Instant.parse('2026-12-02T03:15:29Z'))

    Console console(boolean terminal, boolean quiet = false) {
        new Console(new PrintStream(out, true, 'UTF-8'), new PrintStream(err, true, 'UTF-8'), terminal, quiet, false, clock,
                Redaction.none())
    }

    static FileTransfer up(String remote, long size) {
        new FileTransfer(TransferDirection.UP, Path.of('/work/project').resolve(remote), remote, size)
    }

    /** train.py sent, notes.txt skipped, big.bin failed: what a worker pool reports, then the end. */
    static TransferReport feed(TransferProgress progress) {
        def train = up('train.py', 12_595)
        def notes = up('data/notes.txt', 2_048)
        def big = up('big.bin', 3 * 1024 * 1024)
        progress.planned(TransferDirection.UP, 3, train.size() + notes.size() + big.size())
        progress.started(train)
        progress.moved(train, 12_595)
        def sent = new FileResult(train, FileResult.Outcome.SENT, 12_595, Duration.ofMillis(40), null)
        progress.finished(sent)
        def skipped = new FileResult(notes, FileResult.Outcome.SKIPPED, 0, Duration.ZERO, null)
        progress.finished(skipped)
        progress.started(big)
        progress.moved(big, 1024)
        progress.moved(big, -1024)
        def failed = new FileResult(big, FileResult.Outcome.FAILED, 1024, Duration.ofMillis(900),
                "big.bin: the upload failed after 5 tries (503); run upload again to resume")
        progress.finished(failed)
        def report = new TransferReport(TransferDirection.UP, [sent, skipped, failed], Duration.ofMillis(1250))
        progress.done(report)
        report
    }

    def "off a terminal each file is one timestamped UTF-8 line, then a total with files, bytes, skipped, rate and time"() {
        when:
        feed(new TransferProgress(console(false), 'my-studio', false))
        def lines = err.toString('UTF-8').readLines()

        then:
        lines == ["2026-12-02T03:15:29Z my-studio: sent train.py (12.3 KiB)",
                  "2026-12-02T03:15:29Z my-studio: skipped data/notes.txt (2.0 KiB, the same is there already)",
                  "2026-12-02T03:15:29Z my-studio: failed big.bin: big.bin: the upload failed after 5 tries (503); run upload again to resume",
                  "2026-12-02T03:15:29Z my-studio: sent 1 file (12.3 KiB), 1 skipped, 1 failed, 0.0 MB/s, in 1.3s"]
        out.size() == 0
        !err.toString('UTF-8').contains('\r')
    }

    def "--quiet keeps the lines out of the log, and --json still writes its records"() {
        when:
        feed(new TransferProgress(console(false, true), 'my-studio', true))

        then:
        err.size() == 0
        out.toString('UTF-8').readLines().size() == 4
    }

    def "with --json stdout has a record per file with stable field names, then the total"() {
        when:
        feed(new TransferProgress(console(false), 'my-studio', true))
        def records = out.toString('UTF-8').readLines().collect { new JsonSlurper().parseText(it) }

        then:
        records.size() == 4
        records[0] == [record: 'file', studio: 'my-studio', direction: 'UP', local: '/work/project/train.py', remote: 'train.py',
                       size: 12_595, outcome: 'SENT', bytes: 12_595, millis: 40, reason: null]
        records[1].outcome == 'SKIPPED'
        records[2].outcome == 'FAILED'
        records[2].reason.contains('run upload again')
        records[3] == [record: 'total', studio: 'my-studio', direction: 'UP', files: 1, bytes: 12_595, skipped: 1, failed: 1,
                       millis: 1250, mbPerSecond: 0.0]
    }

    def "on a terminal a bar shows bytes done of all and the file moving, redrawn in place, and is cleared before the total"() {
        when:
        feed(new TransferProgress(console(true), 'my-studio', false))
        String text = err.toString('UTF-8')
        List<String> frames = text.split('\r\u001b\\[K') as List

        then: 'the first frame: train.py under way, nothing of the 3.0 MiB done yet'
        frames.find { it.startsWith('my-studio [') } =~ /^my-studio \[-{20}] 0 B\/3\.0 MiB  [\d.]+ MB\/s  train\.py$/

        and: 'no per-file lines on a terminal, the bar erased, then the total line'
        !text.contains('sent train.py (')
        text.endsWith('\r\u001b[Kmy-studio: sent 1 file (12.3 KiB), 1 skipped, 1 failed, 0.0 MB/s, in 1.3s' + System.lineSeparator())
    }

    def "on a terminal a log line meanwhile (another studio's) clears the bar and draws it again below itself"() {
        given:
        def console = console(true)
        def progress = new TransferProgress(console, 'my-studio', false)
        def file = up('big.bin', 1000)
        progress.planned(TransferDirection.UP, 1, 1000)
        progress.started(file)

        when:
        console.log('worker-2: start: RUNNING on cpu-4')
        String text = err.toString('UTF-8')

        then:
        text ==~ /(?s)\r\u001b\[Kmy-studio \[-+] 0 B\/1000 B .*\r\u001b\[Kworker-2: start: RUNNING on cpu-4\R\r\u001b\[Kmy-studio \[-+] 0 B\/1000 B .*/
    }

    def "on a terminal a burst of progress draws the bar at most about ten times a second"() {
        given:
        def progress = new TransferProgress(console(true), 'my-studio', false)
        def file = up('big.bin', 100_000_000)
        progress.planned(TransferDirection.UP, 1, file.size())
        progress.started(file)

        when: '10,000 chunks within a few milliseconds'
        10_000.times { progress.moved(file, 10_000) }

        then:
        err.toString('UTF-8').count('\r\u001b[K') <= 3
    }
}
