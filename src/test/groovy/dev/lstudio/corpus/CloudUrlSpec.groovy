package dev.lstudio.corpus

import dev.lstudio.testing.EmulatorLstudioSpec
import spock.lang.Timeout

/**
 * Issue 14, item 4: a LIGHTNING_CLOUD_URL lstudio cannot use is a mistake in how it was called,
 * found before any call (the emulator sees no request): exit 2 and one line with the value to use,
 * not exit 3 as if the credentials were wrong, nor a 404 for /v1/v1/auth/user.
 */
@Timeout(120)
class CloudUrlSpec extends EmulatorLstudioSpec {
    String getHostAndPort() { emulator.baseUrl.replaceFirst('^http://', '').replaceFirst('/$', '') }

    def "LIGHTNING_CLOUD_URL #what: exit 2 before any call, with the value to use"() {
        given:
        String value = given.replace('HOST', hostAndPort)

        when:
        int exit = lstudio(['-e', "println 'script ran'; studios()"], emulator.env + [LIGHTNING_CLOUD_URL: value])

        then:
        exit == 2
        theError == "lstudio: LIGHTNING_CLOUD_URL=$value ${says.replace('HOST', hostAndPort)}"
        !stdout.contains('script ran')
        emulator.requests().requests.findAll { !it.key.contains('_emulator') }.isEmpty()

        where:
        what                      | given                  || says
        'without a scheme'        | 'HOST'                 || 'has no scheme: use http://HOST'
        'with a path after it'    | 'http://HOST/v1'       || "has a path after the host, but lstudio adds the API's paths (/v1/...) itself: use http://HOST"
        'not a URL at all'        | 'lightning'            || 'is not a URL: use e.g. https://lightning.ai'
        'of another scheme'       | 'ftp://HOST'           || 'is not an http(s) URL: use e.g. https://lightning.ai'
    }

    def "a host without a scheme that is not local is suggested with https"() {
        when:
        int exit = lstudio(['-e', 'studios()'], emulator.env + [LIGHTNING_CLOUD_URL: 'lightning.ai'])

        then:
        exit == 2
        theError == 'lstudio: LIGHTNING_CLOUD_URL=lightning.ai has no scheme: use https://lightning.ai'
    }

    def "the URL the emulator prints, with or without the trailing slash, works"() {
        expect:
        lstudio(['-e', 'studios()'], emulator.env + [LIGHTNING_CLOUD_URL: url]) == 0

        where:
        url << [emulatorUrl(true), emulatorUrl(false)]
    }

    private String emulatorUrl(boolean slash) {
        slash ? emulator.baseUrl : emulator.baseUrl.replaceFirst('/$', '')
    }
}
