package dev.lstudio.cli

import spock.lang.Specification

class MainSpec extends Specification {
    def "the entry point runs"() {
        when:
        Main.main([] as String[])
        then:
        noExceptionThrown()
    }
}
