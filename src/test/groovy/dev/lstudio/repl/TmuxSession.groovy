package dev.lstudio.repl

import java.util.concurrent.TimeUnit

/**
 * A program in a real pseudo terminal: tmux runs it detached at a fixed size, send-keys types,
 * capture-pane reads the screen. For end-to-end tests of the REPL (the launcher against the
 * emulator comes with the wiring). Every wait polls with a generous deadline.
 */
class TmuxSession implements Closeable {
    final String name
    private final File socket

    private TmuxSession(String name, File socket) {
        this.name = name
        this.socket = socket
    }

    static boolean available() {
        try {
            def p = ['tmux', '-V'].execute()
            p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0
        } catch (IOException ignored) {
            false
        }
    }

    /** Starts command (a shell line) in its own tmux server, so tests never touch the user's sessions. */
    static TmuxSession start(String command, Map<String, String> env = [:], int width = 160, int height = 40) {
        def socket = File.createTempFile('lstudio-tmux', '.sock')
        socket.delete()
        def name = 'lstudio-e2e'
        def exports = env.collect { k, v -> "export ${k}='${v.replace("'", "'\\''")}'; " }.join('')
        run(socket, 'new-session', '-d', '-s', name, '-x', "$width", '-y', "$height", "${exports}exec ${command}")
        new TmuxSession(name, socket)
    }

    /** Types literal text; named keys such as Tab, Enter, C-c, C-d go through {@link #press}. */
    void type(String text) {
        run(socket, 'send-keys', '-t', name, '-l', text)
    }

    void press(String... keys) {
        run(socket, (['send-keys', '-t', name] + keys.toList()) as String[])
    }

    String screen() {
        run(socket, 'capture-pane', '-p', '-t', name)
    }

    boolean alive() {
        def p = ['tmux', '-S', socket.path, 'has-session', '-t', name].execute()
        p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0
    }

    /** Polls the screen until it shows text; returns the screen, or throws with it. */
    String waitFor(String text, long millis = 30_000) {
        long deadline = System.currentTimeMillis() + millis
        String last = ''
        while (System.currentTimeMillis() < deadline) {
            last = alive() ? screen() : last
            if (last.contains(text)) {
                return last
            }
            Thread.sleep(100)
        }
        throw new AssertionError("screen never showed '${text}'; it shows:\n${last}")
    }

    boolean waitForExit(long millis = 30_000) {
        long deadline = System.currentTimeMillis() + millis
        while (System.currentTimeMillis() < deadline) {
            if (!alive()) {
                return true
            }
            Thread.sleep(100)
        }
        false
    }

    @Override
    void close() {
        try {
            run(socket, 'kill-server')
        } catch (IllegalStateException ignored) {
            // already gone with its program
        }
        socket.delete()
    }

    private static String run(File socket, String... args) {
        def p = (['tmux', '-S', socket.path] + args.toList()).execute()
        def out = new StringBuilder()
        def err = new StringBuilder()
        p.consumeProcessOutput(out, err)
        if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("tmux ${args.toList()} failed: ${err}")
        }
        out.toString()
    }
}
