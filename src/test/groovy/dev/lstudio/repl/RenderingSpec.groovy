package dev.lstudio.repl

import java.nio.charset.StandardCharsets
import org.jline.terminal.impl.DumbTerminal
import org.jline.utils.AttributedString
import org.jline.utils.AttributedStyle
import spock.lang.Specification

class RenderingSpec extends Specification {
    def renderer = TableRenderer.builder().table(StudioRow.TABLE).build()
    def running = new StudioRow('my-studio', 'CLOUD_SPACE_INSTANCE_STATE_RUNNING', 'lit-h100-1')
    def stopped = new StudioRow('a-much-longer-name', 'STOPPED', 'cpu-4')

    def "a studio prints as one line"() {
        expect:
        renderer.render(running).toString() == 'my-studio  CLOUD_SPACE_INSTANCE_STATE_RUNNING  lit-h100-1'
    }

    def "a list of studios prints as an aligned table under a header"() {
        expect:
        renderer.render([new StudioRow('my-studio', 'RUNNING', 'lit-h100-1'), stopped]).toString() == '''\
            name                phase    machine
            my-studio           RUNNING  lit-h100-1
            a-much-longer-name  STOPPED  cpu-4'''.stripIndent()
    }

    def "phases keep their colour in the table: #phase"() {
        when:
        AttributedString table = renderer.render([new StudioRow('s', phase, 'cpu-4')])
        int at = table.toString().lastIndexOf(phase)

        then:
        table.styleAt(at) == style

        where:
        phase                                  || style
        'RUNNING'                              || AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN)
        'CLOUD_SPACE_INSTANCE_STATE_PENDING'   || AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW)
        'FAILED'                               || AttributedStyle.DEFAULT.foreground(AttributedStyle.RED).bold()
        'STOPPED'                              || AttributedStyle.DEFAULT.faint()
        'SOMETHING_NEW'                        || AttributedStyle.DEFAULT
    }

    def "other values print as Groovy prints them, null as nothing"() {
        expect:
        renderer.render(value).toString() == text

        where:
        value            || text
        null             || ''
        42               || '42'
        'plain'          || 'plain'
        [1, 2]           || '[1, 2]'
        [a: 1]           || '[a:1]'
        []               || '[]'
        [new StudioRow('x', 'RUNNING', 'cpu-4'), 3] || '[dev.lstudio.repl.StudioRow(x, RUNNING, cpu-4), 3]'
    }

    def "a colour terminal shows the colours and a dumb one plain text"() {
        given:
        def screen = new ByteArrayOutputStream()
        def terminal = new DumbTerminal('t', type, new ByteArrayInputStream(new byte[0]), screen, StandardCharsets.UTF_8)
        def console = new ReplOutput(terminal, new Secrets(Secrets.NONE), renderer, { it.toString() }, false, false)

        when:
        console.result([running])

        then:
        screen.toString(StandardCharsets.UTF_8).contains('\u001B[') == coloured
        screen.toString(StandardCharsets.UTF_8).contains('my-studio')

        where:
        type     || coloured
        'ansi'   || true
        'dumb'   || false
    }

    def "the highlighter colours keywords, strings, numbers, comments and verbs"() {
        given:
        def highlighter = new GroovyHighlighter({ ['start'] as Set })
        def line = "def n = 8 // gpus\nstart 'lit-h100-1'"

        when:
        AttributedString shown = highlighter.highlight(null, line)

        then:
        shown.toString() == line
        shown.styleAt(line.indexOf('def')) == GroovyHighlighter.KEYWORD
        shown.styleAt(line.indexOf('8')) == GroovyHighlighter.NUMBER
        shown.styleAt(line.indexOf('gpus')) == GroovyHighlighter.COMMENT
        shown.styleAt(line.indexOf('start')) == GroovyHighlighter.VERB
        shown.styleAt(line.indexOf('lit-h100')) == GroovyHighlighter.STRING
        shown.styleAt(line.indexOf('n =')) == AttributedStyle.DEFAULT
    }

    def "the highlighter marks a meta-command"() {
        expect:
        new GroovyHighlighter({ [] as Set }).highlight(null, ':load x.groovy').styleAt(1) == GroovyHighlighter.META
    }
}
