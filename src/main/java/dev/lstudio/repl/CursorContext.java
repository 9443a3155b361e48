package dev.lstudio.repl;

import dev.lstudio.repl.GroovyLexer.Kind;
import dev.lstudio.repl.GroovyLexer.Open;
import dev.lstudio.repl.GroovyLexer.OpenKind;
import dev.lstudio.repl.GroovyLexer.Token;
import java.util.List;

/**
 * Where the cursor stands in a Groovy buffer, as far as completion cares.
 *
 * @param place    the kind of position
 * @param word     what the user typed of the word being completed (string content without quotes)
 * @param rawStart buffer offset where the replaced text starts (the opening quote, for strings)
 * @param quote    the quote in use inside a string, else empty
 * @param closed   whether the string is already closed after the cursor
 * @param verb     the call the position belongs to ({@code studio} in {@code studio('x}), else null
 * @param label    the named argument whose value is typed ({@code machine} in {@code machine: 'x}), else null
 * @param firstArgument whether an ARGUMENT position is the call's first, where a positional value may go
 */
record CursorContext(Place place, String word, int rawStart, String quote, boolean closed,
                     String verb, String label, boolean firstArgument) {

    enum Place {
        /** Nothing sensible to offer: a comment, an interpolation, a number. */
        NONE,
        /** Start of a statement or an expression: verbs and variables. */
        STATEMENT,
        /** After a dot: verbs of a handle. */
        MEMBER,
        /** Inside a verb's argument list, outside quotes: its named arguments. */
        ARGUMENT,
        /** Inside a quoted string that is a verb's first argument or a named argument's value. */
        STRING
    }

    static CursorContext at(String buffer, int cursor) {
        String before = buffer.substring(0, cursor);
        GroovyLexer.Result r = GroovyLexer.lex(before);
        Open top = r.open.peek();
        if (top != null && top.kind().isString()) {
            return inString(buffer, before, r, top);
        }
        if (r.openComment || endsInComment(r, cursor)) {
            return none(cursor);
        }
        int wordStart = cursor;
        while (wordStart > 0 && Character.isJavaIdentifierPart(before.charAt(wordStart - 1))) {
            wordStart--;
        }
        String word = before.substring(wordStart);
        if (!word.isEmpty() && Character.isDigit(word.charAt(0))) {
            return none(cursor);
        }
        List<Token> sig = significantBefore(r.tokens, wordStart, false);
        Token prev = last(sig, 0);
        if (prev != null && prev.kind() == Kind.PUNCT && prev.text(before).equals(".")) {
            return new CursorContext(Place.MEMBER, word, wordStart, "", false, null, null, false);
        }
        if (isPunct(before, prev, ":") && last(sig, 1) != null && last(sig, 1).kind() == Kind.IDENT) {
            String label = last(sig, 1).text(before);
            return new CursorContext(Place.ARGUMENT, word, wordStart, "", false, null, label, false);
        }
        Call call = enclosingCall(before, r, sig, significantBefore(r.tokens, wordStart, true));
        if (call != null) {
            return new CursorContext(Place.ARGUMENT, word, wordStart, "", false, call.verb, null, call.first);
        }
        return new CursorContext(Place.STATEMENT, word, wordStart, "", false, null, null, false);
    }

    private static CursorContext inString(String buffer, String before, GroovyLexer.Result r, Open top) {
        OpenKind kind = top.kind();
        int contentStart = top.start() + kind.openerLength();
        String word = before.substring(contentStart);
        if (kind == OpenKind.SLASHY || kind == OpenKind.DOLLAR_SLASHY || word.contains("\n")
                || word.contains("${")) {
            return none(before.length());
        }
        String quote = buffer.substring(top.start(), contentStart);
        boolean closed = buffer.startsWith(quote, closingSearch(buffer, before.length(), quote));
        List<Token> sig = significantBefore(r.tokens, top.start(), false);
        Token prev = last(sig, 0);
        Token prev2 = last(sig, 1);
        if (isPunct(before, prev, ":") && prev2 != null && prev2.kind() == Kind.IDENT) {
            return new CursorContext(Place.STRING, word, top.start(), quote, closed, labelledCall(before, r, top),
                    prev2.text(before), false);
        }
        if (prev != null && prev.kind() == Kind.OPEN && prev.text(before).equals("(")
                && prev2 != null && prev2.kind() == Kind.IDENT) {
            return new CursorContext(Place.STRING, word, top.start(), quote, closed, prev2.text(before), null, true);
        }
        if (prev != null && prev.kind() == Kind.IDENT
                && prev.equals(commandVerb(before, significantBefore(r.tokens, top.start(), true)))) {
            return new CursorContext(Place.STRING, word, top.start(), quote, closed, prev.text(before), null, true);
        }
        return none(before.length());
    }

    /**
     * The call a named argument's string belongs to ({@code upload} in {@code upload('a', to: 'x}
     * or {@code upload 'a', to: 'x}), so that {@code to:} can mean a different list per verb; null
     * when there is none.
     */
    private static String labelledCall(String before, GroovyLexer.Result r, Open string) {
        for (Open o : r.open) {
            if (o != string && o.kind() == OpenKind.PAREN) {
                Token name = last(significantBefore(r.tokens, o.start(), false), 0);
                return name != null && name.kind() == Kind.IDENT ? name.text(before) : null;
            }
            if (o != string) {
                break; // a closure or a list: the call is inside it, not around it
            }
        }
        Token verb = commandVerb(before, significantBefore(r.tokens, string.start(), true));
        return verb == null ? null : verb.text(before);
    }

    /** The offset after the rest of the string's word, where a closing quote would be. */
    private static int closingSearch(String buffer, int from, String quote) {
        int i = from;
        while (i < buffer.length() && buffer.charAt(i) != '\n' && !buffer.startsWith(quote, i)
                && buffer.charAt(i) != '\\') {
            i++;
        }
        return i;
    }

    private record Call(String verb, boolean first) {
    }

    /**
     * The call whose arguments the cursor is in: the innermost open parenthesis preceded by a name,
     * or a command expression ({@code s.start machine: ...}) at the start of the current statement.
     */
    private static Call enclosingCall(String before, GroovyLexer.Result r, List<Token> sig, List<Token> lines) {
        Token prev = last(sig, 0);
        Open top = r.open.peek();
        if (top != null && top.kind() == OpenKind.PAREN) {
            List<Token> head = significantBefore(r.tokens, top.start(), false);
            Token name = last(head, 0);
            if (name == null || name.kind() != Kind.IDENT) {
                return null;
            }
            boolean first = prev != null && prev.start() == top.start();
            return new Call(name.text(before), first);
        }
        Token verb = commandVerb(before, lines);
        if (verb == null) {
            return null;
        }
        return new Call(verb.text(before), verb.equals(prev));
    }

    /**
     * In {@code s.start machine: 'x', sp}, the token {@code start}: the last name of a dotted chain
     * that opens the statement and is followed by a space, so what follows are its arguments.
     */
    private static Token commandVerb(String before, List<Token> sig) {
        int start = statementStart(before, sig);
        if (start >= sig.size() || sig.get(start).kind() != Kind.IDENT) {
            return null;
        }
        int k = start;
        while (k + 2 < sig.size() && isPunct(before, sig.get(k + 1), ".") && sig.get(k + 2).kind() == Kind.IDENT) {
            k += 2;
        }
        Token verb = sig.get(k);
        boolean spaced = verb.end() < before.length() && Character.isWhitespace(before.charAt(verb.end()));
        if (!spaced) {
            return null;
        }
        for (int j = k + 1; j < sig.size(); j++) {
            Token t = sig.get(j);
            if (t.kind() == Kind.OPEN || t.kind() == Kind.CLOSE
                    || (t.kind() == Kind.PUNCT && "=+-*/<>&|!?".contains(t.text(before)))) {
                return null;
            }
        }
        return verb;
    }

    /** Index in sig of the first token of the statement the last token belongs to. */
    private static int statementStart(String before, List<Token> sig) {
        for (int k = sig.size() - 1; k >= 0; k--) {
            Token t = sig.get(k);
            boolean separator = t.kind() == Kind.NEWLINE || t.kind() == Kind.OPEN && t.text(before).equals("{")
                    || isPunct(before, t, ";") || isPunct(before, t, ">") && k > 0 && isPunct(before, sig.get(k - 1), "-");
            if (separator) {
                return k + 1;
            }
        }
        return 0;
    }

    /** Tokens before offset other than spaces and comments; newlines only when asked, they end statements. */
    private static List<Token> significantBefore(List<Token> tokens, int offset, boolean newlines) {
        return tokens.stream()
                .filter(t -> t.end() <= offset && t.kind() != Kind.SPACE && t.kind() != Kind.COMMENT)
                .filter(t -> newlines || t.kind() != Kind.NEWLINE)
                .toList();
    }

    private static boolean endsInComment(GroovyLexer.Result r, int cursor) {
        if (r.tokens.isEmpty()) {
            return false;
        }
        Token t = r.tokens.get(r.tokens.size() - 1);
        return t.kind() == Kind.COMMENT && t.end() == cursor;
    }

    private static Token last(List<Token> sig, int back) {
        int k = sig.size() - 1 - back;
        return k >= 0 ? sig.get(k) : null;
    }

    private static boolean isPunct(String s, Token t, String text) {
        return t != null && t.kind() == Kind.PUNCT && t.text(s).equals(text);
    }

    private static CursorContext none(int cursor) {
        return new CursorContext(Place.NONE, "", cursor, "", false, null, null, false);
    }
}
