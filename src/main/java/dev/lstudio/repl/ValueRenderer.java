package dev.lstudio.repl;

import org.jline.utils.AttributedString;

/**
 * Turns an evaluation's value into what the REPL prints. Styles are kept (colours for a
 * terminal) and dropped by the REPL when the terminal is dumb.
 */
@FunctionalInterface
public interface ValueRenderer {

    /** The text for value; an empty string prints nothing (as for null). */
    AttributedString render(Object value);
}
