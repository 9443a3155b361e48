package dev.lstudio.cli;

import dev.lstudio.client.Failure;
import dev.lstudio.dsl.DslTimeoutException;
import dev.lstudio.dsl.ScriptCompileException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every exit status of {@code lstudio}, as documented in {@code lstudio --help}, and the one
 * place that maps a failure to one ({@link #of}).
 */
public enum ExitCode {
    SUCCESS(0, "success"),
    SCRIPT_FAILED(1, "the script failed (an uncaught error, a Studio not started)"),
    USAGE(2, "usage, compile or settings error"),
    CREDENTIALS(3, "credentials missing or rejected"),
    API(4, "API or network failure after retries"),
    LOCKED(5, "another run of the same script holds the lock"),
    LEFT_ALONE(6, "cleanup left records it may not judge (another host, a live run); listed"),
    TIMEOUT(124, "a timeout expired"),
    INTERRUPTED(130, "interrupted by SIGINT, after teardown ran"),
    TERMINATED(143, "terminated by SIGTERM, after teardown ran");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    /** Code to meaning, in order, for the help text. */
    static Map<String, String> table() {
        Map<String, String> table = new LinkedHashMap<>();
        for (ExitCode exit : values()) {
            table.put(String.valueOf(exit.code), exit.meaning);
        }
        return table;
    }

    /**
     * The status a failure ends the run with. It walks the cause chain (a timeout inside a
     * {@code parallel} item still exits 124); the first exception that is {@link ExitCoded},
     * whose type (or a supertype) is one of the DSL's failures below, or whose {@link Failure}
     * kind (the client's word for it) is known decides.
     */
    static ExitCode of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ExitCoded) {
                return ((ExitCoded) t).exitCode();
            }
            for (Class<?> type = t.getClass(); type != null; type = type.getSuperclass()) {
                ExitCode code = Tables.TYPES.get(type);
                if (code != null) {
                    return code;
                }
            }
            Optional<Failure> kind = Failure.of(t);
            if (kind.isPresent()) {
                return Tables.KINDS.get(kind.get());
            }
        }
        return SCRIPT_FAILED;
    }

    /** Apart from the constants: an enum's own static fields are set only after all of them. */
    private static final class Tables {
        static final Map<Class<? extends Throwable>, ExitCode> TYPES = new LinkedHashMap<>();
        static final Map<Failure, ExitCode> KINDS = new EnumMap<>(Failure.class);

        static {
            TYPES.put(DslTimeoutException.class, TIMEOUT);
            TYPES.put(ScriptCompileException.class, USAGE);
            KINDS.put(Failure.TIMEOUT, TIMEOUT);
            KINDS.put(Failure.CREDENTIALS, CREDENTIALS);
            // LIGHTNING_CLOUD_URL without a scheme is a mistake in how lstudio was called, not in the credentials
            KINDS.put(Failure.SETTING, USAGE);
            // exec on a stopped Studio: the script can fix it (start it first); trying later will not help
            KINDS.put(Failure.NOT_READY, SCRIPT_FAILED);
            // the server refused a value of the script's (a name, a machine): trying later will not help
            KINDS.put(Failure.REFUSED_VALUE, SCRIPT_FAILED);
            // a Studio that is not there is an API answer like any other that failed after the retries
            KINDS.put(Failure.GONE, API);
            // every other API answer that failed after the API layer's retries, network failures included
            KINDS.put(Failure.SERVICE, API);
        }
    }
}
