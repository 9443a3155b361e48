package dev.lstudio.cli

import java.nio.charset.StandardCharsets
import spock.lang.Specification

/** The stdout half of {@link Redaction}: masked, live, and byte for byte otherwise, however the output is split. */
class RedactionStreamSpec extends Specification {
    static final String KEY = 'lsk-Str3am-distinctive-77'

    Redaction redaction = Redaction.none().add(new Redaction.Mask() {
        String redact(String text) { text.replace(KEY, '****') }

        int partialAtEnd(CharSequence text) {
            (Math.min(text.length(), KEY.length() - 1)..0).find { n -> n == 0 || text.toString().endsWith(KEY.substring(0, n)) }
        }
    })
    ByteArrayOutputStream sink = new ByteArrayOutputStream()
    Redaction.Held stream = redaction.stream(sink)

    String getShown() { sink.toString(StandardCharsets.UTF_8) }

    def "a key written one byte at a time is masked; the bytes around it pass unchanged"() {
        given:
        byte[] bytes = "é ✓ $KEY\u0000end\n".getBytes(StandardCharsets.UTF_8)

        when:
        bytes.each { stream.write(it as int); stream.flush() }

        then:
        shown == 'é ✓ ****\u0000end\n'
    }

    def "only a tail that could begin the key waits, and the end of the run lets it out"() {
        when:
        stream.write('progress 50%'.bytes)
        stream.flush()

        then: 'nothing waits'
        shown == 'progress 50%'

        when:
        stream.write(' lsk-St'.bytes)
        stream.flush()

        then: 'what could begin the key waits for the next piece'
        shown == 'progress 50% '

        when:
        stream.release()

        then:
        shown == 'progress 50% lsk-St'
    }
}
