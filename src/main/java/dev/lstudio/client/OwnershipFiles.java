package dev.lstudio.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.lstudio.api.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;

/**
 * The ledger's files: one per owning process, {@code HOST-PID-STARTMILLIS.json} in the
 * {@code owned/} folder, holding the owner and its studios. Written whole to a temporary file
 * beside it, synced, then renamed over it (ATOMIC_MOVE), so a reader sees the old file or the
 * new one, never half of one; files are 0600 and the folder 0700. Written and read with the
 * client side's one mapper ({@link Json}), indented for a person who opens the file.
 */
final class OwnershipFiles {
    static final String SUFFIX = ".json";
    static final String TEMP_SUFFIX = ".json.tmp";
    static final int FORMAT = 1;

    private static final ObjectWriter WRITER = Json.mapper().writerWithDefaultPrettyPrinter();

    private OwnershipFiles() {
    }

    /** What one file holds. */
    record Content(int format, Owner owner, List<OwnedStudio> studios) {
        Content {
            studios = studios == null ? null : List.copyOf(studios);
        }
    }

    /** A file that is not a ledger record (cut short, edited by hand, from an unknown format). */
    static final class Corrupt extends IOException {
        private static final long serialVersionUID = 1L;

        Corrupt(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Creates the file owner-only, writes every byte and syncs it to the disk before the rename. */
    static final Ownership.BytesWriter SYNCED = (temp, bytes) -> {
        try (FileChannel channel = FileChannel.open(temp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                PrivateFiles.file(temp))) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    };

    /** The id of {@code owner}'s run in its leases: its ledger file's name, so a lease leads to the file on its host. */
    static String runId(Owner owner) {
        String name = fileName(owner);
        return name.substring(0, name.length() - SUFFIX.length());
    }

    static String fileName(Owner owner) {
        String host = owner.host() == null ? "host" : owner.host().replaceAll("[^A-Za-z0-9.-]", "_");
        long started = owner.started() == null ? 0 : owner.started().toEpochMilli();
        return host + "-" + owner.pid() + "-" + started + SUFFIX;
    }

    static Content read(Path file) throws IOException {
        return parse(Files.readAllBytes(file));
    }

    static Content parse(byte[] bytes) throws Corrupt {
        Content content;
        try {
            content = Json.mapper().readValue(bytes, Content.class);
        } catch (JsonProcessingException e) {
            throw new Corrupt(e.getOriginalMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new Corrupt(String.valueOf(e.getMessage()), e);
        }
        if (content == null || content.format() != FORMAT || content.owner() == null || content.owner().pid() <= 0
                || content.studios() == null) { // a null in the list, or a studio without its id, failed in the constructors
            throw new Corrupt("not a ledger record of format " + FORMAT, null);
        }
        return content;
    }

    /** Replaces {@code file} with {@code content} atomically; on failure no temporary file stays behind. */
    static void write(Path file, Content content, Ownership.BytesWriter writer) throws IOException {
        byte[] bytes = WRITER.writeValueAsBytes(content);
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.deleteIfExists(temp);
            writer.write(temp, bytes);
            PrivateFiles.narrow(temp);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
        syncFolder(file.getParent());
    }

    /** The folder, created owner-only (0700) when missing, and narrowed to the owner when it was not. */
    static void createFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            if (Files.exists(folder)) {
                throw new FileSystemException(folder.toString(), null, folder + " is not a folder");
            }
            PrivateFiles.directories(folder);
        }
        if (PrivateFiles.openToOthers(folder)) {
            PrivateFiles.narrow(folder);
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A stray temporary file is ignored by every reader.
        }
    }

    /** The cause in words: "No space left on device", "permission denied"; file systems' messages are mostly the path. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
            return ((FileSystemException) e).getReason();
        }
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The rename is on the disk too once the folder is synced (power loss right after a record). */
    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            // Not every system can sync a folder; the file itself was synced.
        }
    }
}
