package dev.lstudio.repl;

import java.util.List;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.SyntaxError;
import org.jline.reader.impl.DefaultParser;

/**
 * Splits the REPL's input for JLine. Meta-command lines ({@code :load FILE}) are words, as a shell
 * would split them; everything else is Groovy, which is incomplete while a bracket, a multi-line
 * string or a block comment is open, so that Enter continues it on the secondary prompt.
 */
final class ReplParser implements Parser {

    private final DefaultParser words = new DefaultParser();

    static boolean isMetaCommand(String line) {
        return line.stripLeading().startsWith(":") && line.indexOf('\n') < 0;
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) throws SyntaxError {
        if (isMetaCommand(line)) {
            return words.parse(line, cursor, context);
        }
        if (context == ParseContext.COMPLETE) {
            return new GroovyLine(line, cursor, CursorContext.at(line, cursor));
        }
        GroovyLexer.Result lexed = GroovyLexer.lex(line);
        if (lexed.incomplete() && context != ParseContext.SPLIT_LINE) {
            throw new EOFError(-1, -1, "incomplete Groovy input", lexed.missing(),
                    lexed.openBrackets(), lexed.nextClosingBracket());
        }
        return new GroovyLine(line, cursor, new CursorContext(CursorContext.Place.NONE, "", cursor, "", false,
                null, null, false));
    }

    /** A Groovy buffer seen from the cursor; the word is what completion replaces. */
    static final class GroovyLine implements CompletingParsedLine {
        private final String line;
        private final int cursor;
        private final CursorContext context;

        GroovyLine(String line, int cursor, CursorContext context) {
            this.line = line;
            this.cursor = cursor;
            this.context = context;
        }

        CursorContext context() {
            return context;
        }

        @Override
        public String word() {
            return context.word();
        }

        @Override
        public int wordCursor() {
            return context.word().length();
        }

        @Override
        public int wordIndex() {
            return 0;
        }

        @Override
        public List<String> words() {
            return List.of(context.word());
        }

        @Override
        public String line() {
            return line;
        }

        @Override
        public int cursor() {
            return cursor;
        }

        /** Inside quotes the candidate gets the opening quote back, and the closing one once complete. */
        @Override
        public CharSequence escape(CharSequence candidate, boolean complete) {
            String quote = context.quote();
            if (quote.isEmpty()) {
                return candidate;
            }
            return quote + candidate + (complete && !context.closed() ? quote : "");
        }

        @Override
        public int rawWordCursor() {
            return cursor - context.rawStart();
        }

        @Override
        public int rawWordLength() {
            return cursor - context.rawStart();
        }
    }
}
