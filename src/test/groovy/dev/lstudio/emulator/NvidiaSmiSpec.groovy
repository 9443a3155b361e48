package dev.lstudio.emulator

import spock.lang.Shared

/** A GPU studio's nvidia-smi shows its GPUs; a CPU studio has none. */
class NvidiaSmiSpec extends WithEmulator {
    @Shared
    int made

    Map on(String machine) {
        def s = api.create("smi-${++made}-$machine")
        api.startAndWait(s, machine)
        s
    }

    def "nvidia-smi on #machine shows #count x #model with #memory MiB each"() {
        when:
        def r = api.exec(on(machine), 'nvidia-smi')
        def rows = r.output.readLines().findAll { it =~ /^\|\s+\d+\s+\S/ }

        then:
        r.exitCode == 0
        r.output.contains('NVIDIA-SMI')
        r.output.contains('Driver Version:')
        rows.size() == count
        rows.every { it.contains(model.take(25)) }
        r.output.count("${memory}MiB") == count
        r.output.readLines().findAll { it.startsWith('|') || it.startsWith('+') }*.length().unique() == [91]

        where:
        machine           || model                     | count | memory
        'lit-h100-1'      || 'NVIDIA H100 80GB HBM3'   | 1     | 81559
        'lit-h100-8'      || 'NVIDIA H100 80GB HBM3'   | 8     | 81559
        'lit-t4-1'        || 'Tesla T4'                | 1     | 15360
        'lit-t4-4'        || 'Tesla T4'                | 4     | 15360
        'lit-l4-1'        || 'NVIDIA L4'               | 1     | 23034
        'lit-a100-8'      || 'NVIDIA A100-SXM4-40GB'   | 8     | 40960
        'lit-a100-80gb-8' || 'NVIDIA A100-SXM4-80GB'   | 8     | 81920
        'lit-h200x-1'     || 'NVIDIA H200'             | 1     | 143771
        'lit-b200x-8'     || 'NVIDIA B200'             | 8     | 183359
        'lit-l40s-4'      || 'NVIDIA L40S'             | 4     | 46068
    }

    def "nvidia-smi -L and --query-gpu answer like the real tool"() {
        given:
        def s = on('lit-l4-4')

        expect:
        api.exec(s, 'nvidia-smi -L').output.readLines().collect { it.replaceAll(/ \(UUID.*/, '') } ==
                (0..3).collect { "GPU $it: NVIDIA L4" }
        api.exec(s, 'nvidia-smi --query-gpu=name,memory.total --format=csv,noheader').output ==
                'NVIDIA L4, 23034 MiB\n' * 4
        api.exec(s, 'nvidia-smi --query-gpu=index,memory.total --format=csv,nounits').output ==
                'index, memory.total\n0, 23034\n1, 23034\n2, 23034\n3, 23034\n'
        api.exec(s, 'nvidia-smi --query-gpu=bogus --format=csv').exitCode == 2
    }

    def "on CPU machine #machine nvidia-smi is not found (exit 127)"() {
        when:
        def r = api.exec(on(machine), 'nvidia-smi')

        then:
        r.exitCode == 127
        r.output.contains('not found')

        where:
        machine << ['cpu-4', 'cpu-16', 'data-prep-mid']
    }

    def "after switching from a GPU machine to a CPU one, nvidia-smi is gone"() {
        given:
        def s = on('lit-t4-1')

        when:
        api.ok('PUT', api.path(s, 'codeconfig'), [compute_config: [name: 'cpu-8']])
        Api.waitFor('requested ready') { api.codeStatus(s).requested?.startupStatus?.initialRestoreFinished }
        api.ok('POST', api.path(s, 'switch-confirm'))

        then:
        api.exec(s, 'nvidia-smi').exitCode == 127
    }
}
