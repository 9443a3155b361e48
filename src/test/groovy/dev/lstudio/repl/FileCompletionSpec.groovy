package dev.lstudio.repl

import dev.lstudio.client.RemoteFile
import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit
import org.jline.reader.Candidate
import org.jline.reader.LineReader
import org.jline.reader.Parser.ParseContext
import spock.lang.AutoCleanup
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Timeout

/**
 * TAB inside the string arguments of the file verbs: paths in the studio the line names (or the
 * current one) from listings known, local paths for upload's first argument; and the listings
 * themselves, which TAB only reads, asked for in the background.
 */
@Timeout(60)
class FileCompletionSpec extends Specification {
    static CompletionData data() {
        StaticCompletionData.builder()
                .studio('my-studio', 'STOPPED')
                .remoteFile('my-studio', 'out/').remoteFile('my-studio', 'out/metrics.json').remoteFile('my-studio', 'out/logs/')
                .remoteFile('my-studio', 'out/logs/a.log').remoteFile('my-studio', 'train.py')
                .remoteFile('my-studio', 'project/')
                .remoteFile('other', 'elsewhere.txt')
                .verb(Verb.of('studio', 'a studio by name', Verb.Argument.STUDIO, 'create'))
                .verb(Verb.of('upload', 'send files', Verb.Argument.LOCAL_PATH, 'to', 'parallel').at(Verb.Where.STUDIO))
                .verb(Verb.of('download', 'fetch files', Verb.Argument.REMOTE_PATH, 'to', 'parallel').at(Verb.Where.STUDIO))
                .verb(Verb.of('files', 'list files', Verb.Argument.REMOTE_PATH, 'recursive').at(Verb.Where.STUDIO))
                .verb(Verb.of('remove', 'remove files', Verb.Argument.REMOTE_PATH).at(Verb.Where.STUDIO))
                .build()
    }

    @AutoCleanup('close')
    def harness = new ReplHarness()
    def repl = harness.builder().completion(data()).evaluator(GroovyEvaluator.create()).build()
    LineReader reader = repl.reader()

    @TempDir
    Path dir

    List<Candidate> complete(String buffer, Closure<String> current = { null }) {
        def line = reader.parser.parse(buffer, buffer.length(), ParseContext.COMPLETE)
        List<Candidate> out = []
        new ReplCompleter(data(), { [] as Set }, reader.completer, current as java.util.function.Supplier).complete(reader, line, out)
        out
    }

    List<String> values(String buffer, Closure<String> current = { null }) {
        complete(buffer, current)*.value()
    }

    def "in #buffer TAB offers #expected"() {
        expect:
        values(buffer) == expected

        where:
        buffer                                                     || expected
        "studio('my-studio').download('ou"                         || ['out/']
        "studio('my-studio').download('out/"                       || ['out/logs/', 'out/metrics.json']
        "studio('my-studio') { download 'out/m"                    || ['out/metrics.json']
        "studio('my-studio') { files('"                            || ['out/', 'project/', 'train.py']
        "studio('my-studio') { remove 'out/logs/"                  || ['out/logs/a.log']
        "studio('my-studio') { upload 'x.py', to: 'pr"             || ['project/']
        "studio('other') { download '"                             || ['elsewhere.txt']
        "download '"                                               || []
    }

    def "a folder is not complete, so TAB goes on into it; a file closes the string"() {
        expect:
        complete("studio('my-studio').download('ou").every { !it.complete() }
        complete("studio('my-studio') { download 'out/m").every { it.complete() }
    }

    def "with a current studio (:use) bare verbs complete its paths"() {
        expect:
        values("download 'tr", { 'my-studio' }) == ['train.py']
    }

    def "upload's first argument completes local paths, folders with a trailing /"() {
        given:
        Files.createDirectories(dir.resolve('src'))
        Files.writeString(dir.resolve('train.py'), '')

        expect:
        values("studio('my-studio') { upload '$dir/") == ["$dir/src/", "$dir/train.py"]*.toString()
        values("studio('my-studio') { upload '$dir/tr") == ["$dir/train.py".toString()]
    }

