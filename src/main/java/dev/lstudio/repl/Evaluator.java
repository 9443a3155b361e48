package dev.lstudio.repl;

import java.util.Set;

/**
 * Evaluates one complete snippet of the REPL's language and returns its value. State persists
 * between snippets: variables, defined methods and classes, imports. Called on a worker thread
 * that is interrupted when the user presses Ctrl-C.
 */
public interface Evaluator {

    Object evaluate(String source) throws Exception;

    /** Names the user defined (variables, methods), offered by completion; must answer from memory. */
    default Set<String> names() {
        return Set.of();
    }
}
