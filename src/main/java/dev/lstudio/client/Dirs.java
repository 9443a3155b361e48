package dev.lstudio.client;

import java.nio.file.Path;
import java.util.Map;

/**
 * The one place that says where files live: the user's home (where {@code ~/.lightning} is)
 * and lstudio's own folders. {@code LSTUDIO_HOME} puts lstudio's files under one folder (tests
 * use it); otherwise the XDG base directories: state in {@code $XDG_STATE_HOME/lstudio} or
 * {@code ~/.local/state/lstudio} (locks, the ledger of owned studios, REPL history), caches
 * (compiled scripts) in {@code $XDG_CACHE_HOME/lstudio} or {@code ~/.cache/lstudio}.
 */
public record Dirs(Path state, Path cache) {
    public static Dirs from(Map<String, String> env) {
        String home = env.get("LSTUDIO_HOME");
        if (nonBlank(home)) {
            Path root = Path.of(home);
            return new Dirs(root.resolve("state"), root.resolve("cache"));
        }
        Path user = userHome(env);
        return new Dirs(xdg(env, "XDG_STATE_HOME", user.resolve(".local/state")),
                xdg(env, "XDG_CACHE_HOME", user.resolve(".cache")));
    }

    /** {@code $HOME}, else the JVM's idea of it. */
    public static Path userHome(Map<String, String> env) {
        String home = env.get("HOME");
        return Path.of(nonBlank(home) ? home : System.getProperty("user.home"));
    }

    public Path locks() {
        return state.resolve("locks");
    }

    /** The ledger of studios that runs started and still own (see {@link Ownership}). */
    public Path owned() {
        return state.resolve("owned");
    }

    /** The REPL's history. */
    public Path history() {
        return state.resolve("history");
    }

    /** Names for the shell's completion, one per line (read by scripts/completion/ with no JVM started). */
    public Path completion() {
        return cache.resolve("completion");
    }

    /** What file transfers sent and received, with checksums, so the same file is not moved again. */
    public Path transfers() {
        return state.resolve("transfers");
    }

    public Path scripts() {
        return cache.resolve("scripts");
    }

    private static Path xdg(Map<String, String> env, String name, Path fallback) {
        String value = env.get(name);
        return (nonBlank(value) ? Path.of(value) : fallback).resolve("lstudio");
    }

    private static boolean nonBlank(String s) {
        return s != null && !s.isBlank();
    }
}
