package dev.lstudio.docs

import dev.lstudio.cli.Commands
import java.nio.file.Files
import java.nio.file.Path
import org.yaml.snakeyaml.Yaml
import picocli.CommandLine
import spock.lang.Specification

/**
 * The scheduler examples of dsl-docs/schedulers.md work as written: each YAML block parses (a
 * Kubernetes CronJob with concurrencyPolicy Forbid and its credentials from a Secret, and a
 * second CronJob for cleanup --shared; a GitHub Actions workflow with a concurrency group), each
 * INI block is a well-formed systemd unit, and every lstudio command line in them is accepted by
 * lstudio's own parser (the one behind --help).
 */
class SchedulersSpec extends Specification {
    static final String PAGE = Files.readString(Path.of('dsl-docs/schedulers.md'))

    static List<String> blocks(String language) {
        (PAGE =~ /(?ms)^```${language}\n(.*?)^```$/).collect { it[1] as String }
    }

    static List<Map> yamlDocuments() {
        blocks('yaml').collectMany { new Yaml().loadAll(it).toList() as List<Map> }
    }

    /** A systemd unit: [Section] headers and Key=Value lines, comments and blank lines; anything else fails. */
    static Map<String, Map<String, List<String>>> ini(String text) {
        Map<String, Map<String, List<String>>> sections = [:]
        String current = null
        text.readLines().eachWithIndex { String line, int i ->
            String t = line.strip()
            if (t.isEmpty() || t.startsWith('#') || t.startsWith(';')) {
                return
            }
            def header = t =~ /^\[([A-Za-z]+)\]$/
            if (header.matches()) {
                current = header.group(1)
                sections[current] = [:]
                return
            }
            def pair = t =~ /^([A-Za-z][A-Za-z0-9]*)=(.*)$/
            assert pair.matches(): "line ${i + 1} is not Key=Value: $line"
            assert current: "line ${i + 1} comes before any [Section]"
            sections[current].computeIfAbsent(pair.group(1)) { [] } << pair.group(2)
        }
        sections
    }

    /** Every lstudio command line of the page's examples, as argument lists. */
    static List<List<String>> lstudioCommands() {
        List<List<String>> found = []
        def walk
        walk = { Object node ->
            if (node instanceof Map) {
                node.each { k, v ->
                    if (k == 'command' && v instanceof List && v[0] == 'lstudio') {
                        found << (v as List<String>)
                    } else if (k == 'run' && v instanceof String && v.strip().startsWith('lstudio ')) {
                        found << words(v.strip())
                    } else {
                        walk(v)
                    }
                }
            } else if (node instanceof List) {
                node.each { walk(it) }
            }
        }
        yamlDocuments().each { walk(it) }
        blocks('ini').each { text ->
            ini(text).values().each { keys -> keys.ExecStart?.each { found << words(it).with { [it[0].replaceFirst('.*/', '')] + it.drop(1) } } }
        }
        found
    }

    static List<String> words(String line) {
        line.split(/\s+/) as List<String>
    }

    def "every YAML example parses, and the Kubernetes ones forbid concurrent runs and read credentials from a Secret"() {
        when:
        def docs = yamlDocuments()
        def cronJobs = docs.findAll { it.kind == 'CronJob' }

        then:
        blocks('yaml').size() == 2
        cronJobs.size() == 2
        cronJobs.every { it.spec.concurrencyPolicy == 'Forbid' }
        cronJobs.every { job ->
            job.spec.jobTemplate.spec.template.spec.containers.every { c -> c.envFrom*.secretRef*.name == ['lightning-credentials'] }
        }
        cronJobs.any { it.spec.jobTemplate.spec.template.spec.containers[0].command[0..2] == ['lstudio', 'cleanup', '--shared'] }
        !PAGE.contains('LIGHTNING_API_KEY: "') // no key written into a manifest
    }

    def "the GitHub Actions workflow has a concurrency group and takes its credentials from secrets"() {
        when:
        def workflow = yamlDocuments().find { it.jobs }

        then:
        workflow.concurrency.group == 'lstudio-nightly-training'
        workflow.jobs.values().every { it.env.LIGHTNING_API_KEY == '${{ secrets.LIGHTNING_API_KEY }}' }
    }

    def "the systemd service and timer are well-formed units"() {
        when:
        def units = blocks('ini').collect { ini(it) }

        then:
        units.size() == 2
        units[0].Service.Type == ['oneshot']
        units[0].Service.ExecStart[0].contains('lstudio run')
        units[1].Timer.OnCalendar == ['*-*-* 02:00:00']
        units[1].Install.WantedBy == ['timers.target']
    }

    def "the INI reader refuses a line that is not Key=Value"() {
        when:
        ini('[Service]\nthis is not a setting')

        then:
        thrown(AssertionError)
    }

    def "every lstudio command line in the examples is accepted by lstudio's parser: #command"() {
        when:
        def parsed = Commands.commandLine().parseArgs(command.drop(1) as String[])

        then:
        notThrown(CommandLine.ParameterException)
        parsed.subcommand() != null
        parsed.subcommand().unmatched().isEmpty()

        where:
        command << lstudioCommands()
    }

    def "the page names the lstudio lines it has: runs and shared cleanups"() {
        when:
        def commands = lstudioCommands()

        then:
        commands.count { it[1] == 'run' } == 3
        commands.count { it[1] == 'cleanup' && '--shared' in it } == 2
    }
}
