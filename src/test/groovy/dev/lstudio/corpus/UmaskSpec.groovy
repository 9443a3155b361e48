package dev.lstudio.corpus

import dev.lstudio.cli.Main
import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit
import spock.lang.TempDir
import spock.lang.Timeout

/**
 * Issue 13, case 12: the folders lstudio creates on the way to its state (~/.local,
 * ~/.local/state, ~/.local/state/lstudio) are its user's alone whatever the umask, so another
 * local user cannot swap the ledger of owned Studios. Only a real process has a umask of its own.
 */
@Timeout(120)
class UmaskSpec extends EmulatorCorpusSpec {
    @TempDir
    Path user

    def "under umask 000 every folder lstudio creates is 0700"() {
        given:
        String java = Path.of(System.getProperty('java.home'), 'bin', 'java')
        def command = ['sh', '-c', 'umask 000; exec "$@"', 'sh', java, '-cp', System.getProperty('java.class.path'), Main.name,
                       '-e', "studio('masked', create: true) { start 'cpu-4'; stop() }"]
        def builder = new ProcessBuilder(command).redirectErrorStream(true)
        builder.environment().remove('LSTUDIO_HOME')
        builder.environment().remove('XDG_STATE_HOME')
        builder.environment().remove('XDG_CACHE_HOME')
        builder.environment().putAll(emulator.env + [HOME: user.toString()])

        when:
        def process = builder.start()
        String output = process.inputStream.getText('UTF-8')
        process.waitFor(90, TimeUnit.SECONDS)

        then:
        process.exitValue() == 0
        def created = Files.walk(user).filter { Files.isDirectory(it) && it != user }.toList()
        created*.toString().containsAll(['.local', '.local/state', '.local/state/lstudio', '.local/state/lstudio/owned']
                .collect { user.resolve(it).toString() })
        created.every { Files.getPosixFilePermissions(it)*.toString().sort() == ['OWNER_EXECUTE', 'OWNER_READ', 'OWNER_WRITE'] }
    }
}
