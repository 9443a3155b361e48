package dev.lstudio.cli

import dev.lstudio.testing.EmulatorLstudioSpec
import dev.lstudio.testing.ProjectFolder
import dev.lstudio.testing.Lstudio
import groovy.json.JsonSlurper
import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Timeout

/**
 * lstudio cp, ls and rm through Main against the emulator, run in a folder of the feature's own
 * (train.py, and src/ whose .gitignore leaves out *.log), as a person sees them: what the Studio
 * then holds (by exec and by ls), what comes back, the lines of a cron log, the --json records,
 * and one error line with the documented exit code for each mistake.
 */
@Timeout(120)
class FileCommandsSpec extends EmulatorLstudioSpec {
    static final String TRAIN = ProjectFolder.TRAIN

    def setup() {
        workDir = ProjectFolder.fill(home.resolve('work'))
        emulator.create('my-studio')
        emulator.clearRequests() // the scene's own calls are not lstudio's
    }

    void write(String name, String text) {
        ProjectFolder.write(workDir, name, text)
    }

    int run(List<String> args) {
        lstudio(args, emulator.env)
    }

    def "cp sends a file and a folder, leaving out what .gitignore excludes; exec and ls then see them"() {
        when:
        int file = run(['cp', 'train.py', 'my-studio:'])
        int folder = run(['cp', '-r', 'src', 'my-studio:project/src'])

        then:
        file == 0
        folder == 0

        when: 'the machine sees them where the content root is'
        run(['exec', 'my-studio', '--start', 'cpu-4', '--', 'cat train.py; ls -a project/src'])

        then:
        last.exit == 0
        stdout.contains("print('training')")
        stdout.contains('model.py')
        !stdout.contains('debug.log')

        when: 'ls in a pipe: a tab-separated row per entry, folders with a trailing /, sizes in bytes'
        run(['ls', 'my-studio'])
        def root = stdout.readLines()*.split('\t')

        then:
        last.exit == 0
        root.find { it[0] == 'project/' } != null
        root.find { it[0] == 'train.py' }[1] == '18'
        root.find { it[0] == 'train.py' }[2] ==~ /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/

        when: 'ls of a file is its one row'
        run(['ls', 'my-studio:train.py'])

        then:
        last.exit == 0
        stdout.readLines()*.split('\t')*.getAt(0) == ['train.py']

        when:
        run(['ls', 'my-studio:nothere'])

        then:
        last.exit == 4
        theError == "lstudio: ls: no folder 'nothere' in studio 'my-studio'; lstudio ls my-studio: shows what is there"

        when:
        run(['ls', '-r', 'my-studio:project'])

        then:
        stdout.readLines()*.split('\t')*.getAt(0).contains('project/src/model.py')
        !stdout.contains('debug.log')
    }

    def "a second cp skips the file that is there already; --no-skip sends it again"() {
        given:
        run(['cp', 'train.py', 'my-studio:'])

        when:
        run(['cp', 'train.py', 'my-studio:'])

        then:
        last.exit == 0
        stderr.readLines().any { it ==~ /^\S+Z my-studio: skipped train\.py \(18 B, the same is there already\)$/ }
        stderr.readLines().any { it ==~ /^\S+Z my-studio: sent 0 files \(0 B\), 1 skipped, 0 failed, .* MB\/s, in .*$/ }

        when:
        run(['cp', '--no-skip', 'train.py', 'my-studio:'])

        then:
        stderr.readLines().any { it ==~ /^\S+Z my-studio: sent train\.py \(18 B\)$/ }
    }

    def "cp brings a file into a folder by its name, and a folder under a new name"() {
        given:
        run(['cp', 'train.py', 'my-studio:'])
        run(['cp', '-r', 'src', 'my-studio:project/src'])

        when:
        int file = run(['cp', 'my-studio:train.py', 'copies/'])
        int folder = run(['cp', '-r', 'my-studio:project/src', 'back'])

        then:
        file == 0
        Files.readString(workDir.resolve('copies/train.py')) == TRAIN
        folder == 0
        Files.readString(workDir.resolve('back/model.py')) == 'class Model: pass\n'
    }

