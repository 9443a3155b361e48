package dev.lstudio.dsl

import spock.lang.Specification

class DslReferenceSpec extends Specification {
    static final String PAGE = '''\
# lstudio DSL reference

Intro text that belongs to no entry.

# Studio verbs

## stop

Stops the studio and waits
until it is stopped.

- **Usage:** `stop()`; `stop(wait: false)`
- **Where:** studio
- **Options:** `wait`, `timeout`.
- **Waits for:** No instance in use, or its phase STOPPED.
- **Defaults:** Timeout 10 minutes.
- **Errors:** Not stopped within the timeout: exit 124; see [cron.md](cron.md#exit-codes)
  for the other codes.

```groovy
studio('my-studio') { stop() }
```
<!-- expect: stopped -->

# Options

## maxRuntime:

Asks the server to stop the studio after this long.

- **Usage:** `start 'lit-h100-1', maxRuntime: 3.hours`
- **Where:** studio
- **Options:** None.
- **Waits for:** Nothing extra.
- **Defaults:** None.
- **Errors:** None.
'''

    def "each ## heading becomes an entry with its group, summary, parts and examples"() {
        when:
        def reference = DslReference.parse(PAGE)
        def stop = reference.entry('stop').get()

        then:
        reference.problems() == []
        reference.names() == ['stop', 'maxRuntime:']
        stop.group() == 'Studio verbs'
        stop.summary() == 'Stops the studio and waits until it is stopped.'
        stop.parts().keySet() as List == DslReference.PARTS
        stop.parts()['Errors'] == 'Not stopped within the timeout: exit 124; see [cron.md](cron.md#exit-codes) for the other codes.'
        stop.examples() == ["studio('my-studio') { stop() }\n"]
    }

    def "the help text is plain: no backticks, bold markers or link targets"() {
        when:
        String text = DslReference.parse(PAGE).text('stop').get()

        then:
        text.startsWith('stop - Stops the studio and waits until it is stopped.')
        text.contains("  Usage      stop(); stop(wait: false)")
        text.contains('exit 124; see cron.md for the other codes.')
        !text.contains('`') && !text.contains('**') && !text.contains('](')
        text.contains("  Example\n    studio('my-studio') { stop() }")
    }

    def "long parts wrap under their label"() {
        given:
        def page = PAGE.replace('- **Defaults:** Timeout 10 minutes.', '- **Defaults:** ' + ('word ' * 40).trim())

        when:
        def lines = DslReference.parse(page).text('stop').get().readLines()
        def defaults = lines.findIndexOf { it.startsWith('  Defaults') }

        then:
        lines.every { it.length() <= 96 }
        lines[defaults + 1].startsWith(' ' * '  Waits for  '.length() + 'word')
    }

    def "#asked finds the entry #found"() {
        expect:
        DslReference.parse(PAGE).entry(asked).map { it.name() }.orElse(null) == found

        where:
        asked         || found
        'stop'        || 'stop'
        'STOP'        || 'stop'
        'maxRuntime'  || 'maxRuntime:'
        'maxruntime:' || 'maxRuntime:'
        ' stop '      || 'stop'
        'start'       || null
    }

    def "a verb's options are the code words of its Options part; an option entry has none"() {
        given:
        def reference = DslReference.parse(PAGE.replace('`wait`, `timeout`.', '`wait` (or not), `timeout`, and `wait` again.'))

        expect:
        reference.entry('stop').get().options() == ['wait', 'timeout']
        reference.entry('maxRuntime:').get().options() == []
    }

    def "summaries list every entry in page order, for :help"() {
        expect:
        DslReference.parse(PAGE).summaries() == [
                'stop'       : 'Stops the studio and waits until it is stopped.',
                'maxRuntime:': 'Asks the server to stop the studio after this long.']
    }

    def "a malformed entry is reported with its line, and parsing goes on"() {
        given:
        def page = '''\
## start

- **Usage:** `start 'cpu-4'`
- **Returns:** nothing
stray text

## start
'''

        when:
        def reference = DslReference.parse(page)

        then:
        reference.names() == ['start', 'start']
        reference.problems().any { it.startsWith("line 1: 'start' has no summary line") }
        reference.problems().any { it.startsWith("line 4: 'start' has an unknown part 'Returns'") }
        reference.problems().any { it == "line 5: 'start' has text outside its summary and parts: stray text" }
        reference.problems().any { it.startsWith("line 1: 'start' lacks Where, Options, Waits for, Defaults, Errors") }
        reference.problems().any { it == "line 7: 'start' is described twice" }
    }

    def "headings inside code blocks are not entries"() {
        given:
        def page = PAGE + '\n```text\n## not-an-entry\n```\n'

        expect:
        !DslReference.parse(page).names().contains('not-an-entry')
    }

    def "the reference shipped in the jar parses without problems"() {
        when:
        def reference = DslReference.load()

        then:
        reference.problems() == []
        reference.names().containsAll(['studio', 'start', 'exec', 'stop', 'parallel'])
        reference.text('start').get().contains('Waits for')
    }
}
