package dev.lstudio.repl

import org.jline.reader.Candidate
import org.jline.reader.LineReader
import org.jline.reader.Parser.ParseContext
import org.jline.reader.impl.CompletionMatcherImpl
import spock.lang.Specification

/**
 * Measures, without asserting (shared machines are noisy), how long one TAB takes over 2,000 studio
 * names: parsing the buffer, building candidates, and JLine's matching. Prints p50/p99 to the test
 * output and to target/completion-timing.txt.
 */
class CompletionTimingSpec extends Specification {

    def "completion over 2,000 studio names is timed"() {
        given:
        def data = StaticCompletionData.builder()
        2000.times { data.studio(String.format('studio-%04d', it), it % 3 ? 'STOPPED' : 'RUNNING') }
        data.verb(Verb.of('studio', 'a studio', Verb.Argument.STUDIO))
        def harness = new ReplHarness()
        LineReader reader = harness.builder().completion(data.build()).build().reader()
        def buffer = "studio('studio-12"
        def once = {
            def line = reader.parser.parse(buffer, buffer.length(), ParseContext.COMPLETE)
            List<Candidate> candidates = []
            reader.completer.complete(reader, line, candidates)
            def matcher = new CompletionMatcherImpl()
            matcher.compile([:], false, line, false, 2, null)
            matcher.matches(candidates)
        }

        when:
        300.times { once() }
        List<Long> micros = (1..1000).collect {
            long t0 = System.nanoTime()
            once()
            (System.nanoTime() - t0).intdiv(1000)
        }.sort()
        def report = "TAB over 2,000 studio names (parse + candidates + JLine matching), 1000 runs: " +
                "p50 ${micros[499]} us, p99 ${micros[989]} us, max ${micros[-1]} us; " +
                "matches for 'studio-12': ${once().size()}"
        println report
        new File('target/completion-timing.txt').text = report + '\n'

        then:
        once().size() == 100
    }
}
