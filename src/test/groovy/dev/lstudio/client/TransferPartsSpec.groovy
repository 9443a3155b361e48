package dev.lstudio.client

import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

/** The small parts of a transfer on their own: part sizes, failures in words, the record under concurrent workers. */
class TransferPartsSpec extends Specification {
    static final long MIB = 1024 * 1024
    @TempDir
    Path dir

    def "a #size-byte file in parts of #wanted uses parts of #used (at most 10,000 parts, whole MiB)"() {
        expect:
        Uploads.partSize(size, wanted) == used
        (size + used - 1).intdiv(used) <= Uploads.MAX_PARTS

        where:
        size                  | wanted    || used
        1000 * MIB            | 100 * MIB || 100 * MIB
        100_000 * 100 * MIB   | 100 * MIB || 1000 * MIB
        10_000 * 5 * MIB + 1  | 5 * MIB   || 6 * MIB
    }

    def "no space left on the disk names the folder and the size, and says what to do"() {
        given:
        def run = new TransferRun(TransferDirection.DOWN, TransferOptions.defaults(), 's')
        def file = new FileTransfer(TransferDirection.DOWN, dir.resolve('out/big.bin'), 'big.bin', 5_000_000)

        when:
        def e = run.failure(file, new java.nio.file.FileSystemException(dir.resolve('out/.big.bin.partial').toString(), null,
                'No space left on device'))

        then:
        e.message == "no space left on the disk of ${dir.resolve('out')} for 'big.bin' (5000000 bytes);" +
                ' free some space there or download to another folder'
    }

    def "several failures are thrown as one, naming the first few paths and the count"() {
        given:
        def options = TransferOptions.defaults().withParallel(3)
        def jobs = (1..7).collect { n ->
            new TransferRun.Job(new FileTransfer(TransferDirection.UP, dir.resolve("f$n"), "f$n", 1), { meter ->
                if (n == 4) {
                    return FileResult.Outcome.SENT
                }
                throw new IllegalStateException("boom $n")
            } as TransferRun.Work)
        }

        when:
        new TransferRun(TransferDirection.UP, options, 's').run(jobs)

        then:
        FileTransferException e = thrown()
        e.message.startsWith("6 of 7 files failed to upload to studio 's': ${dir.resolve('f1')}, ${dir.resolve('f2')}, " +
                "${dir.resolve('f3')}, ${dir.resolve('f5')}, ${dir.resolve('f6')} and 1 more (first: uploading")
        e.kind() == Failure.SERVICE
    }

    def "two workers recording at once, in two records of the same studio, lose neither's entries"() {
        given:
        def folder = dir.resolve('transfers')
        def pool = Executors.newFixedThreadPool(8)
        def start = new CountDownLatch(1)

        when:
        def futures = (1..40).collect { n ->
            pool.submit {
                start.await()
                def sums = Checksums.of(folder, 'p1', 's1')
                sums.put("f$n", new Checksums.Entry(n, '2026-12-02T03:15:29Z', "sha$n"))
                sums.save()
            }
        }
        start.countDown()
        futures*.get(30, TimeUnit.SECONDS)
        def read = Checksums.of(folder, 'p1', 's1')

        then:
        (1..40).every { read.get("f$it") == new Checksums.Entry(it, '2026-12-02T03:15:29Z', "sha$it") }
        folder.toFile().list().findAll { it.endsWith('.partial') } == []

        cleanup:
        pool.shutdownNow()
    }
}
