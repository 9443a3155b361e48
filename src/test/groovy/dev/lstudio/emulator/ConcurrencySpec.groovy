package dev.lstudio.emulator

import groovy.json.JsonSlurper
import java.util.concurrent.Callable
import java.util.concurrent.Executors
import spock.lang.AutoCleanup
import spock.lang.Shared

/** Many clients at once: nothing is lost, nothing is done twice. */
class ConcurrencySpec extends WithEmulator {
    static final int THREADS = 16

    @Shared
    @AutoCleanup('shutdownNow')
    def pool = Executors.newFixedThreadPool(THREADS)

    /** Runs the task on every thread at once and returns their answers. */
    def <T> List<T> together(int n = THREADS, Closure<T> task) {
        pool.invokeAll((0..<n).collect { int i -> { -> task(i) } as Callable<T> })*.get()
    }

    List<Map> allStudios() {
        List<Map> all = []
        String token = ''
        while (true) {
            def r = api.ok('GET', "${api.studios()}?userId=${emu.userId()}&limit=50" + (token ? "&pageToken=$token" : ''))
            all.addAll(r.cloudspaces)
            token = r.nextPageToken
            if (!token) {
                return all
            }
        }
    }

    def "studios created from many threads at once are all there, in memory and on disk"() {
        when:
        together { int t -> (0..<10).each { api.create("burst-$t-$it") } }
        def names = allStudios()*.name.findAll { it.startsWith('burst-') }

        then:
        names.size() == THREADS * 10
        names.toSet().size() == THREADS * 10
        new JsonSlurper().parse(state.resolve('state.json').toFile()).studios*.name.findAll { it.startsWith('burst-') }
                .toSet() == names.toSet()
    }

    def "when many threads create the same name at once exactly one wins"() {
        when:
        def codes = together { api.post(api.studios(), [name: 'contested']).status }

        then:
        codes.count(200) == 1
        codes.count(409) == THREADS - 1
    }

    def "concurrent updates to different studios are none of them lost"() {
        given:
        List<Map> studios = (0..<THREADS).collect { api.create("upd-$it") }

        when:
        together { int t ->
            (1..20).each { n ->
                api.ok('PUT', api.path(studios[t]), [displayName: "v$n", env: [[name: 'N', value: "$n"]]])
            }
        }

        then:
        studios.every { s ->
            def now = api.ok('GET', api.path(s))
            now.displayName == 'v20' && now.env == [[name: 'N', value: '20', fromSecret: false]]
        }
    }

    def "a start sent by many threads at once starts one instance"() {
        given:
        def s = api.create('start-race')

        when:
        def codes = together { api.post(api.path(s, 'start'), [compute_config: [name: 'cpu-4']]).status }

        then:
        codes.every { it == 200 }
        api.codeStatus(s).inUse.phase == 'CLOUD_SPACE_INSTANCE_STATE_RUNNING'
    }

    def "commands executed from many threads each run exactly once with their own output"() {
        given:
        def s = api.create('exec-race')
        api.startAndWait(s)

        when:
        def outputs = together(THREADS) { int t -> (0..<5).collect { api.exec(s, "echo t$t-$it").output } }

        then:
        outputs.flatten() == (0..<THREADS).collectMany { t -> (0..<5).collect { "t$t-$it\n".toString() } }
        def counted = api.admin('commands').studios.find { it.id == s.id }
        counted.executed == THREADS * 5
        counted.commands*.count.every { it == 1 }
    }
}
