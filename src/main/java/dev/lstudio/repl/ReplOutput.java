package dev.lstudio.repl;

import dev.lstudio.dsl.ErrorLine;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Function;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/**
 * Everything the REPL prints goes through here: results, notes and errors, in colour or plain,
 * each with the credentials masked (a value that holds the key shows {@code ****}).
 */
final class ReplOutput {

    private final Terminal terminal;
    private final Secrets secrets;
    private final ValueRenderer renderer;
    private final Function<Object, String> json;
    private volatile boolean jsonOutput;
    private volatile boolean debug;

    ReplOutput(Terminal terminal, Secrets secrets, ValueRenderer renderer, Function<Object, String> json,
            boolean jsonOutput, boolean debug) {
        this.terminal = terminal;
        this.secrets = secrets;
        this.renderer = renderer;
        this.json = json;
        this.jsonOutput = jsonOutput;
        this.debug = debug;
    }

    Terminal terminal() {
        return terminal;
    }

    boolean colour() {
        String type = terminal.getType();
        return type != null && !type.equals(Terminal.TYPE_DUMB);
    }

    void result(Object value) {
        if (jsonOutput) {
            if (value != null) {
                line(json.apply(value));
            }
            return;
        }
        AttributedString text = renderer.render(value);
        if (text != null && text.length() > 0) {
            print(text);
        }
    }

    void print(AttributedString text) {
        String plain = text.toString();
        String masked = secrets.redact(plain);
        // the styles go with the key: a masked text keeps only its first style
        AttributedString shown = masked.equals(plain) ? text
                : new AttributedString(masked, plain.isEmpty() ? AttributedStyle.DEFAULT : text.styleAt(0));
        PrintWriter out = terminal.writer();
        out.println(colour() ? shown.toAnsi(terminal) : shown.toString());
        out.flush();
    }

    void line(String text) {
        print(new AttributedString(text));
    }

    void note(String text) {
        print(new AttributedString(text, AttributedStyle.DEFAULT.faint()));
    }

    void error(Throwable t) {
        if (debug) {
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            print(new AttributedString(trace.toString().stripTrailing(),
                    AttributedStyle.DEFAULT.foreground(AttributedStyle.RED)));
        } else {
            error(ErrorLine.of(t));
        }
    }

    void error(String message) {
        print(new AttributedString("error: " + message, AttributedStyle.DEFAULT.foreground(AttributedStyle.RED)));
    }

    boolean json() {
        return jsonOutput;
    }

    void json(boolean on) {
        jsonOutput = on;
    }

    boolean debug() {
        return debug;
    }

    void debug(boolean on) {
        debug = on;
    }
}
