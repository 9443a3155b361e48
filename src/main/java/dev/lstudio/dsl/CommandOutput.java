package dev.lstudio.dsl;

import java.io.PrintStream;
import java.util.function.Consumer;

/**
 * Where a running command's output goes while it runs: straight to the results stream (stdout),
 * flushed piece by piece; with {@code --json}, where stdout carries only JSON lines, line by line
 * to the log (stderr) instead, and the result follows as one JSON line. With a tag (a
 * {@code parallel} item running beside others) each line starts with it, like GNU parallel's
 * {@code --tag}, so that lines of several studios can be told apart; whole lines only then, or
 * two studios' halves would share a line. With {@code echo: false} nothing is shown: the output
 * is in the result only.
 */
final class CommandOutput implements Consumer<String>, AutoCloseable {
    private static final int LONGEST_LINE = 64 * 1024;

    private final DslContext context;
    private final boolean echo;
    private final String tag;
    private final StringBuilder partial = new StringBuilder();
    /** Set once the exec has returned (or was interrupted): what the stream still delivers is dropped, not printed onto the next prompt. */
    private volatile boolean closed;

    private CommandOutput(DslContext context, boolean echo, String tag) {
        this.context = context;
        this.echo = echo;
        this.tag = tag;
    }

    /** {@code tag}: what each line starts with ({@code "[worker-2] "}), or empty for untagged output. */
    static CommandOutput to(DslContext context, boolean echo, String tag) {
        return new CommandOutput(context, echo, tag);
    }

    @Override
    public void accept(String text) {
        if (!echo || closed) {
            return;
        }
        if (!context.jsonResults() && tag.isEmpty()) {
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
                line(partial.substring(start, newline));
                start = newline + 1;
            }
            partial.delete(0, start);
            if (partial.length() > LONGEST_LINE) {
                // output without newlines (a progress bar, binary data) must not pile up here
                line(partial.toString());
                partial.setLength(0);
            }
        }
    }

    private void line(String line) {
        if (context.jsonResults()) {
            context.output().log(tag + line);
            return;
        }
        PrintStream out = context.output().out();
        synchronized (out) {
            out.println(tag + line);
            out.flush();
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
                line(partial.toString());
                partial.setLength(0);
            }
        }
    }
}