    def "rm removes a file, and with -r a folder; off a terminal only with --yes"() {
        given:
        run(['cp', 'train.py', 'my-studio:'])
        run(['cp', '-r', 'src', 'my-studio:project'])

        when:
        run(['rm', 'my-studio:train.py'])

        then:
        last.exit == 2
        theError == "lstudio: rm: removing my-studio:train.py is for good; off a terminal add --yes to confirm"

        when:
        run(['rm', 'my-studio:train.py', '--yes'])

        then:
        last.exit == 0
        stderr.contains('removed my-studio:train.py')

        when:
        run(['rm', 'my-studio:project', '--yes'])

        then:
        last.exit == 2
        theError == "lstudio: rm: 'my-studio:project' is a folder: add -r to remove it and all under it"

        when:
        run(['rm', '-r', 'my-studio:project', '--yes'])
        run(['ls', 'my-studio'])

        then:
        !stdout.contains('train.py')
        !stdout.contains('project')
    }

    def "#args: exit #exit before any call, with one line saying what to do"() {
        when:
        run(args)

        then:
        last.exit == exit
        theError == "lstudio: $line"
        emulator.requests().total == 0

        where:
        args                                   || exit | line
        ['cp', 'src', 'my-studio:']            || 2    | "cp: 'src' is a folder: add -r to copy it and all under it"
        ['cp', 'train.py', 'copy.py']          || 2    | "cp: give one local path and one studio path NAME:PATH: lstudio cp [-r] LOCAL NAME:PATH, or lstudio cp [-r] NAME:PATH LOCAL (a local path with a colon: ./a:b)"
        ['cp', 'my-studio:a', 'my-studio:b']   || 2    | "cp: give one local path and one studio path NAME:PATH: lstudio cp [-r] LOCAL NAME:PATH, or lstudio cp [-r] NAME:PATH LOCAL (a local path with a colon: ./a:b)"
        ['cp', '--parallel', '0', 'train.py', 'my-studio:'] || 2 | 'cp: --parallel must be 1 or more, got 0'
        ['rm', 'my-studio:']                   || 2    | 'rm: give the studio and the path in it: lstudio rm NAME:PATH (-r for a folder)'
    }

    def "a local path that is not there: exit 2 before any call, naming it and where it was looked for"() {
        when:
        run(['cp', 'nothere.py', 'my-studio:'])

        then:
        last.exit == 2
        emulator.requests().total == 0
        theError == "lstudio: cp: no file or folder 'nothere.py' here (${workDir.resolve('nothere.py')}); check the path"
    }

    def "#args names the nearest Studio, exit 1"() {
        when:
        run(args)

        then:
        last.exit == 1
        theError == "lstudio: ${args[0]}: studio 'my-stuido' not found in teamspace 'demo/demo'; did you mean 'my-studio'? (lstudio studios lists them)"

        where:
        args << [['cp', 'train.py', 'my-stuido:'], ['cp', 'my-stuido:train.py', '.'], ['ls', 'my-stuido'],
                 ['rm', 'my-stuido:train.py', '--yes']]
    }

    def "a Studio path outside the content root is refused, naming it; nothing is written"() {
        when:
        run(['cp', 'train.py', 'my-studio:../escape.py'])

        then:
        last.exit == 1
        theError.startsWith("lstudio: cp: the path '../escape.py' climbs out of the Studio's files with '..';")

        when:
        run(['cp', 'my-studio:../../etc/hostname', 'got'])

        then:
        last.exit == 1
        theError.startsWith("lstudio: cp: the path '../../etc/hostname' climbs out of the Studio's files")
        !Files.exists(workDir.resolve('got'))
    }

    def "a Studio path that is not there fails naming it, exit 4 (the kind of a thing gone)"() {
        when:
        run(['cp', 'my-studio:out/metrics.json', '.'])

        then:
        last.exit == 4
        theError == "lstudio: cp: no file or folder 'out/metrics.json' in studio 'my-studio'; lstudio ls my-studio:out shows what is there"
        !Files.exists(workDir.resolve('metrics.json'))
    }

