package dev.lstudio.corpus

import dev.lstudio.testing.EmulatorLstudioSpec
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
class UmaskSpec extends EmulatorLstudioSpec {
    @TempDir
    Path user

    def "under umask 000 every folder lstudio creates is 0700"() {
        when:
        def process = lstudioProcess(['-e', "studio('masked', create: true) { start 'cpu-4'; stop() }"],
                emulator.env + [HOME: user.toString()],
                [umask: '000', unset: ['LSTUDIO_HOME', 'XDG_STATE_HOME', 'XDG_CACHE_HOME']])
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
