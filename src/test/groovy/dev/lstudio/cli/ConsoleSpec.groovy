package dev.lstudio.cli

import java.time.Clock
import java.time.Duration
import java.time.Instant
import java.time.ZoneId
import java.time.ZoneOffset
import spock.lang.Specification
import spock.lang.Timeout
import spock.util.concurrent.PollingConditions

@Timeout(120)
class ConsoleSpec extends Specification {
    ByteArrayOutputStream err = new ByteArrayOutputStream()
    SettableClock clock = new SettableClock(Instant.parse('2026-01-02T03:04:05Z'))

    Console console(boolean terminal, boolean quiet = false) {
        new Console(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, 'UTF-8'), terminal, quiet, false, clock,
                Redaction.none())
    }

    String getText() { err.toString('UTF-8') }

    def "off a terminal, log lines start with a timestamp"() {
        when:
        console(false).log('nightly run started')

        then:
        text == '2026-01-02T03:04:05Z nightly run started' + System.lineSeparator()
    }

    def "off a terminal, progress is a plain line when a wait starts, changes phase and ends"() {
        given:
        def progress = console(false).progress()

        when:
        def task = progress.begin('starting my-studio')
        clock.advance(Duration.ofSeconds(42))
        task.update('my-studio: pending')
        task.close()

        then:
        text.readLines() == ['2026-01-02T03:04:05Z starting my-studio',
                             '2026-01-02T03:04:47Z my-studio: pending',
                             '2026-01-02T03:04:47Z my-studio: pending (42s)']
    }

    def "on a terminal, a spinner line shows the phase and the elapsed time, and log lines go above it"() {
        given:
        def console = console(true)
        def poll = new PollingConditions(timeout: 30, delay: 0.05)

        when:
        def task = console.progress().begin('starting my-studio')
        clock.advance(Duration.ofSeconds(3))

        then:
        poll.eventually { assert text.contains('starting my-studio  3s') }
        !text.contains('2026-')

        when:
        console.log('a log line')
        task.update('my-studio: running')
        clock.advance(Duration.ofSeconds(2))

        then:
        text.contains('\r\033[Ka log line' + System.lineSeparator())
        poll.eventually { assert text.contains('my-studio: running  5s') }

        when:
        task.close()

        then:
        text.endsWith('\r\033[Kmy-studio: running (5s)' + System.lineSeparator())
    }

    def "--quiet shows neither log lines nor progress, but errors still print"() {
        given:
        def console = console(false, true)

        when:
        console.log('noise')
        console.progress().begin('waiting').close()
        console.error('lstudio: it broke')

        then:
        text == 'lstudio: it broke' + System.lineSeparator()
    }

    static final class SettableClock extends Clock {
        volatile Instant now

        SettableClock(Instant now) { this.now = now }

        void advance(Duration d) { now = now + d }

        @Override
        ZoneId getZone() { ZoneOffset.UTC }

        @Override
        Clock withZone(ZoneId zone) { this }

        @Override
        Instant instant() { now }
    }
}
