package dev.lstudio.repl;

import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/** Colours Groovy as it is typed: keywords, strings, numbers, comments, the DSL's verbs; and meta-commands. */
final class GroovyHighlighter implements Highlighter {

    static final AttributedStyle KEYWORD = AttributedStyle.BOLD.foreground(AttributedStyle.BLUE);
    static final AttributedStyle STRING = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    static final AttributedStyle NUMBER = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
    static final AttributedStyle COMMENT = AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT + AttributedStyle.BLACK);
    static final AttributedStyle VERB = AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
    static final AttributedStyle META = AttributedStyle.BOLD.foreground(AttributedStyle.MAGENTA);

    private final Supplier<Set<String>> verbs;

    GroovyHighlighter(Supplier<Set<String>> verbs) {
        this.verbs = verbs;
    }

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        AttributedStringBuilder out = new AttributedStringBuilder();
        if (ReplParser.isMetaCommand(buffer)) {
            int start = buffer.indexOf(':');
            int end = start;
            while (end < buffer.length() && !Character.isWhitespace(buffer.charAt(end))) {
                end++;
            }
            return out.append(buffer.substring(0, start)).styled(META, buffer.substring(start, end))
                    .append(buffer.substring(end)).toAttributedString();
        }
        Set<String> verbNames = verbs.get();
        int at = 0;
        for (GroovyLexer.Token t : GroovyLexer.lex(buffer).tokens) {
            String text = t.text(buffer);
            AttributedStyle style = switch (t.kind()) {
                case KEYWORD -> KEYWORD;
                case STRING -> STRING;
                case NUMBER -> NUMBER;
                case COMMENT -> COMMENT;
                case IDENT -> verbNames.contains(text) ? VERB : AttributedStyle.DEFAULT;
                default -> AttributedStyle.DEFAULT;
            };
            out.append(buffer, at, t.start()).styled(style, text);
            at = t.end();
        }
        return out.append(buffer.substring(at)).toAttributedString();
    }

    @Override
    public void setErrorPattern(Pattern errorPattern) {
    }

    @Override
    public void setErrorIndex(int errorIndex) {
    }
}
