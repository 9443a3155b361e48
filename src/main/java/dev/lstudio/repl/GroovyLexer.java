package dev.lstudio.repl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * A forgiving Groovy tokenizer for what the user is typing. It is not a parser: it only knows
 * enough (brackets, every string form, GString interpolation, comments) to tell whether input is
 * complete, to colour it, and to find where the cursor stands. It never throws.
 */
final class GroovyLexer {

    enum Kind { IDENT, KEYWORD, NUMBER, STRING, COMMENT, OPEN, CLOSE, PUNCT, SPACE, NEWLINE }

    record Token(Kind kind, int start, int end) {
        String text(CharSequence source) {
            return source.subSequence(start, end).toString();
        }
    }

    /** Something opened and not closed yet, innermost last. */
    enum OpenKind {
        PAREN(")", true), BRACKET("]", true), BRACE("}", true), INTERPOLATION("}", true),
        SINGLE("'", false), DOUBLE("\"", false), SLASHY("/", false),
        TRIPLE_SINGLE("'''", true), TRIPLE_DOUBLE("\"\"\"", true), DOLLAR_SLASHY("/$", true);

        final String closer;
        /** Whether a newline may continue it; an open single-line string is an error, not a continuation. */
        final boolean multiLine;

        OpenKind(String closer, boolean multiLine) {
            this.closer = closer;
            this.multiLine = multiLine;
        }

        boolean isString() {
            return ordinal() >= SINGLE.ordinal();
        }

        boolean isBracket() {
            return !isString() && this != INTERPOLATION;
        }

        boolean interpolates() {
            return this == DOUBLE || this == SLASHY || this == TRIPLE_DOUBLE || this == DOLLAR_SLASHY;
        }

        int openerLength() {
            return this == DOLLAR_SLASHY ? 2 : closer.length();
        }
    }

    record Open(OpenKind kind, int start) {
    }

    static final Set<String> KEYWORDS = Set.of(
            "as", "assert", "break", "case", "catch", "class", "const", "continue", "def", "default",
            "do", "else", "enum", "extends", "false", "finally", "for", "goto", "if", "implements",
            "import", "in", "instanceof", "interface", "new", "null", "package", "return", "super",
            "switch", "this", "throw", "throws", "trait", "true", "try", "var", "void", "while",
            "record", "yield", "boolean", "byte", "char", "short", "int", "long", "float", "double");

    /** The outcome of lexing: tokens, what is still open at the end, and whether the text is malformed. */
    static final class Result {
        final List<Token> tokens = new ArrayList<>();
        final Deque<Open> open = new ArrayDeque<>();
        boolean openComment;
        boolean malformed;

        /** True when a newline would only continue the input, so Enter should ask for more. */
        boolean incomplete() {
            if (malformed) {
                return false;
            }
            Open top = open.peek();
            return openComment || (top != null && top.kind().multiLine);
        }

        /** What would close the input, innermost first, for the secondary prompt. */
        String missing() {
            if (openComment) {
                return "*/";
            }
            Open top = open.peek();
            return top == null ? "" : top.kind().closer;
        }

        int openBrackets() {
            return (int) open.stream().filter(o -> o.kind().isBracket()).count();
        }

        String nextClosingBracket() {
            return open.stream().filter(o -> o.kind().isBracket()).map(o -> o.kind().closer).findFirst().orElse(null);
        }
    }

    private GroovyLexer() {
    }

    static Result lex(String s) {
        Result r = new Result();
        int i = 0;
        int n = s.length();
        while (i < n) {
            Open top = r.open.peek();
            i = top != null && top.kind().isString() ? stringBody(s, i, r) : code(s, i, r);
        }
        return r;
    }

