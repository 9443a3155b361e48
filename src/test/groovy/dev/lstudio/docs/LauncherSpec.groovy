package dev.lstudio.docs

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.FileTime
import java.nio.file.attribute.PosixFilePermissions
import java.time.Instant
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Timeout

/**
 * scripts/lstudio in a scratch checkout, with a stand-in {@code java} (it prints what it was
 * asked to run, and reports whatever version the test wants) and, when a feature wants one, a
 * stand-in {@code mvn} that "builds" the jar. PATH holds only the tools the launcher needs,
 * so the real Maven is out of reach.
 */
@Timeout(60)
class LauncherSpec extends Specification {
    /** What the launcher gives every JVM, so that output and files are UTF-8 whatever the locale. */
    static final String UTF8 = '-Dfile.encoding=UTF-8 -Dsun.stdout.encoding=UTF-8 -Dsun.stderr.encoding=UTF-8 ' +
            '-Dstdout.encoding=UTF-8 -Dstderr.encoding=UTF-8'
    /** The UTF-8 locale the launcher finds installed here. */
    static final String C_UTF8 = ['C.UTF-8', 'C.utf8'].find { Files.isDirectory(Path.of('/usr/lib/locale', it)) }
    static final List<String> TOOLS = ['bash', 'sh', 'dirname', 'readlink', 'find', 'awk', 'mkdir', 'flock']

    @TempDir
    Path tmp
    Path root
    Path bin
    Path jar

    def setup() {
        root = tmp.resolve('checkout')
        bin = tmp.resolve('bin')
        Files.createDirectories(root.resolve('scripts'))
        Files.createDirectories(root.resolve('src/main/java'))
        Files.createDirectories(root.resolve('dsl-docs'))
        Files.createDirectories(root.resolve('target'))
        Files.createDirectories(bin)
        Files.copy(Path.of('scripts', 'lstudio'), root.resolve('scripts/lstudio'))
        executable(root.resolve('scripts/lstudio'))
        ['pom.xml', 'src/main/java/Main.java', 'dsl-docs/reference.md'].each { Files.writeString(root.resolve(it), 'x') }
        TOOLS.each { tool ->
            def found = ['/usr/bin', '/bin'].collect { Path.of(it, tool) }.find { Files.isExecutable(it) }
            assert found: "$tool is needed by the launcher"
            Files.createSymbolicLink(bin.resolve(tool), found)
        }
        jar = root.resolve('target/lstudio.jar')
    }

    def "through a symlink, from another directory, it runs the jar with the newest Java"() {
        given:
        built(fresh: true)
        def link = tmp.resolve('elsewhere/bin/lstudio')
        Files.createDirectories(link.parent)
        Files.createSymbolicLink(link, root.resolve('scripts/lstudio'))

        when:
        def run = launch(link, ['--version'], [JAVA_HOME: jdk(99).toString()], tmp.resolve('elsewhere'))

        then: 'a JDK that says 99 beats every JDK installed here'
        run.exit == 0
        run.stdout.trim() == "fake-java(99) $UTF8 -jar ${jar} --version"
    }

    def "LSTUDIO_JAVA and LSTUDIO_JAVA_OPTS choose the java and its options"() {
        given:
        built(fresh: true)

        when:
        def run = launch(root.resolve('scripts/lstudio'), ['run', 'job.groovy'],
                [LSTUDIO_JAVA: java(21), LSTUDIO_JAVA_OPTS: '-Xmx64m'])

        then:
        run.stdout.trim() == "fake-java(21) $UTF8 -Xmx64m -jar ${jar} run job.groovy"
    }

    def "with #locale the JVM gets LC_CTYPE '#ctype' and LC_ALL '#all', so that it decodes arguments as UTF-8"() {
        given:
        built(fresh: true)
        Path java = tmp.resolve('locale-java')
        Files.writeString(java, '#!/bin/sh\necho "LC_CTYPE=$LC_CTYPE LC_ALL=$LC_ALL"\n')
        executable(java)

        when:
        def run = launch(root.resolve('scripts/lstudio'), ['--version'], [LSTUDIO_JAVA: java.toString()] + env)

        then:
        run.stdout.trim() == "LC_CTYPE=$ctype LC_ALL=$all"

        where:
        locale                     | env                                || ctype     | all
        'no locale (cron)'         | [:]                                || C_UTF8    | ''
        'LANG=C'                   | [LANG: 'C']                        || C_UTF8    | ''
        'LC_ALL=POSIX'             | [LC_ALL: 'POSIX']                  || ''        | C_UTF8
        'a UTF-8 LANG'             | [LANG: 'fr_FR.UTF-8']              || ''        | ''
    }

