package dev.lstudio.client

/** Remote paths are root-relative; what climbs out of the root is refused with what to give instead. */
class RemotePathsSpec extends spock.lang.Specification {

    def "'#given' is '#path'"() {
        expect:
        RemotePaths.normalize(given, 's') == path

        where:
        given                                           || path
        'data/train.csv'                                || 'data/train.csv'
        '/data/train.csv'                               || 'data/train.csv'
        '/teamspace/studios/this_studio/data/x'         || 'data/x'
        '/teamspace/studios/this_studio'                || ''
        '/teamspace/studios/this_studio/'               || ''
        'out//a/./b/'                                   || 'out/a/b'
        ''                                              || ''
        null                                            || ''
        '/'                                             || ''
        'a\\b'                                          || 'a/b'
    }

    def "'#given' is refused: #why"() {
        when:
        RemotePaths.normalize(given, 's')

        then:
        FileTransferException e = thrown()
        e.kind() == Failure.REFUSED_VALUE
        e.message.contains(why)
        e.message.contains('give a path relative to /teamspace/studios/this_studio, e.g. s:data/train.csv')
        !e.message.contains('\n')

        where:
        given                                      || why
        '../etc/passwd'                            || "'..'"
        'data/../../x'                             || "'..'"
        '/teamspace/studios/other_studio/x'        || 'outside'
        '/home/zeus/x'                             || 'outside'
        '/etc/hosts'                               || 'outside'
    }

    def "a path in folder form is blank, the root or ends in '/'"() {
        expect:
        RemotePaths.folderForm(given) == folder

        where:
        given        || folder
        'out/'       || true
        ''           || true
        null         || true
        'out'        || false
        'out/m.bin'  || false
    }
}
