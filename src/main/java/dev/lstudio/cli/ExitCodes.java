package dev.lstudio.cli;

import dev.lstudio.api.ApiException;
import dev.lstudio.api.ConfigException;
import dev.lstudio.api.InvalidArgumentException;
import dev.lstudio.api.PermissionDeniedException;
import dev.lstudio.api.UnauthenticatedException;
import dev.lstudio.client.CommandTimeoutException;
import dev.lstudio.client.WaitTimeoutException;
import dev.lstudio.dsl.DslTimeoutException;
import dev.lstudio.dsl.ScriptCompileException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place that maps a failure to an exit status. It walks the cause chain (a timeout
 * inside a {@code parallel} item still exits 124); the first exception that is
 * {@link ExitCoded} or whose type (or a supertype) is in the table decides.
 */
final class ExitCodes {
    private static final Map<Class<? extends Throwable>, ExitCode> TABLE = new LinkedHashMap<>();

    static {
        TABLE.put(DslTimeoutException.class, ExitCode.TIMEOUT);
        TABLE.put(WaitTimeoutException.class, ExitCode.TIMEOUT);
        TABLE.put(CommandTimeoutException.class, ExitCode.TIMEOUT);
        TABLE.put(ScriptCompileException.class, ExitCode.USAGE);
        TABLE.put(ConfigException.class, ExitCode.CREDENTIALS);
        TABLE.put(UnauthenticatedException.class, ExitCode.CREDENTIALS);
        TABLE.put(PermissionDeniedException.class, ExitCode.CREDENTIALS);
        // the server refused a value of the script's (a name, a machine): trying later will not help
        TABLE.put(InvalidArgumentException.class, ExitCode.SCRIPT_FAILED);
        // every other API answer that failed after the API layer's retries, network failures included
        TABLE.put(ApiException.class, ExitCode.API);
    }

    private ExitCodes() {
    }

    static ExitCode of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ExitCoded) {
                return ((ExitCoded) t).exitCode();
            }
            for (Class<?> type = t.getClass(); type != null; type = type.getSuperclass()) {
                ExitCode code = TABLE.get(type);
                if (code != null) {
                    return code;
                }
            }
        }
        return ExitCode.SCRIPT_FAILED;
    }
}
