package dev.lstudio.client;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An ended owner's ledger file while {@link Cleanup} works on it: held under an OS file lock
 * (two cleanups at once take turns; the OS releases it if the cleaner dies), read again under
 * the lock, and rewritten at the end without the studios that were stopped or found gone.
 * Studios are judged in parallel, so those to drop are collected in a concurrent set; a studio
 * not judged (an interrupt, no credentials) is kept.
 */
final class LockedRecord implements AutoCloseable {
    final Path file;
    final OwnershipFiles.Content content;
    final Set<OwnedStudio> dropped = ConcurrentHashMap.newKeySet();
    private final FileChannel channel;

    /** {@code channel} null: a dry run, which locks and rewrites nothing. */
    LockedRecord(Path file, FileChannel channel, OwnershipFiles.Content content) {
        this.file = file;
        this.channel = channel;
        this.content = content;
    }

    /** The file locked and read again; null when another cleanup has it, it is gone, or it cannot be read. */
    static LockedRecord open(Path file, Function<Path, OwnershipFiles.Content> reader, Consumer<String> warnings) {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            OwnershipFiles.Content content = lock == null || !Files.exists(file) ? null : reader.apply(file);
            if (content == null) {
                channel.close(); // another cleanup has it, or just finished it
                return null;
            }
            return new LockedRecord(file, channel, content);
        } catch (NoSuchFileException gone) {
            return null; // cleaned by another cleanup meanwhile
        } catch (IOException e) {
            closeQuietly(channel);
            warnings.accept("could not update the ledger file " + file + ": " + OwnershipFiles.reason(e)
                    + "; the next cleanup looks at it again");
            return null;
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // this very JVM cleans it now
        }
    }

    /** Drops from the file what was stopped or found gone, in the file's order; deletes it when nothing is left. */
    void rewrite(Consumer<String> warnings) {
        List<OwnedStudio> remaining = new ArrayList<>(content.studios());
        remaining.removeAll(dropped);
        try {
            if (remaining.isEmpty()) {
                Files.deleteIfExists(file);
            } else if (remaining.size() < content.studios().size()) {
                OwnershipFiles.write(file, new OwnershipFiles.Content(OwnershipFiles.FORMAT, content.owner(), remaining),
                        OwnershipFiles.SYNCED);
            }
        } catch (IOException e) {
            warnings.accept("could not update the ledger file " + file + ": " + OwnershipFiles.reason(e)
                    + "; the next cleanup looks at it again");
        }
    }

    @Override
    public void close() {
        closeQuietly(channel); // releases the lock
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing more to release
            }
        }
    }
}
