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

    /** A compiler message; line and column are 1-based, or 0 when the compiler gave none. */
    public record Problem(int line, int column, String message) {
        @Override
        public String toString() {
            return line + ":" + column + ": " + message;
        }
    }
}
