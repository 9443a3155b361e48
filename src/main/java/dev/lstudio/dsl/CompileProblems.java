package dev.lstudio.dsl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.codehaus.groovy.control.messages.ExceptionMessage;
import org.codehaus.groovy.control.messages.Message;
import org.codehaus.groovy.control.messages.SimpleMessage;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;
import org.codehaus.groovy.syntax.SyntaxException;

/**
 * The compiler's messages as a person can act on them: each at its line and column with the
 * offending line beside it. Groovy's parser quotes everything from the start of the rule it
 * failed in ({@code Unexpected input: '('my-studio') {\n start ...}, which may be the whole
 * file): that becomes the one token at the column, or what is left unclosed at the end. A bad
 * escape ({@code "\q"}) is reported at the opening quote: it moves to the backslash.
 */
final class CompileProblems {
    private static final String ESCAPES = "btnfrs\\'\"$01234567u\n\r";

    private CompileProblems() {
    }

    /** The problems of a failed compilation of {@code text} (null when the text is not at hand: no excerpts then). */
    static List<ScriptCompileException.Problem> of(MultipleCompilationErrorsException e, String text) {
        Lines lines = new Lines(text);
        List<ScriptCompileException.Problem> problems = new ArrayList<>();
        for (Message message : e.getErrorCollector().getErrors()) {
            problems.add(of(message, lines));
        }
        return problems;
    }

    private static ScriptCompileException.Problem of(Message message, Lines lines) {
        if (message instanceof SyntaxErrorMessage syntax) {
            return of(syntax.getCause(), lines);
        }
        if (message instanceof ExceptionMessage exception) {
            return new ScriptCompileException.Problem(0, 0, String.valueOf(exception.getCause().getMessage()), "");
        }
        if (message instanceof SimpleMessage simple) {
            return new ScriptCompileException.Problem(0, 0, simple.getMessage(), "");
        }
        return new ScriptCompileException.Problem(0, 0, message.toString(), "");
    }

    private static ScriptCompileException.Problem of(SyntaxException cause, Lines lines) {
        int line = cause.getLine();
        int column = cause.getStartColumn();
        String message = cause.getOriginalMessage();
        if (message.startsWith("Unexpected input: ") && lines.count() == 0) {
            message = "unexpected input"; // the text is not at hand; its quote may be the whole file
        } else if (message.startsWith("Unexpected input: ")) {
            String here = lines.get(line);
            if (column >= 1 && column <= here.length()) {
                message = "unexpected '" + token(here, column - 1) + "'";
            } else {
                int[] open = unclosed(lines);
                message = open == null ? "unexpected end of the script"
                        : "unexpected end of the script: the '" + lines.get(open[0]).charAt(open[1] - 1)
                        + "' at " + open[0] + ":" + open[1] + " is not closed";
            }
        } else if (message.startsWith("Unexpected character: '\"'") || message.startsWith("Unexpected character: '\\''")) {
            int[] escape = badEscape(lines, line, column);
            if (escape != null) {
                line = escape[0];
                column = escape[1];
                message = "bad escape '\\" + lines.get(line).charAt(column) + "' in a string (write '\\\\' for a backslash)";
            }
        }
        return new ScriptCompileException.Problem(line, column, message, lines.get(line));
    }

    /** The word or the one character at {@code index}. */
    private static String token(String line, int index) {
        int end = index;
        while (end < line.length() && Character.isJavaIdentifierPart(line.charAt(end))) {
            end++;
        }
        return end == index ? String.valueOf(line.charAt(index)) : line.substring(index, end);
    }

    /** The first backslash after the quote at line:column that no Groovy escape starts: {line, 1-based column}. */
    private static int[] badEscape(Lines lines, int line, int column) {
        String first = lines.get(line);
        if (column < 1 || column > first.length()) {
            return null;
        }
        char quote = first.charAt(column - 1);
        int from = column;
        for (int n = line; n < line + 200 && n <= lines.count(); n++, from = 0) {
            String text = lines.get(n);
            for (int i = from; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\\') {
                    if (i + 1 < text.length() && ESCAPES.indexOf(text.charAt(i + 1)) < 0) {
                        return new int[] {n, i + 1};
                    }
                    i++;
                } else if (c == quote && n == line) {
                    return null; // the string ended on its line without a bad escape
                }
            }
        }
        return null;
    }

    /** The last bracket still open at the end, skipping strings and comments: {line, 1-based column}, or null. */
    private static int[] unclosed(Lines lines) {
        Deque<int[]> open = new ArrayDeque<>();
        String quote = null;
        boolean blockComment = false;
        for (int n = 1; n <= lines.count(); n++) {
            String text = lines.get(n);
            for (int i = 0; i < text.length(); i++) {
                if (blockComment) {
                    if (text.startsWith("*/", i)) {
                        blockComment = false;
                        i++;
                    }
                } else if (quote != null) {
                    if (text.charAt(i) == '\\') {
                        i++;
                    } else if (text.startsWith(quote, i)) {
                        i += quote.length() - 1;
                        quote = null;
                    }
                } else if (text.startsWith("//", i)) {
                    break;
                } else if (text.startsWith("/*", i)) {
                    blockComment = true;
                } else if (text.startsWith("'''", i) || text.startsWith("\"\"\"", i)) {
                    quote = text.substring(i, i + 3);
                    i += 2;
                } else if (text.charAt(i) == '\'' || text.charAt(i) == '"') {
                    quote = String.valueOf(text.charAt(i));
                } else if ("({[".indexOf(text.charAt(i)) >= 0) {
                    open.push(new int[] {n, i + 1});
                } else if (")}]".indexOf(text.charAt(i)) >= 0 && !open.isEmpty()) {
                    open.pop();
                }
            }
            if (quote != null && quote.length() == 1) {
                quote = null; // a one-quote string ends with its line
            }
        }
        return open.peek();
    }

    /** The script's lines, 1-based. */
    private static final class Lines {
        private final List<String> lines = new ArrayList<>();

        Lines(String text) {
            if (text != null) {
                lines.addAll(List.of(text.split("\r?\n|\r", -1)));
            }
        }

        String get(int line) {
            return line >= 1 && line <= lines.size() ? lines.get(line - 1) : "";
        }

        int count() {
            return lines.size();
        }
    }
}
