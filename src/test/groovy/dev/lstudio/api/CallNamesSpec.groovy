package dev.lstudio.api

import spock.lang.Specification

/** Issue 14, item 4: a failed call is told in words; the path with its ids is for --debug. */
class CallNamesSpec extends Specification {

    def "#method #path reads as '#words'"() {
        expect:
        CallNames.of(method, path) == words

        where:
        method   | path                                                  || words
        'POST'   | '/v1/projects/p1/cloudspaces/s1/stop'                 || 'the stop request'
        'POST'   | '/v1/projects/p1/cloudspaces/s1/execute'              || 'running the command'
        'GET'    | '/v1/projects/p1/cloudspaces/s1/execute/sess/stream'  || 'following the command'
        'GET'    | '/v1/projects/p1/cloudspaces/s1/codestatus'           || 'reading the status'
        'GET'    | '/v1/projects/p1/cloudspaces'                         || 'listing Studios'
        'POST'   | '/v1/projects/p1/cloudspaces'                         || 'creating the Studio'
        'DELETE' | '/v1/projects/p1/cloudspaces/s1'                      || 'deleting the Studio'
        'PUT'    | '/v1/projects/p1/cloudspaces/s1/codeconfig'           || 'the machine switch'
        'GET'    | '/v1/memberships'                                     || 'listing teamspaces'
        'GET'    | '/v1/auth/user'                                       || 'checking the credentials'
        'PATCH'  | '/v1/somewhere/new'                                   || 'the PATCH request'
    }
}
