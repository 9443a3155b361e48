package dev.lstudio.client

import spock.lang.Specification
import spock.lang.Unroll

/** The catalogue of machine slugs and suggestions for unknown ones. */
class MachinesSpec extends Specification {

    def "every slug the SDK knows today is known"() {
        given: 'the list of api-facts, "Machine slugs the SDK knows today"'
        def sdk = ['cpu-2', 'cpu-4', 'cpu-8', 'cpu-16', 'data-prep-mid', 'data-prep-max-large',
                   'data-prep-ultra-extra-large', 'lit-t4-1-small']
        ['lit-t4-', 'lit-l4-', 'lit-l40s-', 'lit-rtx-6000-pro-', 'lit-a100-', 'lit-a100-40gb-', 'lit-a100-80gb-', 'lit-h100-'].each { p ->
            [1, 2, 4, 8].each { sdk << p + it }
        }
        sdk += ['lit-h200x-1', 'lit-h200x-8', 'lit-b200x-8']

        expect:
        Machines.slugs() as Set == sdk as Set
        Machines.slugs().size() == 43
    }

    @Unroll
    def "#name can be compared with a slug: #comparable"() {
        expect:
        Machines.comparable(name) == comparable

        where:
        name          || comparable
        'lit-h100-8'  || true
        'lit-x-9'     || true
        'cpu-4'       || true
        'p5.48xlarge' || false
        'g4dn.xlarge' || false
        'n2-standard-8' || false
        null          || false
    }

    @Unroll
    def "#slug is #described"() {
        expect:
        Machines.find(slug).get().describe() == described

        where:
        slug              || described
        'cpu-4'           || '4 vCPUs'
        'data-prep-mid'   || 'data prep, 32 vCPUs'
        'lit-h100-8'      || '8x H100'
        'lit-a100-80gb-8' || '8x A100 80GB'
        'lit-t4-1-small'  || '1x T4'
    }

    @Unroll
    def "the nearest known slug to #typed is #nearest"() {
        expect:
        Machines.nearest(typed) == nearest

        where:
        typed          || nearest
        'CPU-4'        || 'cpu-4'
        'cpu4'         || 'cpu-4'
        'lit-h100-16'  || 'lit-h100-1'
        'lit-h200-8'   || 'lit-h200x-8'
        'lit-a10g-1'   || 'lit-a100-1'
    }

    def "an unknown slug gets a warning, a known one in any case none"() {
        expect:
        !Machines.warning('lit-l4-2').present
        !Machines.warning('LIT-L4-2').present
        Machines.warning('lit-l4-3').get() == "machine 'lit-l4-3' is not one lstudio knows; the server took it"
    }

    def "a refused unknown slug is one line with the one nearest slug, not the list"() {
        expect:
        Machines.refused('lit-l4-3') == "machine 'lit-l4-3' is not one the server knows: did you mean 'lit-l4-1'?"
    }

    @Unroll
    def "#given is sent as #sent"() {
        expect:
        Machines.slug(given) == sent

        where:
        given          || sent
        'LIT-H100-1'   || 'lit-h100-1'
        ' Cpu-4 '      || 'cpu-4'
        null           || 'cpu-4'
        ''             || 'cpu-4'
    }
}
