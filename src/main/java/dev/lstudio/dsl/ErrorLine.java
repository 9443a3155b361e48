package dev.lstudio.dsl;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.codehaus.groovy.control.messages.ExceptionMessage;
import org.codehaus.groovy.control.messages.Message;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;
import org.codehaus.groovy.runtime.InvokerInvocationException;

/**
 * The one way a failure becomes the line a person reads (the runner's {@code lstudio: ...}, the
 * REPL's error line), for a user who did not ask for the stack trace: wrappers of reflection and
 * futures unwrapped, compile errors by position, our own messages as they are, others with
 * their type.
 */
public final class ErrorLine {

    private ErrorLine() {
    }

    public static String of(Throwable thrown) {
        Throwable t = unwrap(thrown);
        if (t instanceof MultipleCompilationErrorsException m) {
            return compileError(m);
        }
        String message = firstLine(t.getMessage());
        if (message.isEmpty()) {
            return t.getClass().getSimpleName();
        }
        // Our own exceptions are written for the user; others need their type to make sense.
        if (t.getClass().getName().startsWith("dev.lstudio.")) {
            return message;
        }
        return t.getClass().getSimpleName() + ": " + message.replaceAll(" for class: Script\\d+", "");
    }

    /**
     * The failed command behind {@code thrown} (directly, or as the cause of a parallel item's
     * failure), or null: its line is part of the run's log, timestamped like it.
     */
    public static CommandFailedException commandFailure(Throwable thrown) {
        Throwable t = unwrap(thrown);
        while (t instanceof ParallelException && t.getCause() != null) {
            t = unwrap(t.getCause());
        }
        return t instanceof CommandFailedException c ? c : null;
    }

    public static Throwable unwrap(Throwable t) {
        Throwable current = t;
        while (current.getCause() != null && current != current.getCause()
                && (current instanceof InvokerInvocationException || current instanceof UndeclaredThrowableException
                || current instanceof InvocationTargetException || current instanceof ExecutionException
                || current instanceof CompletionException)) {
            current = current.getCause();
        }
        return current;
    }

    private static String compileError(MultipleCompilationErrorsException m) {
        int count = m.getErrorCollector().getErrorCount();
        String more = count > 1 ? " (and " + (count - 1) + " more)" : "";
        Message first = m.getErrorCollector().getError(0);
        if (first instanceof SyntaxErrorMessage sm) {
            ScriptCompileException.Problem p = CompileProblems.of(m, null).get(0);
            String kind = sm.getCause() instanceof CallCheck.Mistake ? "" : "syntax error: ";
            return kind + firstLine(p.message()) + " at line " + p.line() + ", column " + p.column() + more;
        }
        if (first instanceof ExceptionMessage em && em.getCause() != null) {
            return "compile error: " + firstLine(em.getCause().getMessage()) + more;
        }
        return "compile error: " + firstLine(m.getMessage().replaceFirst("^startup failed:\\s*", "")) + more;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        String stripped = s.strip();
        int nl = stripped.indexOf('\n');
        return nl < 0 ? stripped : stripped.substring(0, nl).strip();
    }
}
