package dev.lstudio.cli

import dev.lstudio.api.ConfigException
import dev.lstudio.api.InvalidArgumentException
import dev.lstudio.api.NetworkException
import dev.lstudio.api.NotFoundException
import dev.lstudio.api.PermissionDeniedException
import dev.lstudio.api.ServerErrorException
import dev.lstudio.api.UnauthenticatedException
import dev.lstudio.client.Dirs
import dev.lstudio.client.CommandTimeoutException
import dev.lstudio.client.LookupException
import dev.lstudio.client.WaitTimeoutException
import dev.lstudio.dsl.DslTimeoutException
import java.time.Duration
import dev.lstudio.dsl.ParallelException
import java.nio.file.Path
import spock.lang.Specification

class CliPartsSpec extends Specification {
    def "a failure of #failure.class.simpleName maps to exit code #expected"() {
        expect:
        ExitCode.of(failure) == expected

        where:
        failure                                                        || expected
        new RuntimeException('x')                                      || ExitCode.SCRIPT_FAILED
        timeout()                                                      || ExitCode.TIMEOUT
        new RuntimeException('wrapped', timeout())                     || ExitCode.TIMEOUT
        new RunLock.Held('/x.groovy', '12', Path.of('/l'))             || ExitCode.LOCKED
        new CredentialsFailure()                                       || ExitCode.CREDENTIALS
        new IllegalStateException('outer', new CredentialsFailure())   || ExitCode.CREDENTIALS
        new ConfigException('no Lightning credentials')                || ExitCode.CREDENTIALS
        new UnauthenticatedException('refused', 401, 16, 'bad key', null) || ExitCode.CREDENTIALS
        new PermissionDeniedException('denied', 403, 7, 'no', null)    || ExitCode.CREDENTIALS
        new NetworkException('unreachable', new IOException('x'))      || ExitCode.API
        new ServerErrorException('busy', 503, 14, 'busy', null)        || ExitCode.API
        new NotFoundException('gone', 404, 5, 'gone', null)            || ExitCode.API
        new InvalidArgumentException('bad name', 400, 3, 'bad', null) || ExitCode.SCRIPT_FAILED
        new WaitTimeoutException('start too slow', Duration.ofMinutes(15), 'PENDING') || ExitCode.TIMEOUT
        new CommandTimeoutException('still running', '', 's1')         || ExitCode.TIMEOUT
        new LookupException("studio 'x' not found", [])                || ExitCode.SCRIPT_FAILED
        new RuntimeException('wrapped', new NetworkException('x', null)) || ExitCode.API
    }

    def "state and cache folders follow #env"() {
        expect:
        Dirs.from(env) == new Dirs(Path.of(state), Path.of(cache))

        where:
        env                                                               || state                       | cache
        [LSTUDIO_HOME: '/t/home', XDG_STATE_HOME: '/x']                   || '/t/home/state'             | '/t/home/cache'
        [HOME: '/u', XDG_STATE_HOME: '/xs', XDG_CACHE_HOME: '/xc']        || '/xs/lstudio'               | '/xc/lstudio'
        [HOME: '/u']                                                      || '/u/.local/state/lstudio'   | '/u/.cache/lstudio'
    }

    def "the REPL's history lives in LSTUDIO_HOME when set, else in the user's state folder: #env"() {
        expect:
        Dirs.from(env).history() == Path.of(expected)

        where:
        env                                                   || expected
        [LSTUDIO_HOME: '/tmp/lh']                             || '/tmp/lh/state/history'
        [HOME: '/home/ann', XDG_STATE_HOME: '/home/ann/.st']  || '/home/ann/.st/lstudio/history'
        [HOME: '/home/ann']                                   || '/home/ann/.local/state/lstudio/history'
    }

    def "script file #fileName compiles as class #className"() {
        expect:
        ScriptSource.classNameFor(fileName) == className

        where:
        fileName              || className
        'nightly.groovy'      || 'nightly'
        'nightly-job.groovy'  || 'nightly_job'
        '2024 report.groovy'  || 'Script_2024_report'
        'class.groovy'        || 'Script_class'
        'run'                 || 'run'
    }

    private static DslTimeoutException timeout() {
        // thrown by a real timeout block, since its constructor is the DSL's own
        def script = dev.lstudio.dsl.ScriptCompiler.create().compile('T', '').newInstance(dev.lstudio.dsl.DslContext.system())
        try {
            script.timeout(java.time.Duration.ofMillis(1)) { Thread.sleep(600_000) }
        } catch (DslTimeoutException e) {
            return e
        }
        throw new AssertionError('no timeout')
    }

    static final class CredentialsFailure extends RuntimeException implements ExitCoded {
        @Override
        ExitCode exitCode() { ExitCode.CREDENTIALS }
    }
}
