package dev.lstudio.cli

import dev.lstudio.testing.EmulatorLstudioSpec
import java.nio.file.Files
import spock.lang.Timeout

/**
 * The file verbs in {@code lstudio repl} against the emulator, lines piped in: bare, on the
 * studio {@code :use} made current, with local paths from the folder lstudio runs in. (TAB
 * itself is driven on a terminal in dev.lstudio.repl.FileCompletionSpec: a piped dumb
 * terminal reads lines, not keys.)
 */
@Timeout(120)
class ReplFilesSpec extends EmulatorLstudioSpec {
    def setup() {
        workDir = home.resolve('work')
        Files.createDirectories(workDir)
        Files.writeString(workDir.resolve('train.py'), "print('training')\n")
        emulator.create('my-studio')
    }

    def "upload, files, download and remove work bare on the current studio"() {
        when:
        int exit = lstudio(['repl'], emulator.env, ":use my-studio\nupload 'train.py', to: 'code/'\nfiles('code')\n"
                + "download 'code/train.py', to: 'back/'\nremove 'code/train.py'\nprintln \"left: \${files('code')*.name}\"\n")

        then:
        exit == 0
        stdout.contains('my-studio: sent code/train.py (18 B)')
        stdout.contains('[code/train.py]')
        Files.readString(workDir.resolve('back/train.py')) == "print('training')\n"
        stdout.contains('removed code/train.py')
        stdout.contains('left: []')
    }
}
