package dev.lstudio.emulator;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The state directory's {@code state.json}: written whole on every change to a temp file that is
 * then renamed over the old one, so a crash leaves either the old state or the new, never half.
 * A file that cannot be read is reported and left in place for the user to look at.
 */
final class StateFile implements AutoCloseable {
    static final String FORMAT = "lstudio-emulator-state/1";

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;
    private final Path tmp;
    private final FileChannel lockChannel;
    private final FileLock lock;

    /** Everything the emulator keeps across restarts. */
    @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
            isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
    static final class Snapshot {
        String format = FORMAT;
        String userId;
        String apiKey;
        String username;
        long seq;
        double retiredMachineSeconds;
        List<StudioRecord> studios = new ArrayList<>();
        List<Store.Endpoint> endpoints = new ArrayList<>();
    }

    private StateFile(Path file, FileChannel lockChannel, FileLock lock) {
        this.file = file;
        this.tmp = file.resolveSibling(file.getFileName() + ".tmp");
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Claims the state directory for this emulator; a second emulator on it gets a clear error. */
    static StateFile open(Path dir) throws IOException {
        Files.createDirectories(dir);
        FileChannel channel = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("state directory " + dir + " is in use by another emulator;"
                    + " stop that one or choose another --state-dir");
        }
        return new StateFile(dir.resolve("state.json"), channel, lock);
    }

    /** The saved state, or null when there is none yet. */
    Snapshot load() {
        if (!Files.exists(file)) {
            return null;
        }
        Snapshot s;
        try {
            s = Json.MAPPER.readValue(file.toFile(), Snapshot.class);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw corrupt(e.getOriginalMessage() + (at == null ? "" : " (line " + at.getLineNr() + ", column "
                    + at.getColumnNr() + ")"));
        } catch (IOException e) {
            throw corrupt(firstLine(e.getMessage()));
        }
        if (s == null || !FORMAT.equals(s.format) || s.studios == null || s.endpoints == null) {
            throw corrupt("it is not an lstudio emulator state file (expected \"format\": \"" + FORMAT + "\")");
        }
        for (StudioRecord studio : s.studios) {
            if (studio == null || studio.id == null || studio.name == null || studio.projectId == null) {
                throw corrupt("a studio entry lacks its id, name or projectId");
            }
        }
        return s;
    }

    private IllegalStateException corrupt(String why) {
        return new IllegalStateException("emulator state file " + file + " is corrupt: " + why
                + ". Nothing was changed; move the file away (or fix it) and start again");
    }

    private static String firstLine(String message) {
        String m = message == null ? "unreadable" : message;
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    void save(Snapshot snapshot) {
        try {
            byte[] bytes = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(snapshot);
            // Owner-only: the file holds the emulator's API key.
            try (FileChannel ch = FileChannel.open(tmp, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING), PosixFilePermissions.asFileAttribute(OWNER_ONLY))) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(false);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not save emulator state to " + file, e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            lockChannel.close();
        }
    }
}
