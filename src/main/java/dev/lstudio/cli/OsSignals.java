package dev.lstudio.cli;

/**
 * The only use of {@code sun.misc.Signal} (module jdk.unsupported, present in every usual
 * JDK). Kept in its own class so that a JVM without it fails here, at install time, where
 * {@link SignalGuard} falls back to its shutdown hook.
 */
@SuppressWarnings("restriction")
final class OsSignals {
    private OsSignals() {
    }

    /** Runs {@code action} on the JVM's per-signal thread when the signal arrives; returns the previous handler. */
    static Object handle(String name, Runnable action) {
        return sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> action.run());
    }

    static void restore(String name, Object previous) {
        if (previous instanceof sun.misc.SignalHandler) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), (sun.misc.SignalHandler) previous);
            } catch (IllegalArgumentException e) {
                // The JVM refuses to re-install its own handler for some signals; nothing to undo.
            }
        }
    }
}
