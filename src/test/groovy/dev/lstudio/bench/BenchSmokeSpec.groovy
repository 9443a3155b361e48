package dev.lstudio.bench

import dev.lstudio.dsl.LstudioScript
import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Requires
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

/**
 * scripts/bench --quick as a smoke test, so that the benchmark cannot rot: every scenario runs once
 * at small sizes against local emulators and reports its rows. No figure is judged here (shared,
 * noisy machines); the real launcher's variant runs with the benchmark itself.
 */
class BenchSmokeSpec extends Specification {
    @Shared
    @TempDir
    Path work

    String run(String only) {
        def buffer = new ByteArrayOutputStream()
        def out = new PrintStream(buffer, true, StandardCharsets.UTF_8)
        int failures = Bench.run(['--quick', '--no-variants', '--only', only, '--root', new File('.').absolutePath,
                                  '--work', work.toString(), '--java-cp', System.getProperty('java.class.path'),
                                  '--java', Path.of(System.getProperty('java.home'), 'bin', 'java').toString()] as String[], out)
        def text = buffer.toString(StandardCharsets.UTF_8)
        Files.writeString(Path.of('target', "bench-smoke-${only.replace(',', '-')}.txt"), text)
        assert failures == 0: text
        text
    }

    static boolean hasStudioVerbs() {
        LstudioScript.methods.any { it.name == 'studio' }
    }

    static boolean hasPython() {
        ['python3', '-c', 'import requests'].execute().waitFor() == 0
    }

    @Requires({ BenchSmokeSpec.hasPython() })
    def "the REPL start, TAB completion and waiting scenarios run and report their rows"() {
        when:
        def text = run('2,3,5')

        then:
        text.contains('lstudio repl')
        text.contains('jshell')
        text.contains('warm TAB p99')
        text =~ /lstudio Studio.start \(client wait\)\s+\d+ calls/
        text.contains('noticed RUNNING')
        !text.contains('FAILED')
        Files.readString(work.resolve('results.md')).contains('| 3 TAB | warm TAB p50')
    }

    @Requires({ BenchSmokeSpec.hasStudioVerbs() && BenchSmokeSpec.hasPython() })
    def "the cold run, fan-out and memory scenarios run the card workflow in lstudio, Python and curl"() {
        when:
        def text = run('1,4,6')

        then:
        text.contains('lstudio run card.groovy')
        text.contains('python3 card.py (requests)')
        text.contains('bash card.sh (curl + jq)')
        text.contains('compiled-script cache: hit')
        text.contains('lstudio: parallel exec on 8 studios')
        text =~ /lstudio REPL after 50 evaluations\s+\d+ MiB/
        !text.contains('FAILED')
    }

    @Requires({ BenchSmokeSpec.hasPython() })
    def "the studios --json scenario times lstudio next to curl | jq and Python, and reports the ratio"() {
        when:
        def text = run('7')

        then:
        text.contains('lstudio studios --json')
        text.contains('python3 studios.py (requests)')
        text.contains('bash studios.sh (curl | jq)')
        text.contains('lstudio/python = ')
        !text.contains('FAILED')
    }

    def "the files scenario moves one file and a folder both ways with lstudio cp and curl, and reports MB/s"() {
        when:
        def text = run('8')

        then:
        ['one 64 MiB file up', 'one 64 MiB file down', '200 small files up', '200 small files down'].every { what ->
            text =~ /lstudio cp: ${what}\s+[\d.]+ m?s [\d.]+ MB\/s\s+[\d.]+x/ &&
                    text =~ /curl: ${what}\s+[\d.]+ m?s [\d.]+ MB\/s\s+1\.00x/
        }
        !text.contains('FAILED')
    }
}