    def "a Java older than 17 is never picked"() {
        given:
        built(fresh: true)

        when:
        def run = launch(root.resolve('scripts/lstudio'), ['--version'], [JAVA_HOME: jdk(11).toString()])

        then:
        !run.stdout.contains('fake-java(11)')
    }

    def "on first use it builds the jar, saying so on stderr, then runs it"() {
        given:
        fakeMaven()

        when:
        def run = launch(root.resolve('scripts/lstudio'), ['--help'], [LSTUDIO_JAVA: java(17)])

        then:
        run.exit == 0
        run.stderr.contains("lstudio: building ${jar} (first use or sources changed; takes a minute)...")
        run.stderr.contains('fake-mvn -q -B -DskipTests package')
        run.stdout.trim() == "fake-java(17) $UTF8 -jar ${jar} --help"
    }

    def "a changed #changed makes it rebuild"() {
        given:
        fakeMaven()
        built(fresh: true)
        Files.setLastModifiedTime(root.resolve(changed), FileTime.from(Instant.now().plusSeconds(60)))

        when:
        def run = launch(root.resolve('scripts/lstudio'), [], [LSTUDIO_JAVA: java(17)])

        then:
        run.stderr.contains('fake-mvn')

        where:
        changed << ['src/main/java/Main.java', 'dsl-docs/reference.md', 'pom.xml']
    }

    def "an up-to-date jar is not rebuilt"() {
        given:
        fakeMaven()
        built(fresh: true)

        when:
        def run = launch(root.resolve('scripts/lstudio'), [], [LSTUDIO_JAVA: java(17)])

        then:
        !run.stderr.contains('fake-mvn')
        run.stdout.contains('fake-java(17)')
    }

    def "without a build and without Maven it says what to install, and exits 2"() {
        when:
        def run = launch(root.resolve('scripts/lstudio'), [], [LSTUDIO_JAVA: java(17)])

        then:
        run.exit == 2
        run.stderr.trim() == 'lstudio: no build found and Maven is not installed; install it (apt-get install maven) and run again'
    }

    def "with a stale build and without Maven it warns and runs the old build"() {
        given:
        built(fresh: false)

        when:
        def run = launch(root.resolve('scripts/lstudio'), [], [LSTUDIO_JAVA: java(17)])

        then:
        run.exit == 0
        run.stderr.contains('but Maven is not installed; running the old build')
        run.stdout.contains('fake-java(17)')
    }

    def "a failing build says how to see why, and exits 2"() {
        given:
        fakeMaven('exit 1')

        when:
        def run = launch(root.resolve('scripts/lstudio'), [], [LSTUDIO_JAVA: java(17)])

        then:
        run.exit == 2
        run.stderr.contains("lstudio: build failed; run 'mvn -B package' in ${root} to see why")
        !run.stdout.contains('fake-java')
    }

    void built(Map options) {
        Files.writeString(jar, 'jar')
        def when = options.fresh ? Instant.now().plusSeconds(30) : Instant.now().minusSeconds(3600)
        Files.setLastModifiedTime(jar, FileTime.from(when))
    }

    /** A JDK home whose java reports {@code version} and otherwise prints its arguments. */
    Path jdk(int version) {
        Path home = tmp.resolve("jdk-$version")
        Files.createDirectories(home.resolve('bin'))
        Path java = home.resolve('bin/java')
        Files.writeString(java, """\
            #!/bin/sh
            if [ "\$1" = "-XshowSettings:properties" ]; then echo "    java.specification.version = $version" >&2; exit 0; fi
            echo "fake-java($version) \$*"
            """.stripIndent())
        executable(java)
        home
    }

    String java(int version) {
        jdk(version).resolve('bin/java').toString()
    }

    void fakeMaven(String body = 'mkdir -p target && echo built > target/lstudio.jar') {
        Path mvn = bin.resolve('mvn')
        Files.writeString(mvn, "#!/bin/sh\necho \"fake-mvn \$*\" >&2\n$body\n")
        executable(mvn)
    }

    Map launch(Path launcher, List<String> args, Map<String, String> env, Path cwd = tmp) {
        def pb = new ProcessBuilder([launcher.toString()] + args).directory(cwd.toFile())
        pb.environment().clear()
        pb.environment().putAll([PATH: bin.toString(), HOME: tmp.toString()] + env)
        def process = pb.start()
        def out = new ByteArrayOutputStream()
        def err = new ByteArrayOutputStream()
        // One reader per stream, waited for: a second consumer (waitForProcessOutput() after
        // consumeProcessOutput) races the first for the bytes, and stdout came back empty in CI.
        process.waitForProcessOutput(out, err)
        int exit = process.waitFor()
        [exit: exit, stdout: out.toString('UTF-8'), stderr: err.toString('UTF-8')]
    }

    static void executable(Path file) {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString('rwxr-xr-x'))
    }
}
