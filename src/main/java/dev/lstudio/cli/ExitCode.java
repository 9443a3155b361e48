package dev.lstudio.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** Every exit status of {@code lstudio}, as documented in {@code lstudio --help}. */
public enum ExitCode {
    SUCCESS(0, "success"),
    SCRIPT_FAILED(1, "the script failed (an uncaught error)"),
    USAGE(2, "usage or compile error"),
    CREDENTIALS(3, "credentials missing or rejected"),
    API(4, "API or network failure after retries"),
    LOCKED(5, "another run of the same script holds the lock"),
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
}
