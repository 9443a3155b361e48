package dev.lstudio.dsl;

import java.io.PrintStream;
import java.util.function.Consumer;

/**
 * Where a running command's output goes while it runs: straight to the results stream (stdout),
 * flushed piece by piece; with {@code --json}, where stdout carries only JSON lines, line by line
 * to the log (stderr) instead, and the result follows as one JSON line.
 */
final class CommandOutput implements Consumer<String>, AutoCloseable {
    private static final int LONGEST_LINE = 64 * 1024;

    private final DslContext context;
    private final StringBuilder partial = new StringBuilder();
    /** Set once the exec has returned (or was interrupted): what the stream still delivers is dropped, not printed onto the next prompt. */
    private volatile boolean closed;

    private CommandOutput(DslContext context) {
        this.context = context;
    }

    static CommandOutput to(DslContext context) {
        return new CommandOutput(context);
    }

    @Override
    public void accept(String text) {
        if (closed) {
            return;
        }
        if (!context.jsonResults()) {
            PrintStream out = context.output().out();
            synchronized (out) {
                if (closed) {
                    return;
                }
                out.print(text);
                out.flush();
            }
            return;
        }
        synchronized (partial) {
            partial.append(text);
            int start = 0;
            int newline;
            while ((newline = partial.indexOf("\n", start)) >= 0) {
                context.output().log(partial.substring(start, newline));
                start = newline + 1;
            }
            partial.delete(0, start);
            if (partial.length() > LONGEST_LINE) {
                // output without newlines (a progress bar, binary data) must not pile up here
                context.output().log(partial.toString());
                partial.setLength(0);
            }
        }
    }

    /** Passes on a last line that had no newline. */
    @Override
    public void close() {
        closed = true;
        PrintStream out = context.output().out();
        synchronized (out) {
            // waits for a piece being printed; later pieces see closed
        }
        synchronized (partial) {
            if (partial.length() > 0) {
                context.output().log(partial.toString());
                partial.setLength(0);
            }
        }
    }
}
