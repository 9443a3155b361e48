package dev.lstudio.dsl;

import java.util.List;

/** The script does not compile; each problem has the line and column the compiler gave. */
public final class ScriptCompileException extends DslException {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    ScriptCompileException(List<Problem> problems, Throwable cause) {
        super(problems.isEmpty() ? "the script does not compile" : problems.get(0).toString(), cause);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    /**
     * A compiler message; line and column are 1-based, or 0 when the compiler gave none; {@code text}
     * is the script's line there (empty when unknown).
     */
    public record Problem(int line, int column, String message, String text) {
        public Problem {
            text = text == null ? "" : text.stripTrailing();
        }

        public Problem(int line, int column, String message) {
            this(line, column, message, "");
        }

        /** The offending line and a caret under the column, as compilers show them; empty without a line. */
        public List<String> excerpt() {
            if (text.isBlank() || column < 1) {
                return List.of();
            }
            StringBuilder caret = new StringBuilder();
            for (int i = 0; i < column - 1 && i < text.length(); i++) {
                caret.append(text.charAt(i) == '\t' ? '\t' : ' '); // tabs kept, so the caret lines up
            }
            return List.of(text, caret.append('^').toString());
        }

        @Override
        public String toString() {
            return line + ":" + column + ": " + message;
        }
    }
}