    private static int code(String s, int i, Result r) {
        char c = s.charAt(i);
        if (c == '\n') {
            return add(r, Kind.NEWLINE, i, i + 1);
        }
        if (Character.isWhitespace(c)) {
            int j = i;
            while (j < s.length() && Character.isWhitespace(s.charAt(j)) && s.charAt(j) != '\n') {
                j++;
            }
            return add(r, Kind.SPACE, i, j);
        }
        if (s.startsWith("//", i) || (i == 0 && s.startsWith("#!"))) {
            int end = s.indexOf('\n', i);
            return add(r, Kind.COMMENT, i, end < 0 ? s.length() : end);
        }
        if (s.startsWith("/*", i)) {
            int end = s.indexOf("*/", i + 2);
            r.openComment = end < 0;
            return add(r, Kind.COMMENT, i, end < 0 ? s.length() : end + 2);
        }
        if (s.startsWith("'''", i)) {
            return openString(r, OpenKind.TRIPLE_SINGLE, i);
        }
        if (s.startsWith("\"\"\"", i)) {
            return openString(r, OpenKind.TRIPLE_DOUBLE, i);
        }
        if (c == '\'') {
            return openString(r, OpenKind.SINGLE, i);
        }
        if (c == '"') {
            return openString(r, OpenKind.DOUBLE, i);
        }
        if (s.startsWith("$/", i)) {
            return openString(r, OpenKind.DOLLAR_SLASHY, i);
        }
        if (c == '/' && slashyMayStart(s, r)) {
            return openString(r, OpenKind.SLASHY, i);
        }
        if (Character.isDigit(c)) {
            return add(r, Kind.NUMBER, i, number(s, i));
        }
        if (Character.isJavaIdentifierStart(c)) {
            int j = i + 1;
            while (j < s.length() && Character.isJavaIdentifierPart(s.charAt(j))) {
                j++;
            }
            return add(r, KEYWORDS.contains(s.substring(i, j)) ? Kind.KEYWORD : Kind.IDENT, i, j);
        }
        switch (c) {
            case '(' -> r.open.push(new Open(OpenKind.PAREN, i));
            case '[' -> r.open.push(new Open(OpenKind.BRACKET, i));
            case '{' -> r.open.push(new Open(OpenKind.BRACE, i));
            case ')', ']', '}' -> {
                Open top = r.open.peek();
                if (top != null && top.kind().closer.charAt(0) == c && !top.kind().isString()) {
                    r.open.pop();
                } else {
                    r.malformed = true;
                }
                return add(r, Kind.CLOSE, i, i + 1);
            }
            default -> {
                return add(r, Kind.PUNCT, i, i + 1);
            }
        }
        return add(r, Kind.OPEN, i, i + 1);
    }

    /** A slash starts a regex only where a value is expected; after a value it divides. */
    private static boolean slashyMayStart(String s, Result r) {
        for (int k = r.tokens.size() - 1; k >= 0; k--) {
            Token t = r.tokens.get(k);
            switch (t.kind()) {
                case SPACE, NEWLINE, COMMENT -> {
                    continue;
                }
                case IDENT, NUMBER, STRING, CLOSE -> {
                    return false;
                }
                case KEYWORD -> {
                    String w = t.text(s);
                    return !(w.equals("this") || w.equals("true") || w.equals("false") || w.equals("null"));
                }
                default -> {
                    return true;
                }
            }
        }
        return true;
    }

    private static int number(String s, int i) {
        int j = i;
        if (s.startsWith("0x", i) || s.startsWith("0X", i) || s.startsWith("0b", i) || s.startsWith("0B", i)) {
            j += 2;
        }
        while (j < s.length()) {
            char c = s.charAt(j);
            boolean decimalPoint = c == '.' && j + 1 < s.length() && Character.isDigit(s.charAt(j + 1));
            boolean exponentSign = (c == '+' || c == '-') && (s.charAt(j - 1) == 'e' || s.charAt(j - 1) == 'E');
            if (Character.isLetterOrDigit(c) || c == '_' || decimalPoint || exponentSign) {
                j++;
            } else {
                break;
            }
        }
        return j;
    }

    private static int openString(Result r, OpenKind kind, int i) {
        r.open.push(new Open(kind, i));
        return add(r, Kind.STRING, i, i + kind.openerLength());
    }

    private static int stringBody(String s, int i, Result r) {
        OpenKind kind = r.open.peek().kind();
        int start = i;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (kind == OpenKind.DOLLAR_SLASHY && c == '$' && i + 1 < n && "$/".indexOf(s.charAt(i + 1)) >= 0) {
                i += 2;
            } else if (kind != OpenKind.DOLLAR_SLASHY && c == '\\' && i + 1 < n) {
                i += 2;
            } else if (s.startsWith(kind.closer, i)) {
                r.open.pop();
                return add(r, Kind.STRING, start, i + kind.closer.length());
            } else if (c == '\n' && !kind.multiLine) {
                // Groovy never continues a quoted single-line string: the compiler should say so.
                r.open.pop();
                r.malformed = true;
                return add(r, Kind.STRING, start, i);
            } else if (kind.interpolates() && s.startsWith("${", i)) {
                r.open.push(new Open(OpenKind.INTERPOLATION, i));
                return add(r, Kind.STRING, start, i + 2);
            } else {
                i++;
            }
        }
        return add(r, Kind.STRING, start, n);
    }

    private static int add(Result r, Kind kind, int start, int end) {
        if (end > start) {
            r.tokens.add(new Token(kind, start, end));
        }
        return end;
    }
}
