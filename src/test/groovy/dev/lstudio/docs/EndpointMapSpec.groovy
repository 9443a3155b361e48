package dev.lstudio.docs

import dev.lstudio.api.LightningApi
import dev.lstudio.client.LightningClient
import dev.lstudio.client.Studio
import java.nio.file.Files
import java.nio.file.Path
import retrofit2.http.DELETE
import retrofit2.http.GET
import retrofit2.http.POST
import retrofit2.http.PUT
import spock.lang.Shared
import spock.lang.Specification

/**
 * dsl-docs/endpoints.md maps each REST endpoint to its DSL verb and client methods. Checked
 * against the code: every endpoint the Retrofit interface declares is on the page, every
 * endpoint on the page is declared, and every method the page names exists.
 */
class EndpointMapSpec extends Specification {
    static final Map<Class, String> HTTP = [(GET): 'GET', (POST): 'POST', (PUT): 'PUT', (DELETE): 'DELETE']

    @Shared
    String page = Files.readString(Path.of('dsl-docs', 'endpoints.md'))

    def "the page and the Retrofit interface list the same endpoints"() {
        expect:
        declared().size() >= 30
        documented() == declared()
    }

    def "every #owner.#method the page names exists on #type.simpleName"() {
        expect:
        type.methods*.name.contains(method)

        where:
        [owner, method] << (page =~ /`?(api|client|studio)\.([a-zA-Z]+)\(/).collect { [it[1], it[2]] }.unique()
        type = [api: LightningApi, client: LightningClient, studio: Studio][owner]
    }

    /** "GET /v1/projects/{}/cloudspaces" for each endpoint of the service interface. */
    static Set<String> declared() {
        Class service = Class.forName('dev.lstudio.api.StudiosService')
        service.declaredMethods.collectMany { m ->
            HTTP.findResults { type, verb ->
                def annotation = m.getAnnotation(type)
                annotation ? "$verb /${normalize(annotation.value())}".toString() : null
            }
        } as Set
    }

    Set<String> documented() {
        (page =~ /\| `(GET|POST|PUT|DELETE) (\/v1\/[^`?]+)(\?[^`]*)?`/).collect { "${it[1]} /${normalize(it[2])}".toString() } as Set
    }

    /** Path parameters are named differently on the page ({p}) and in the code ({projectId}). */
    static String normalize(String path) {
        path.replaceAll(/\{[^}]*}/, '{}').replaceAll('^/', '')
    }
}
