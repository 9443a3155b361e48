package dev.lstudio.bench

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.FileTime
import java.time.Instant
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Timeout

/**
 * scripts/lib/jvm-opts.sh through scripts/lstudio, in a scratch checkout with a stand-in java: it
 * "records" an archive when asked to (writes the file) and otherwise prints the command it was given.
 */
@Timeout(60)
class JvmOptsSpec extends Specification {
    @TempDir
    Path tmp
    Path root
    Path jar

    def setup() {
        root = tmp.resolve('checkout')
        Files.createDirectories(root.resolve('scripts/lib'))
        Files.createDirectories(root.resolve('target'))
        Files.copy(Path.of('scripts/lstudio'), root.resolve('scripts/lstudio'))
        Files.copy(Path.of('scripts/lib/jvm-opts.sh'), root.resolve('scripts/lib/jvm-opts.sh'))
        jar = Files.writeString(root.resolve('target/lstudio.jar'), 'jar')
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)))
    }

    /** A JDK folder whose release file says {@code version}, with a java that fakes recording. */
    Path jdk(String version) {
        Path home = tmp.resolve("jdk-$version")
        Files.createDirectories(home.resolve('bin'))
        Files.writeString(home.resolve('release'), "JAVA_VERSION=\"$version\"\n")
        Path java = home.resolve('bin/java')
        Files.writeString(java, '''#!/usr/bin/env bash
for a in "$@"; do
  case $a in
    -XX:ArchiveClassesAtExit=*|-XX:AOTCacheOutput=*)
      echo "recorded: $*" >>"$(dirname "$0")/../trainings"
      [[ -n ${FAIL_TRAINING:-} ]] && exit 1
      echo archive >"${a#*=}"; exit 0 ;;
  esac
done
echo "run: $*"
''')
        java.toFile().setExecutable(true)
        java
    }

    Map launch(Path java, Map<String, String> env = [:]) {
        def pb = new ProcessBuilder('bash', root.resolve('scripts/lstudio').toString(), '--version')
        pb.environment().putAll([LSTUDIO_JAVA: java.toString()] + env)
        def p = pb.start()
        def out = p.inputStream.text
        def err = p.errorStream.text
        [exit: p.waitFor(), out: out.trim(), err: err]
    }

    int trainings(Path java) {
        def log = java.parent.resolve('../trainings')
        Files.exists(log) ? Files.readAllLines(log).size() : 0
    }

    def "on JDK 17 the first run records an AppCDS archive once, and every run uses it with the kept flags"() {
        given:
        def java = jdk('17.0.9')

        when:
        def first = launch(java)
        def second = launch(java)

        then:
        first.err.contains('lstudio: recording a start-up archive for this build and Java 17')
        trainings(java) == 1
        [first, second].every {
            it.out.startsWith('run: -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -XX:SharedArchiveFile=')
                    && it.out.endsWith("-jar ${jar} --version")
        }
        !second.err.contains('recording')
    }

    def "on JDK 25 it records and uses the AOT cache"() {
        given:
        def java = jdk('25.0.1')

        when:
        def run = launch(java)

        then:
        run.out =~ /-XX:AOTCache=\S+\.aot /
        Files.readString(java.parent.resolve('../trainings')).contains('dev.lstudio.cli.StartupTraining')
    }

    def "a rebuilt jar gets a new archive"() {
        given:
        def java = jdk('17.0.9')
        launch(java)

        when:
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(5)))
        launch(java)

        then:
        trainings(java) == 2
    }

    def "LSTUDIO_CDS=off and LSTUDIO_JVM_FLAGS turn the archive and the speed flags off; UTF-8 stays, since it is about correctness"() {
        given:
        def java = jdk('17.0.9')

        when:
        def run = launch(java, [LSTUDIO_CDS: 'off', LSTUDIO_JVM_FLAGS: ''])

        then:
        run.out == "run: -Dfile.encoding=UTF-8 -Dsun.stdout.encoding=UTF-8 -Dsun.stderr.encoding=UTF-8 " +
                "-Dstdout.encoding=UTF-8 -Dstderr.encoding=UTF-8 -jar ${jar} --version"
        trainings(java) == 0
    }

    def "a failed recording is said once, the run goes on without an archive, and it is not retried for the same jar"() {
        given:
        def java = jdk('17.0.9')

        when:
        def first = launch(java, [FAIL_TRAINING: '1'])
        def second = launch(java, [FAIL_TRAINING: '1'])

        then:
        first.exit == 0
        first.err.contains('could not record the start-up archive')
        !first.out.contains('SharedArchiveFile')
        second.out == first.out
        trainings(java) == 1
    }
}
