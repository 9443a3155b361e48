package dev.lstudio.repl

import java.nio.charset.StandardCharsets
import java.nio.file.Path
import org.jline.terminal.Attributes
import org.jline.terminal.Attributes.ControlChar
import org.jline.terminal.Attributes.LocalFlag
import org.jline.terminal.Size
import org.jline.terminal.impl.DumbTerminal

/**
 * A REPL over a dumb terminal fed from bytes, the way JLine's own tests drive a LineReader.
 * Output is read back as text with control sequences removed.
 */
class ReplHarness {
    final PipedOutputStream keyboard = new PipedOutputStream()
    final PipedInputStream input = new PipedInputStream(keyboard, 64 * 1024)
    final ByteArrayOutputStream screen = new ByteArrayOutputStream()
    final TrackedTerminal terminal

    ReplHarness(String type = 'ansi') {
        terminal = new TrackedTerminal(type, input, screen)
        terminal.setSize(new Size(160, 40))
        // What a real tty has and a bare DumbTerminal lacks: ^C raises SIGINT, ^D is end of file.
        Attributes tty = terminal.attributes
        tty.setControlChar(ControlChar.VINTR, 3)
        tty.setControlChar(ControlChar.VEOF, 4)
        tty.setLocalFlag(LocalFlag.ISIG, true)
        terminal.attributes = tty
    }

    void close() {
        terminal.close()
    }

    /** Types keys through a pipe; the REPL reads them when it gets there, as from a keyboard. */
    void type(String keys) {
        keyboard.write(keys.getBytes(StandardCharsets.UTF_8))
        keyboard.flush()
    }

    String output() {
        screen.toString(StandardCharsets.UTF_8).replaceAll(/\u001B\[[0-9;?]*[A-Za-z]/, '').replace('\r', '')
    }

    /** Polls the screen until it shows text; generous, since the machine is shared. */
    boolean waitFor(String text, long millis = 20_000) {
        long deadline = System.currentTimeMillis() + millis
        while (System.currentTimeMillis() < deadline) {
            if (output().contains(text)) {
                return true
            }
            Thread.sleep(20)
        }
        false
    }

    Repl.Builder builder(Path history = null) {
        // The screen here is a log of bytes: a suggestion drawn after the cursor would read as typed text.
        Repl.builder().terminal(terminal).historyFile(history).autosuggestions(false)
    }

    /** Runs the REPL on its own thread; returns it so a test can join. */
    Thread start(Repl repl) {
        Thread t = new Thread({ repl.run() } as Runnable, 'repl-under-test')
        t.daemon = true
        t.start()
        t
    }
}

/** A dumb terminal that remembers being closed. */
class TrackedTerminal extends DumbTerminal {
    volatile boolean closed

    TrackedTerminal(String type, InputStream input, OutputStream output) {
        super('test', type, input, output, StandardCharsets.UTF_8)
    }

    @Override
    protected void doClose() throws IOException {
        closed = true
        super.doClose()
    }
}
