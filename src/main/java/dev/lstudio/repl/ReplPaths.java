package dev.lstudio.repl;

import java.nio.file.Path;
import java.util.Map;

/** Where the REPL keeps its files. */
public final class ReplPaths {

    private ReplPaths() {
    }

    /**
     * {@code $LSTUDIO_HOME/state/history} when LSTUDIO_HOME is set (tests, portable set-ups), else the
     * user's state folder: {@code $XDG_STATE_HOME/lstudio/history} or {@code ~/.local/state/lstudio/history}.
     */
    public static Path historyFile() {
        return historyFile(System.getenv(), System.getProperty("user.home"));
    }

    static Path historyFile(Map<String, String> env, String userHome) {
        String home = env.get("LSTUDIO_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home, "state", "history");
        }
        String state = env.get("XDG_STATE_HOME");
        Path base = state != null && !state.isBlank() ? Path.of(state) : Path.of(userHome, ".local", "state");
        return base.resolve("lstudio").resolve("history");
    }
}