    def "TAB never waits on a listing: it is asked for in the background and offered at the next TAB"() {
        given: 'a service that answers only when the test lets it'
        def release = new CountDownLatch(1)
        def asked = new CountDownLatch(1)
        def paths = new RemotePaths({ String studio, String folder ->
            asked.countDown()
            release.await()
            [new RemoteFile('out/metrics.json', false, 5, null), new RemoteFile('out/logs', true, 0, null)]
        } as RemotePaths.Lister, Duration.ofMinutes(1), System.&nanoTime)

        when:
        long before = System.nanoTime()
        def first = paths.suggest('my-studio', 'out/')
        long tookMillis = (System.nanoTime() - before) / 1_000_000

        then:
        first == []
        tookMillis < 200
        asked.await(10, TimeUnit.SECONDS)

        when:
        release.countDown()
        def next = null
        for (int i = 0; i < 200 && !next; i++) {
            next = paths.suggest('my-studio', 'out/')
            sleep(20)
        }

        then:
        next*.value() == ['out/logs/', 'out/metrics.json']

        cleanup:
        paths.close()
    }

    def "entering a studio block lists its root in the background, so the first TAB in it has it"() {
        given:
        List<String> asked = [].asSynchronized()
        def paths = new RemotePaths({ String studio, String folder ->
            asked << "$studio:$folder".toString()
            [new RemoteFile('train.py', false, 3, null)]
        } as RemotePaths.Lister, Duration.ofMinutes(1), System.&nanoTime)

        when:
        paths.prefetch('my-studio')
        def offered = null
        for (int i = 0; i < 200 && !offered; i++) {
            sleep(20)
            offered = paths.suggest('my-studio', 'tr')
        }

        then:
        offered*.value() == ['train.py']
        asked == ['my-studio:']

        cleanup:
        paths.close()
    }

    def "against the emulator: the first TAB lists in the background, the next one completes the path"() {
        given: 'a studio holding code/train.py, and completion over a real listing'
        def emulator = dev.lstudio.testing.EmulatorFixture.start()
        def client = emulator.client()
        emulator.create('my-studio')
        Files.writeString(dir.resolve('train.py'), "print('training')\n")
        client.studio(client.defaultTeamspace(), 'my-studio').files().upload(dir.resolve('train.py'), 'code/', null)
        def paths = new RemotePaths({ String studio, String folder ->
            client.studio(client.defaultTeamspace(), studio).files().list(folder) } as RemotePaths.Lister,
                Duration.ofMinutes(1), System.&nanoTime)
        def live = StaticCompletionData.builder()
                .verb(Verb.of('remove', 'remove files', Verb.Argument.REMOTE_PATH).at(Verb.Where.STUDIO)).build()
        def withPaths = new CompletionData() {
            List<Suggestion> teamspaces() { [] }
            List<Suggestion> studios() { [] }
            List<Suggestion> machines() { [] }
            List<Suggestion> plugins() { [] }
            List<Verb> verbs() { live.verbs() }
            List<Suggestion> remotePaths(String studio, String typed) { paths.suggest(studio, typed) }
        }
        def line = { String buffer -> reader.parser.parse(buffer, buffer.length(), ParseContext.COMPLETE) }
        def completer = new ReplCompleter(withPaths, { [] as Set }, reader.completer, { 'my-studio' } as java.util.function.Supplier)

        when:
        List<Candidate> first = []
        completer.complete(reader, line("remove 'code/tr"), first)
        List<Candidate> next = []
        for (int i = 0; i < 200 && !next; i++) {
            sleep(20)
            completer.complete(reader, line("remove 'code/tr"), next)
        }

        then:
        first == []
        next*.value() == ['code/train.py']

        cleanup:
        paths?.close()
        client?.close()
        emulator?.close()
    }

    def "what files() listed is known at once, each folder of a recursive listing too"() {
        given:
        def paths = new RemotePaths({ s, f -> throw new IllegalStateException('no call expected') } as RemotePaths.Lister,
                Duration.ofMinutes(1), System.&nanoTime)

        when:
        paths.listed('my-studio', '', [new RemoteFile('ckpt/epoch-1/model.pt', false, 9, null), new RemoteFile('train.py', false, 3, null)])

        then:
        paths.suggest('my-studio', '')*.value() == ['ckpt/', 'train.py']
        paths.suggest('my-studio', 'ckpt/')*.value() == ['ckpt/epoch-1/']
        paths.suggest('my-studio', 'ckpt/epoch-1/m')*.value() == ['ckpt/epoch-1/model.pt']

        cleanup:
        paths.close()
    }
}
