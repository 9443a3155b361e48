package dev.lstudio.client

import spock.lang.Specification

/** Cumulative and incremental output become new text only. */
class OutputTrackerSpec extends Specification {
    List<String> out = []
    OutputTracker tracker = new OutputTracker(out.&add)

    def "cumulative stream chunks give only their new suffix"() {
        when:
        ['he', 'hell', 'hello', 'hello'].each { tracker.streamed(it) }

        then:
        out == ['he', 'll', 'o']
        !tracker.incremental()
    }

    def "a chunk that does not extend the text switches to incremental for good"() {
        when:
        ['ab', 'cd', 'ab'].each { tracker.streamed(it) }

        then:
        out == ['ab', 'cd', 'ab']
        tracker.incremental()
        tracker.text() == 'abcdab'
    }

    def "a cumulative poll after incremental chunks adds only what is new"() {
        when:
        tracker.streamed('ab')
        tracker.streamed('X')
        tracker.snapshot('abXyz')

        then:
        out == ['ab', 'X', 'yz']
    }

    def "polls that bring nothing new emit nothing"() {
        when:
        tracker.snapshot('abc')
        tracker.snapshot('abc')
        tracker.snapshot(null)
        tracker.snapshot('ab')

        then:
        out == ['abc']
    }
}