    def "off a terminal a folder's files are a timestamped line each, then the total"() {
        when:
        run(['cp', '-r', 'src', 'my-studio:project/src'])
        def lines = stderr.readLines()

        then:
        lines.every { it ==~ Lstudio.LOG_LINE }
        lines.any { it ==~ /^\S+Z my-studio: sent project\/src\/model\.py \(18 B\)$/ }
        lines.last() ==~ /^\S+Z my-studio: sent \d files \(\d+ B\), 0 skipped, 0 failed, [\d.]+ MB\/s, in \S+$/
        !stderr.contains('debug.log')
        stdout == ''
    }

    def "--json: stdout holds a record per file and the total, nothing else"() {
        when:
        run(['cp', 'train.py', 'my-studio:code/', '--json'])
        def records = stdout.readLines().collect { new JsonSlurper().parseText(it) }

        then:
        last.exit == 0
        records.size() == 2
        records[0].keySet() as List == ['record', 'studio', 'direction', 'local', 'remote', 'size', 'outcome', 'bytes', 'millis', 'reason']
        records[0].subMap('record', 'studio', 'direction', 'remote', 'size', 'outcome', 'reason') ==
                [record: 'file', studio: 'my-studio', direction: 'UP', remote: 'code/train.py', size: 18, outcome: 'SENT', reason: null]
        records[0].local == workDir.resolve('train.py').toString()
        records[1].subMap('record', 'direction', 'files', 'bytes', 'skipped', 'failed') ==
                [record: 'total', direction: 'UP', files: 1, bytes: 18, skipped: 0, failed: 0]

        when:
        run(['ls', 'my-studio:code', '--json'])

        then:
        new JsonSlurper().parseText(stdout).collect { it.subMap('path', 'name', 'folder', 'size') } ==
                [[path: 'code/train.py', name: 'train.py', folder: false, size: 18]]
    }

    /** lstudio with stdin, stdout and stderr on a (fake) terminal, started in the feature's folder. */
    Map onTerminal(List<String> args, String typed = '') {
        def out = new ByteArrayOutputStream()
        def err = new ByteArrayOutputStream()
        def main = new Main(new ByteArrayInputStream(typed.bytes), new PrintStream(out, true, 'UTF-8'),
                new PrintStream(err, true, 'UTF-8'), [LSTUDIO_HOME: home.toString(), HOME: home.toString()] + emulator.env,
                new Terminals(true, true, true), false)
        main.workingDir = workDir
        int exit = main.run(args as String[])
        [exit: exit, stdout: out.toString('UTF-8'), stderr: err.toString('UTF-8')]
    }

    def "on a terminal cp draws a bar and clears it before the total; ls is a table with human sizes; rm asks"() {
        when:
        def cp = onTerminal(['cp', 'train.py', 'my-studio:'])

        then:
        cp.exit == 0
        cp.stderr.contains('\r\u001b[Kmy-studio [')
        cp.stderr.endsWith('\r\u001b[Kmy-studio: sent 1 file (18 B), 0 skipped, 0 failed, ' +
                (cp.stderr =~ /[\d.]+ MB\/s, in \S+/)[0] + System.lineSeparator())

        when:
        def ls = onTerminal(['ls', 'my-studio'])
        def lines = StudioCommandsSpec.plain(ls.stdout).readLines()

        then:
        lines[0].split(/\s+/) as List == ['name', 'size', 'modified']
        lines.find { it.startsWith('train.py ') }.split(/\s{2,}/)[1] == '18 B'

        when: 'a no keeps the file'
        def no = onTerminal(['rm', 'my-studio:train.py'], 'n\n')

        then:
        no.exit == 2
        no.stderr.contains('Remove my-studio:train.py for good? [y/N]')
        onTerminal(['ls', 'my-studio']).stdout.contains('train.py')

        when:
        def yes = onTerminal(['rm', 'my-studio:train.py'], 'y\n')

        then:
        yes.exit == 0
        !onTerminal(['ls', 'my-studio']).stdout.contains('train.py')
    }
}
