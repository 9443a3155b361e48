package dev.lstudio.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which standard streams are terminals. Decides REPL versus headless stdin, spinner versus
 * timestamped log lines, and (stdout) a coloured table versus tab-separated rows. On Linux it
 * reads /proc (no native code, so no JNI warning on newer JDKs); elsewhere it falls back to {@link System#console()}.
 */
record Terminals(boolean stdin, boolean stderr, boolean stdout) {
    /** As most callers care: stdout taken to be no terminal (results are then plain rows). */
    Terminals(boolean stdin, boolean stderr) {
        this(stdin, stderr, false);
    }

    static Terminals none() {
        return new Terminals(false, false, false);
    }

    static Terminals detect() {
        boolean console = System.console() != null;
        return new Terminals(isTerminal(0, console), isTerminal(2, console), isTerminal(1, console));
    }

    private static boolean isTerminal(int fd, boolean fallback) {
        Path link = Path.of("/proc/self/fd/" + fd);
        try {
            if (!Files.isSymbolicLink(link)) {
                return fallback;
            }
            String target = Files.readSymbolicLink(link).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            return fallback;
        }
    }
}
