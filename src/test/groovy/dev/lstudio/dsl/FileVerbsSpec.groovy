package dev.lstudio.dsl

import dev.lstudio.testing.EmulatorLstudioSpec
import dev.lstudio.testing.ProjectFolder
import dev.lstudio.testing.Lstudio
import groovy.json.JsonSlurper
import java.nio.file.Files
import spock.lang.Timeout

/**
 * upload, download, files and remove through lstudio's own entry point against the emulator,
 * run in a folder of the feature's own (train.py, and src/ whose .gitignore leaves out *.log):
 * what the Studio then holds, what comes back, and the error lines and exit codes of the
 * mistakes a script makes.
 */
@Timeout(120)
class FileVerbsSpec extends EmulatorLstudioSpec {
    static final String TRAIN = ProjectFolder.TRAIN

    def setup() {
        workDir = ProjectFolder.fill(home.resolve('work'))
        emulator.create('my-studio')
        emulator.clearRequests() // the scene's own calls are not lstudio's
    }

    void write(String name, String text) {
        ProjectFolder.write(workDir, name, text)
    }

    int script(String code, List<String> options = []) {
        lstudio(options + ['-e', code], emulator.env)
    }

    def "upload before start: a file at the root by its name, a folder under to:, ignored files left out; the machine sees them"() {
        when:
        script('''
            studio('my-studio') {
                def one = upload 'train.py'
                def dir = upload 'src/', to: 'project/src'
                println "one=${one.files} bytes=${one.bytes} dir=${dir.files} still ${status}"
                start 'cpu-4'
                exec 'cat train.py; ls -a project/src'
                stop()
            }''')

        then:
        last.exit == 0
        stdout.contains('one=1 bytes=18 dir=')
        stdout.contains('still STOPPED')
        stdout.contains("print('training')")
        stdout.contains('model.py')
        !stdout.contains('debug.log')
    }

    def "download: a file into the working folder by its name, a folder's contents into to:, a folder alone by its name"() {
        when:
        script('''
            studio('my-studio') {
                start 'cpu-4'
                exec 'mkdir -p out checkpoints && echo 0.12 > out/metrics.json && echo w > checkpoints/epoch-1.pt'
                stop()
                def file = download 'out/metrics.json'
                def dir = download 'checkpoints/', to: 'ckpt/'
                def again = download 'checkpoints/', to: 'ckpt/', skipSame: false
                def named = download 'checkpoints'
                println "file=${file.files} dir=${dir.files} again=${again.files} named=${named.files}"
            }''')

        then: 'a rerun fills the same place, never one level down'
        last.exit == 0
        stdout.contains('file=1 dir=1 again=1 named=1')
        Files.readString(workDir.resolve('metrics.json')) == '0.12\n'
        Files.readString(workDir.resolve('ckpt/epoch-1.pt')) == 'w\n'
        !Files.exists(workDir.resolve('ckpt/checkpoints'))
        Files.readString(workDir.resolve('checkpoints/epoch-1.pt')) == 'w\n'
    }

    def "a second upload skips the file that is there already; skipSame: false sends it again"() {
        when:
        script('''
            studio('my-studio') {
                def first = upload 'train.py'
                def second = upload 'train.py'
                def third = upload 'train.py', skipSame: false
                println "first=${first.files} second=${second.files}/${second.skipped} third=${third.files}"
            }''')

        then:
        last.exit == 0
        stdout.contains('first=1 second=0/1 third=1')
    }

    def "files lists a folder's entries, recursive: true every file; each has path, name, folder and size"() {
        when:
        script('''
            studio('my-studio') {
                upload 'train.py'
                upload 'src/', to: 'project/src'
                println "root=${files()*.toString()}"
                println "names=${files('project/src')*.name.sort()}"
                println "all=${files(recursive: true)*.path.sort()}"
                def model = files('project/src').find { it.name == 'model.py' }
                println "model=${model.path} ${model.size} ${model.folder}"
            }''')

        then:
        last.exit == 0
        stdout.contains('root=[project/, train.py]')
        stdout.contains('model.py')
        !stdout.contains('debug.log')
        stdout.readLines().find { it.startsWith('all=') }.contains('project/src/model.py')
        stdout.contains('model=project/src/model.py 18 false')
    }

