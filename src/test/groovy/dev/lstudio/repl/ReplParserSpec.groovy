package dev.lstudio.repl

import org.jline.reader.EOFError
import org.jline.reader.Parser.ParseContext
import spock.lang.Specification

class ReplParserSpec extends Specification {
    def parser = new ReplParser()

    def "Enter on #input asks for more, waiting for #missing"() {
        when:
        parser.parse(input, input.length(), ParseContext.ACCEPT_LINE)

        then:
        EOFError e = thrown()
        e.missing == missing

        where:
        input                                  || missing
        "studio('x') {"                        || '}'
        "studio('x') {\n  start 'cpu-4'"       || '}'
        "[1, 2,"                               || ']'
        "println(1 +"                          || ')'
        "'''first line"                        || "'''"
        '"""a ${x} b'                          || '"""'
        '"total: ${ [1, 2].collect {'          || '}'
        '/* a comment'                         || '*/'
        '$/dollar slashy'                      || '/$'
        "def f() { // a } in a comment"        || '}'
        "x = '}' + { it"                       || '}'
    }

    def "Enter on #input submits it"() {
        when:
        def line = parser.parse(input, input.length(), ParseContext.ACCEPT_LINE)

        then:
        line.line() == input

        where:
        input << [
                "studio('x') { start 'cpu-4'; exec 'nvidia-smi'; stop() }",
                "println 'unterminated",            // Groovy never continues a '...' string; the compiler says why
                "foo())",                           // unbalanced: the compiler says why
                "x = 10 / 2 / 5",
                'y = /a{b(/',                       // brackets in a regex do not count
                '"${ "}" }"',                       // nor in a string inside an interpolation
                "// studio('x') {",
                "'''one\ntwo'''",
                "",
                ":load my file.groovy",
        ]
    }

    def "a meta-command line splits into words"() {
        expect:
        parser.parse(':teamspace my-team', 18, ParseContext.COMPLETE).words() == [':teamspace', 'my-team']
    }
}
