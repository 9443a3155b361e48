package dev.lstudio.repl;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.function.Consumer;
import org.jline.reader.LineReader;
import org.jline.reader.impl.history.DefaultHistory;

/**
 * JLine's history, except that a line holding a credential is never added: not to memory, and so
 * never to the file either. Lines like that already in an old file are dropped when it is read.
 *
 * <p>Saving never fails the REPL. JLine appends each line to the file as it is entered; when that
 * fails (a full disk, a file made read-only) the file is cut back to its length before the
 * attempt, so a half-written line can never make the next session's load fail, and the user is
 * told once. The lines stay in memory and are written with the next save that succeeds.
 */
class RedactingHistory extends DefaultHistory {

    private final Secrets secrets;
    private final Consumer<String> warnings;
    private LineReader lineReader;
    private boolean warned;

    RedactingHistory(Secrets secrets, Consumer<String> warnings) {
        this.secrets = secrets;
        this.warnings = warnings;
    }

    @Override
    public void attach(LineReader reader) {
        this.lineReader = reader;
        super.attach(reader);
    }

    @Override
    public void add(Instant time, String line) {
        if (!secrets.sensitive(line)) {
            super.add(time, line);
        }
    }

    @Override
    protected void internalAdd(Instant time, String line, boolean checkDuplicates) {
        if (!secrets.sensitive(line)) {
            super.internalAdd(time, line, checkDuplicates);
        }
    }

    @Override
    public synchronized void save() {
        Path file = file();
        long before = file == null ? -1 : length(file);
        try {
            write();
        } catch (IOException | RuntimeException e) {
            cutBack(file, before);
            if (!warned) {
                warned = true;
                warnings.accept("history is not being saved to " + file + " (" + reason(e)
                        + "); the lines typed are kept for this session only");
            }
        }
    }

    /** JLine's append to the file; specs replace it with one that fails as a full disk does. */
    void write() throws IOException {
        super.save();
    }

    private Path file() {
        Object value = lineReader == null ? null : lineReader.getVariable(LineReader.HISTORY_FILE);
        return value instanceof Path ? (Path) value : value == null ? null : Path.of(value.toString());
    }

    private static long length(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    /** Truncating frees space, so it works on a full disk too. */
    private static void cutBack(Path file, long before) {
        if (file == null || before < 0) {
            return;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            if (channel.size() > before) {
                channel.truncate(before);
            }
        } catch (IOException e) {
            // Nothing more can be done for the file; the warning has been (or is being) given.
        }
    }

    private static String reason(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "its folder is gone";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /** History may hold commands worth keeping private: the file is the user's alone. False (and a note) when it cannot be used. */
    static boolean prepare(java.nio.file.Path file, java.util.function.Consumer<String> note) {
        try {
            dev.lstudio.client.PrivateFiles.directories(file.toAbsolutePath().getParent());
            if (!java.nio.file.Files.exists(file)) {
                java.nio.file.Files.createFile(file, dev.lstudio.client.PrivateFiles.file(file));
            }
            return true;
        } catch (java.io.IOException e) {
            note.accept("history is not saved: cannot use " + file + " (" + e.getMessage() + ")");
            return false;
        }
    }
}
