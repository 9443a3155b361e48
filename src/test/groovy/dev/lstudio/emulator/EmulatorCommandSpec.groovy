package dev.lstudio.emulator

import groovy.json.JsonSlurper
import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit
import picocli.CommandLine
import spock.lang.Specification
import spock.lang.TempDir

/** The `emulator` command, run as its own process the way a user (or the lstudio CLI) runs it. */
class EmulatorCommandSpec extends Specification {
    @TempDir
    Path state

    Process process

    def cleanup() {
        process?.destroyForcibly()
    }

    static Process launch(String... args) {
        String java = Path.of(System.getProperty('java.home'), 'bin', 'java').toString()
        def command = [java, '-cp', System.getProperty('java.class.path'), EmulatorCommand.name] + args.toList()
        new ProcessBuilder(command).start()
    }

    def "it prints its base URL and the export lines, serves the API, and shuts down cleanly on SIGTERM"() {
        when:
        process = launch('--port', '0', '--state-dir', state.toString(), '--user-id', 'cli-user', '--api-key', 'cli-key',
                '--username', 'carol', '--teamspace', 'alpha', '--teamspace', 'beta', '--start-delay', '0s',
                '--stop-delay', '500ms')
        def out = new BufferedReader(new InputStreamReader(process.inputStream))
        List<String> lines = (1..4).collect { out.readLine() }
        String url = (lines[0] =~ /listening on (http:\/\/127\.0\.0\.1:\d+\/)$/)[0][1]

        then:
        lines[1] == "export LIGHTNING_CLOUD_URL=${url[0..-2]}"
        lines[2] == 'export LIGHTNING_USER_ID=cli-user'
        lines[3] == 'export LIGHTNING_API_KEY=cli-key'

        when:
        def conn = new URL(url + 'v1/memberships').openConnection()
        conn.setRequestProperty('Authorization', 'Basic ' + 'cli-user:cli-key'.bytes.encodeBase64())
        def memberships = new JsonSlurper().parse(conn.inputStream).memberships

        then:
        memberships*.name == ['alpha', 'beta']

        when:
        process.destroy()

        then: 'it exits and lets go of the state directory'
        process.waitFor(60, TimeUnit.SECONDS)
        Files.exists(state.resolve('state.json'))
        def again = Emulator.builder().stateDir(state).build().start()
        again.userId() == 'cli-user'

        cleanup:
        again?.close()
    }

    def "a corrupt state file makes it exit with status 2 and a one-line reason"() {
        given:
        Files.writeString(state.resolve('state.json'), '{ nope')

        when:
        process = launch('--port', '0', '--state-dir', state.toString())
        boolean ended = process.waitFor(60, TimeUnit.SECONDS)
        String err = process.errorStream.text

        then:
        ended
        process.exitValue() == 2
        err.readLines().size() == 1
        err.contains('corrupt')
    }

    def "a bad #option value is refused with exit status 2 and a message naming it"() {
        given:
        def err = new StringWriter()
        def cli = new CommandLine(new EmulatorCommand()).setErr(new PrintWriter(err))

        expect:
        cli.execute(option, value) == 2
        err.toString().contains(hint)

        where:
        option          | value                  || hint
        '--start-delay' | 'soon'                 || '500ms'
        '--stop-delay'  | '-1s'                  || '--stop-delay'
        '--fault'       | '/v1/** 503:2'         || 'between 0 and 1'
        '--teamspace'   | 'bad name!'            || 'not valid'
        '--port'        | '99999'                || 'port'
        '--url-ttl'     | 'forever'              || '500ms'
        '--url-ttl'     | '0s'                   || 'url ttl must be more than zero'
    }

    def "--help lists the options and the fault syntax"() {
        given:
        def out = new StringWriter()
        def cli = new CommandLine(new EmulatorCommand()).setOut(new PrintWriter(out))

        expect:
        cli.execute('--help') == 0
        ['--port', '--state-dir', '--user-id', '--api-key', '--username', '--teamspace', '--start-delay', '--stop-delay',
         '--switch-delay', '--fault', '--seed', '--strict', '--no-teammate', '--time-scale', '--url-ttl', 'shared-box',
         '/_emulator/', 'drop-part|expired|short-body']
                .every { out.toString().contains(it) }
    }

    def "--strict and --no-teammate reach the emulator"() {
        given:
        def cmd = new EmulatorCommand()
        new CommandLine(cmd).parseArgs('--strict', '--no-teammate')
        def plain = new EmulatorCommand()
        new CommandLine(plain).parseArgs()

        expect:
        cmd.strict && cmd.noTeammate
        !plain.strict && !plain.noTeammate
    }

    def "--url-ttl reads a duration and defaults to 15 minutes"() {
        given:
        def cmd = new EmulatorCommand()
        new CommandLine(cmd).parseArgs('--url-ttl', '90s')
        def plain = new EmulatorCommand()
        new CommandLine(plain).parseArgs()

        expect:
        cmd.urlTtl == java.time.Duration.ofSeconds(90)
        plain.urlTtl == java.time.Duration.ofMinutes(15)
    }
}
