package dev.lstudio.cli;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where lstudio keeps per-user files. {@code LSTUDIO_HOME} puts everything under one folder
 * (tests use it); otherwise the XDG base directories: state (locks) in
 * {@code $XDG_STATE_HOME/lstudio} or {@code ~/.local/state/lstudio} (locks, the ledger of owned
 * studios, REPL history), caches (compiled
 * scripts) in {@code $XDG_CACHE_HOME/lstudio} or {@code ~/.cache/lstudio}.
 */
record Dirs(Path state, Path cache) {
    static Dirs from(Map<String, String> env) {
        String home = env.get("LSTUDIO_HOME");
        if (nonBlank(home)) {
            Path root = Path.of(home);
            return new Dirs(root.resolve("state"), root.resolve("cache"));
        }
        Path user = Path.of(nonBlank(env.get("HOME")) ? env.get("HOME") : System.getProperty("user.home"));
        return new Dirs(xdg(env, "XDG_STATE_HOME", user.resolve(".local/state")),
                xdg(env, "XDG_CACHE_HOME", user.resolve(".cache")));
    }

    Path locks() {
        return state.resolve("locks");
    }

    /** The ledger of studios that runs started and still own (see {@code OwnedStudios}). */
    Path owned() {
        return state.resolve("owned");
    }

    Path scripts() {
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
