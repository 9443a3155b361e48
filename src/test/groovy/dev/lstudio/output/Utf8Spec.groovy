package dev.lstudio.output

import dev.lstudio.cli.Main
import dev.lstudio.testing.EmulatorLstudioSpec
import dev.lstudio.testing.Lstudio
import groovy.json.JsonSlurper
import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.FileTime
import java.time.Instant
import spock.lang.Timeout

/**
 * Non-ASCII text survives whatever the locale, both ways: the command sent to the studio, its
 * output, the log lines and --json. Under cron there is no LANG, and a JVM left to the "C" locale
 * decodes its arguments and encodes its streams as ASCII ('héllo' becomes 'h??llo').
 */
@Timeout(120)
class Utf8Spec extends EmulatorLstudioSpec {
    static final String TEXT = 'héllo wörld 日本語'
    static final String SCRIPT = "studio('u', create: true) { start 'cpu-4'; exec 'echo $TEXT'; stop() }"

    def "under env -i (no locale, as cron runs it) the launcher keeps #how intact, sent and printed"() {
        given:
        Path root = checkout()
        Files.writeString(home.resolve('tâche.groovy'), SCRIPT)

        when:
        def run = underEnvI(root, args)

        then: 'the emulator ran the command as written'
        run.exit == 0
        emulator.commands('u') == ["echo $TEXT".toString()]

        and: 'its output and the log line naming it came back whole'
        run.stdout.readLines() == [TEXT]
        run.stderr.readLines().any { it ==~ Lstudio.LOG_LINE && it.endsWith("u: exec echo $TEXT") }

        where:
        how                                | args
        'a command given with -e'          | ['-e', SCRIPT]
        'a script file with such a name'   | ['run', 'tâche.groovy']
    }

    def "log lines and --json are UTF-8 even on streams of the locale's ASCII"() {
        given: 'stdout and stderr as a JVM in the C locale makes them'
        def out = new ByteArrayOutputStream()
        def err = new ByteArrayOutputStream()

        when:
        int exit = Main.execute(['--json', '-e', SCRIPT] as String[], new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.US_ASCII), new PrintStream(err, true, StandardCharsets.US_ASCII),
                launcher.base + emulator.env)
        def stdout = out.toString(StandardCharsets.UTF_8)
        def stderr = err.toString(StandardCharsets.UTF_8)

        then:
        exit == 0
        stderr.readLines().any { it ==~ Lstudio.LOG_LINE && it.endsWith("u: exec echo $TEXT") }
        stderr.readLines().any { it.endsWith(TEXT) } // the command's output, which --json sends to the log
        def exec = stdout.readLines().collect { new JsonSlurper().parseText(it) }.find { it.command }
        exec.command == "echo $TEXT"
        exec.output == "$TEXT\n"
    }

    /** A checkout holding the real launcher and a fresh jar, so that it builds nothing. */
    private Path checkout() {
        Path root = home.resolve('checkout')
        Files.createDirectories(root.resolve('scripts'))
        Files.createDirectories(root.resolve('target'))
        Files.copy(Path.of('scripts', 'lstudio'), root.resolve('scripts/lstudio'))
        root.resolve('scripts/lstudio').toFile().setExecutable(true)
        Path jar = root.resolve('target/lstudio.jar')
        Files.writeString(jar, 'stands for the jar: the java below runs the classes under test')
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)))
        root
    }

    /**
     * scripts/lstudio under {@code env -i}: PATH, HOME and the emulator only. Its java is this
     * JVM's, handed the launcher's options and this classpath instead of the jar.
     */
    private Lstudio.Run underEnvI(Path root, List<String> args) {
        Path java = home.resolve('java')
        Files.writeString(java, """\
            #!/bin/sh
            skip=0
            for a do
              shift
              if [ "\$skip" = 1 ]; then skip=0; set -- "\$@" -cp '${System.getProperty('java.class.path')}' dev.lstudio.cli.Main; continue; fi
              if [ "\$a" = -jar ]; then skip=1; continue; fi
              set -- "\$@" "\$a"
            done
            exec '${Path.of(System.getProperty('java.home'), 'bin', 'java')}' "\$@"
            """.stripIndent())
        java.toFile().setExecutable(true)
        def command = ['env', '-i', "PATH=${System.getenv('PATH')}", "HOME=$home", "LSTUDIO_HOME=$home",
                       "LSTUDIO_JAVA=$java"] + emulator.env.collect { k, v -> "$k=$v" } +
                [root.resolve('scripts/lstudio').toString()] + args
        def process = new ProcessBuilder(command*.toString()).directory(home.toFile()).start()
        def out = new ByteArrayOutputStream()
        def err = new ByteArrayOutputStream()
        process.waitForProcessOutput(out, err)
        new Lstudio.Run(process.waitFor(), out.toString('UTF-8'), err.toString('UTF-8'))
    }
}
