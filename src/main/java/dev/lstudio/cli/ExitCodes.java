package dev.lstudio.cli;

import dev.lstudio.client.Failure;
import dev.lstudio.dsl.DslTimeoutException;
import dev.lstudio.dsl.ScriptCompileException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one place that maps a failure to an exit status. It walks the cause chain (a timeout
 * inside a {@code parallel} item still exits 124); the first exception that is
 * {@link ExitCoded}, whose type (or a supertype) is in the table of the DSL's failures, or whose
 * {@link Failure} kind (the client's word for it) is in the table of kinds decides.
 */
final class ExitCodes {
    private static final Map<Class<? extends Throwable>, ExitCode> TABLE = new LinkedHashMap<>();
    private static final Map<Failure, ExitCode> KINDS = new EnumMap<>(Failure.class);

    static {
        TABLE.put(DslTimeoutException.class, ExitCode.TIMEOUT);
        TABLE.put(ScriptCompileException.class, ExitCode.USAGE);
        KINDS.put(Failure.TIMEOUT, ExitCode.TIMEOUT);
        KINDS.put(Failure.CREDENTIALS, ExitCode.CREDENTIALS);
        // the server refused a value of the script's (a name, a machine): trying later will not help
        KINDS.put(Failure.REFUSED_VALUE, ExitCode.SCRIPT_FAILED);
        // a Studio that is not there is an API answer like any other that failed after the retries
        KINDS.put(Failure.GONE, ExitCode.API);
        // every other API answer that failed after the API layer's retries, network failures included
        KINDS.put(Failure.SERVICE, ExitCode.API);
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
            Optional<Failure> kind = Failure.of(t);
            if (kind.isPresent()) {
                return KINDS.get(kind.get());
            }
        }
        return ExitCode.SCRIPT_FAILED;
    }
}