    def "on a handle too, and remove takes a folder away"() {
        when:
        script('''
            def s = studio('my-studio')
            s.upload('train.py', to: 'tmp/')
            println "before=${s.files('tmp')*.name}"
            s.remove('tmp/')
            println "after=${s.files()*.name}"
            ''')

        then:
        last.exit == 0
        stdout.contains('before=[train.py]')
        stdout.contains('after=[]')
        stderr.readLines().any { it ==~ /^\S+Z my-studio: removed tmp\/$/ }
    }

    def "a local file that is not there fails before any transfer, naming it and where relative paths start (exit 1)"() {
        given: 'what finding the studio alone asks of the API'
        script("studio('my-studio') { }")
        def lookup = emulator.requests().requests.keySet()
        emulator.clearRequests()

        when:
        script("studio('my-studio') { upload 'nothere.py' }")

        then:
        last.exit == 1
        theError.startsWith("lstudio: upload: no file or folder 'nothere.py' here (${workDir.resolve('nothere.py')});"
                + " check the path: relative paths start in $workDir")
        lookup.containsAll(emulator.requests().requests.keySet())
    }

    def "#code: exit 2 before the run, naming the option"() {
        when:
        script(code)

        then:
        last.exit == 2
        errorLines[0] ==~ message

        where:
        code                                                       || message
        "studio('my-studio') { upload 'train.py', too: 'x/' }"     || /^-e:1:\d+: upload: unknown option 'too' \(did you mean 'to'\?\)$/
        "studio('my-studio') { upload 'train.py', parallel: 'x' }" || /^-e:1:\d+: upload: parallel must be a whole number, got 'x'$/
        "studio('my-studio') { files('x', recursive: 1) }"         || /^-e:1:\d+: files: recursive must be true or false, got 1$/
        "studio('my-studio') { download 'x', ignore: false }"      || /^-e:1:\d+: download: unknown option 'ignore'.*$/
    }

    def "a path outside the content root is refused, naming it"() {
        when:
        script("studio('my-studio') { upload 'train.py', to: '../escape.py' }")

        then:
        last.exit == 1
        theError.startsWith("lstudio: studio 'my-studio': the path '../escape.py' climbs out of the Studio's files with '..';")
    }

    def "a path that is not in the studio fails naming it (exit 4, as a thing gone) and leaves nothing here"() {
        when:
        script("studio('my-studio') { download 'out/metrics.json' }")

        then:
        last.exit == 4
        theError.contains('out/metrics.json')
        !Files.exists(workDir.resolve('metrics.json'))
    }

    def "an unknown studio names the nearest (exit 1)"() {
        when:
        script("studio('my-stuido') { upload 'train.py' }")

        then:
        last.exit == 1
        theError.contains("studio 'my-stuido' not found in teamspace 'demo/demo'; existing: my-studio")
    }

    def "off a terminal each file is a timestamped line and a total; with --json stdout has the records"() {
        when:
        script("studio('my-studio') { upload 'src/', to: 'project/src' }")

        then:
        last.exit == 0
        stderr.readLines().any { it ==~ /^\S+Z my-studio: sent project\/src\/model\.py \(18 B\)$/ }
        stderr.readLines().any { it ==~ /^\S+Z my-studio: sent \d files \(\d+ B\), 0 skipped, 0 failed, [\d.]+ MB\/s, in \S+$/ }
        stderr.readLines().findAll { it.contains('my-studio: ') }.every { it ==~ Lstudio.LOG_LINE }

        when:
        script("studio('my-studio') { upload 'train.py', to: 'code/' }", ['--json'])
        def records = stdout.readLines().findAll { it.startsWith('{"record"') }.collect { new JsonSlurper().parseText(it) }

        then:
        records*.record == ['file', 'total']
        records[0].subMap('direction', 'remote', 'size', 'outcome') == [direction: 'UP', remote: 'code/train.py', size: 18, outcome: 'SENT']
    }
}
