package dev.lstudio.client

import spock.lang.Specification
import spock.lang.Unroll

/** The catalogue of machine slugs and suggestions for unknown ones. */
class MachinesSpec extends Specification {

    def "every slug of the reference and the SDK is known"() {
        expect:
        Machines.slugs().containsAll(['cpu-2', 'cpu-4', 'cpu-8', 'cpu-16', 'data-prep-mid', 'data-prep-max-large',
                'data-prep-ultra-extra-large', 'lit-t4-1-small', 'lit-t4-1', 'lit-t4-2', 'lit-t4-4', 'lit-t4-8',
                'lit-l4-1', 'lit-l4-4', 'lit-l40s-1', 'lit-l40s-4', 'lit-l40s-8', 'lit-rtx-6000-pro-1',
                'lit-rtx-6000-pro-8', 'lit-a100-1', 'lit-a100-8', 'lit-a100-40gb-1', 'lit-a100-40gb-8',
                'lit-a100-80gb-1', 'lit-a100-80gb-8', 'lit-h100-1', 'lit-h100-8', 'lit-h200x-1', 'lit-h200x-8', 'lit-b200x-8'])
        Machines.slugs().size() == 30
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
        'lit-h100-2'   || 'lit-h100-1'
        'lit-h200-8'   || 'lit-h200x-8'
        'lit-a10g-1'   || 'lit-a100-1'
    }

    def "an unknown slug gets a warning, a known one none"() {
        expect:
        !Machines.warning('lit-l4-1').present
        Machines.warning('lit-l4-2').get().startsWith("machine 'lit-l4-2' is not one lstudio knows; sending it as given (did you mean 'lit-l4-1'?")
    }
}
