package dev.lstudio.dsl;

import java.io.PrintStream;
import java.util.Objects;

/**
 * Where a script's output goes. Results ({@code json(...)}, {@code println}) go to
 * {@link #out()}, which is stdout under the runner; human log lines go to {@link #log(String)},
 * which the runner sends to stderr (timestamped when stderr is not a terminal).
 */
public interface Output {
    void log(String message);

    PrintStream out();

    /** Plain output for Java callers and tests: results to {@code out}, log lines to {@code err}. */
    static Output of(PrintStream out, PrintStream err) {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        return new Output() {
            @Override
            public void log(String message) {
                err.println(message);
                err.flush();
            }

            @Override
            public PrintStream out() {
                return out;
            }
        };
    }
}
