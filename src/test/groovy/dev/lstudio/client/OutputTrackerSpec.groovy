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

    def "past its limit the text keeps the last characters, after a line saying how many came before"() {
        given:
        def small = new OutputTracker(out.&add, 10)

        when:
        small.streamed('0123456789')
        small.streamed('abcdef')
        small.snapshot('0123456789abcdefXYZ')

        then:
        out.join('') == '0123456789abcdefXYZ'
        small.text() == '[lstudio: the first 9 characters of this output are not kept (19 in all; exec keeps the last 10); ' +
                'all of it was shown as it ran]\n9abcdefXYZ'
    }

    def "an event's offset decides for output that repeats itself, which content alone would take for a repeat"() {
        when:
        tracker.snapshot('xx')
        tracker.streamed('xxxx', 4)
        tracker.streamed('xxxx', 8)
        tracker.streamed('xxxx', 8)

        then:
        out == ['xx', 'xx', 'xxxx']
        tracker.text() == 'xxxxxxxx'
    }

    def "an offset that does not fit what was seen is left aside, and content decides"() {
        when:
        tracker.streamed('ab', 7)
        tracker.streamed('abc', 1)

        then:
        out == ['ab', 'c']
    }
}
