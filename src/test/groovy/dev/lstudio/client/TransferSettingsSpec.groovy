package dev.lstudio.client

import spock.lang.Specification

/** The SDK's multipart settings, read from the environment as the SDK reads them. */
class TransferSettingsSpec extends Specification {
    static TransferOptions from(Map<String, String> vars) {
        TransferOptions.from(vars)
    }

    def "without settings, multipart starts above 100 MiB in parts of 100 MiB"() {
        expect:
        from([:]).multipartThreshold() == 100L << 20
        from([:]).partSize() == 100L << 20
    }

    def "the SDK's variables set the threshold and the part size"() {
        when:
        def o = from([LIGHTNING_MULTIPART_THRESHOLD: '10485760', LIGHTNING_MULTI_PART_PART_SIZE: '5242880'])

        then:
        o.multipartThreshold() == 10L << 20
        o.partSize() == 5L << 20
    }

    def "a value that is no size is one line naming the variable and what to use, a setting mistake (exit 2)"() {
        when:
        from([(name): value])

        then:
        FileTransferException e = thrown()
        e.kind() == Failure.SETTING
        e.message.startsWith(message)

        where:
        name                             | value     || message
        'LIGHTNING_MULTIPART_THRESHOLD'  | '100MB'   || "LIGHTNING_MULTIPART_THRESHOLD='100MB' is not a size in bytes: use e.g. LIGHTNING_MULTIPART_THRESHOLD=104857600"
        'LIGHTNING_MULTI_PART_PART_SIZE' | '-1'      || "LIGHTNING_MULTI_PART_PART_SIZE='-1' is not a size in bytes"
        'LIGHTNING_MULTI_PART_PART_SIZE' | '1048576' || 'LIGHTNING_MULTI_PART_PART_SIZE=1048576 is below 5 MiB, the smallest part storage takes'
    }
}
