package dev.lstudio.dsl

import java.util.concurrent.ConcurrentHashMap
import java.util.concurrent.CountDownLatch
import java.util.concurrent.CyclicBarrier
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger
import spock.lang.Specification
import spock.lang.Timeout

@Timeout(120)
class ParallelSpec extends Specification {
    ScriptHarness harness = new ScriptHarness()
    LstudioScript script = harness.script()

    def "results come back in the order of the items, not of completion"() {
        given: 'each item waits for the next one, so the last item finishes first'
        def items = (1..5).toList()
        def finished = items.collectEntries { [it, new CountDownLatch(1)] }

        when:
        def results = script.parallel(items, maxConcurrent: 5) { int i ->
            if (i < 5) {
                assert finished[i + 1].await(60, TimeUnit.SECONDS)
            }
            finished[i].countDown()
            i * 10
        }

        then:
        results == [10, 20, 30, 40, 50]
    }

    def "no more than maxConcurrent items run at once, and that many do"() {
        given:
        def running = new AtomicInteger()
        def most = new AtomicInteger()
        def barrier = new CyclicBarrier(3)

        when:
        script.parallel((1..9).toList(), maxConcurrent: 3) { item ->
            most.accumulateAndGet(running.incrementAndGet(), Math::max)
            barrier.await(60, TimeUnit.SECONDS)
            running.decrementAndGet()
            barrier.await(60, TimeUnit.SECONDS) // nobody leaves before the other two decremented
        }

        then:
        most.get() == 3
    }

    def "the first failure interrupts the running items, waits for them, and names the failed item"() {
        given:
        def items = ['slow-1', 'slow-2', 'boom', 'late-1', 'late-2']
        def slowStarted = new CountDownLatch(2)
        def started = ConcurrentHashMap.newKeySet()
        def unwound = ConcurrentHashMap.newKeySet()

        when:
        script.parallel(items, maxConcurrent: 3) { String item ->
            if (item == 'boom') {
                assert slowStarted.await(60, TimeUnit.SECONDS)
                throw new IllegalStateException('GPU quota exceeded')
            }
            started << item
            if (item.startsWith('slow')) {
                slowStarted.countDown()
            }
            try {
                new CountDownLatch(1).await() // only an interrupt ends this
            } finally {
                unwound << item
            }
        }

        then:
        ParallelException e = thrown()
        e.item() == 'boom'
        e.index() == 2
        e.message == "parallel item 'boom' (3 of 5) failed: GPU quota exceeded"
        e.cause instanceof IllegalStateException
        started.containsAll(['slow-1', 'slow-2'])
        unwound == started
    }

    def "an empty list gives an empty result without starting threads"() {
        expect:
        script.parallel([]) { throw new AssertionError('not called') } == []
    }

    def "maxConcurrent below one is refused with a clear message"() {
        when:
        script.parallel([1], maxConcurrent: 0) { it }

        then:
        DslException e = thrown()
        e.message == 'parallel: maxConcurrent must be at least 1, got 0'
    }

    def "a misspelt option names the options that exist"() {
        when:
        script.parallel([1], maxConcurent: 2) { it }

        then:
        DslException e = thrown()
        e.message == "parallel: unknown option 'maxConcurent'; known options: maxConcurrent, tag"
    }
}
