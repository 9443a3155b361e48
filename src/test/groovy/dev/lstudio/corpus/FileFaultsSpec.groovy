package dev.lstudio.corpus

import dev.lstudio.testing.EmulatorLstudioSpec
import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Timeout

/**
 * Files through the real CLI while storage misbehaves as it does in the wild: parts dropped part
 * way, signatures that have expired, 503s, bodies cut short. What a user must see: the bytes
 * arrive whole (or the run says which file did not, with exit 4), and no half-written file is
 * ever left in place of a file, here or in the Studio. Runs that meet faults move one file or part
 * at a time ({@code --parallel 1}): the emulator draws its faults from one seeded Random in the
 * order requests come, so a sequential run meets the same faults every time.
 */
@Timeout(240)
class FileFaultsSpec extends EmulatorLstudioSpec {
    /** Multipart from 5 MiB (the smallest part storage takes), so a 12 MiB file goes up in 3 parts. */
    static final Map<String, String> PARTS = [LIGHTNING_MULTIPART_THRESHOLD: String.valueOf(5 << 20),
                                              LIGHTNING_MULTI_PART_PART_SIZE: String.valueOf(5 << 20)]

    def setup() {
        emulator.create('my-studio')
    }

    Path data(String name, int size, long seed = 1) {
        def bytes = new byte[size]
        new Random(seed).nextBytes(bytes)
        def file = home.resolve(name)
        Files.createDirectories(file.parent)
        Files.write(file, bytes)
        file
    }

    int cp(List<String> args) {
        lstudio(['cp'] + args, emulator.env + PARTS)
    }

    List<String> partials(Path dir) {
        Files.walk(dir).withCloseable { s -> s.map { it.fileName.toString() }.filter { it.endsWith('.partial') }.toList() }
    }

    def "an upload through dropped parts, expired signatures and 503s arrives byte for byte"() {
        given:
        def big = data('up/big.bin', 12 << 20)
        (1..20).each { data("up/tree/f${it}.bin", 3000 + it, it) }
        emulator.faults('PUT /storage/** drop-part:0.15 expired:0.1 503:0.05')

        when:
        int exit = cp(['--parallel', '1', big.toString(), 'my-studio:big.bin'])
        int treeExit = cp(['--parallel', '1', '-r', home.resolve('up/tree').toString(), 'my-studio:tree'])

        then: 'the faults happened, and the runs did not notice beyond their retries'
        assert exit == 0: last.toString()
        assert treeExit == 0: last.toString()
        def injected = emulator.injectedFaults()
        (injected['drop-part'] ?: 0) + (injected['expired'] ?: 0) + (injected['503'] ?: 0) > 0

        when: 'brought back without faults'
        emulator.faults()
        def back = home.resolve('back')
        cp(['my-studio:big.bin', back.resolve('big.bin').toString()])
        cp(['-r', 'my-studio:tree', back.resolve('tree').toString()])

        then:
        Files.mismatch(big, back.resolve('big.bin')) == -1L
        (1..20).every { Files.mismatch(home.resolve("up/tree/f${it}.bin"), back.resolve("tree/f${it}.bin")) == -1L }
    }

    def "a download through bodies cut short resumes and lands whole, with nothing .partial left"() {
        given:
        def sent = (1..8).collect { data("up/f${it}.bin", (3 << 19) + it, it) }
        cp(['-r', home.resolve('up').toString(), 'my-studio:up'])
        emulator.faults('GET /storage/** short-body:0.3')
        def here = home.resolve('down')

        when:
        int exit = cp(['--parallel', '1', '-r', 'my-studio:up', here.toString()])

        then:
        assert exit == 0: last.toString()
        emulator.injectedFaults()['short-body'] > 0
        sent.every { Files.mismatch(it, here.resolve(it.fileName.toString())) == -1L }
        partials(here).isEmpty()
    }

    def "a download that cannot finish says which file, exits 4, and keeps the old file as it was"() {
        given:
        cp([data('metrics.json', 50_000).toString(), 'my-studio:out/metrics.json'])
        def here = home.resolve('down')
        Files.createDirectories(here)
        def old = here.resolve('metrics.json')
        Files.writeString(old, 'yesterday')
        emulator.faults('GET /storage/** short-body:1')

        when:
        int exit = cp(['my-studio:out/metrics.json', here.toString()])

        then:
        exit == 4
        theError.contains('out/metrics.json')
        Files.readString(old) == 'yesterday'
        partials(here).isEmpty()
    }

    def "an upload that cannot finish says which file, exits 4, and leaves nothing half-written in the studio"() {
        given:
        def big = data('big.bin', 12 << 20)
        emulator.faults('PUT /storage/** expired:1')

        when:
        int exit = cp([big.toString(), 'my-studio:big.bin'])

        then:
        exit == 4
        theError.contains('big.bin')
        emulator.filesOf('my-studio').isEmpty()
    }
}
