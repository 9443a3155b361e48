package dev.lstudio.repl;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jline.reader.Candidate;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.Parser.ParseContext;
import org.jline.reader.impl.CompletionMatcherImpl;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.impl.DumbTerminal;

/**
 * One TAB as the REPL does it, for the benchmark: the REPL's parser, its completer over the given
 * data (through the REPL's own deadline guard) and JLine's matching, on a dumb terminal.
 * Lives in the repl package of the test sources because the reader is package-private.
 */
public final class TabProbe implements AutoCloseable {
    private final DumbTerminal terminal;
    private final LineReaderImpl reader;

    public TabProbe(CompletionData data) {
        try {
            terminal = new DumbTerminal("bench", "ansi", new ByteArrayInputStream(new byte[0]),
                    OutputStream.nullOutputStream(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        reader = (LineReaderImpl) Repl.builder().terminal(terminal).historyFile(null).completion(data).build().reader();
    }

    /** The candidates that TAB at the end of {@code buffer} offers. */
    public List<Candidate> tab(String buffer) {
        CompletingParsedLine line = (CompletingParsedLine) reader.getParser().parse(buffer, buffer.length(), ParseContext.COMPLETE);
        List<Candidate> candidates = new ArrayList<>();
        reader.getCompleter().complete(reader, line, candidates);
        CompletionMatcherImpl matcher = new CompletionMatcherImpl();
        matcher.compile(Map.of(), false, line, false, 2, null);
        return matcher.matches(candidates);
    }

    @Override
    public void close() throws IOException {
        terminal.close();
    }
}
