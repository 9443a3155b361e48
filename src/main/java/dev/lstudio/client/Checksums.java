package dev.lstudio.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lstudio.api.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32C;

/**
 * What lstudio moved to and from one Studio, so that the same file is not moved again: per remote
 * path, the size, the service's lastModified and the CRC-32C of the content. The listing has no
 * checksum, so "the same" means: the listing shows the size and lastModified recorded when lstudio
 * last moved it (nobody changed it there since), and the local file's CRC-32C is the one recorded
 * (nobody changed it here). CRC-32C, the checksum S3 and its CLI use for the integrity of uploads,
 * because it is an intrinsic of every JIT tier: SHA-256 took 7.7 s a GiB in the launcher's
 * C1-only JVM (0.65 s with C2), CRC-32C 15 ms. One JSON file per Studio under the folder given (callers point it at
 * {@link Dirs#transfers()}). Workers record concurrently in memory; {@link #save()} merges into the
 * file under an OS lock and replaces it atomically, so two runs at once lose neither's records.
 */
final class Checksums {
    record Entry(long size, String lastModified, String crc32c) {
    }

    private record Content(int format, Map<String, Entry> files) {
    }

    private static final ObjectMapper MAPPER = Json.mapper();

    private final Path file;
    private final Map<String, Entry> known = new ConcurrentHashMap<>();
    private final Map<String, Entry> changed = new ConcurrentHashMap<>();

    private Checksums(Path file) {
        this.file = file;
    }

    /** The record of a Studio; {@code folder} null: none is kept, nothing is the same. */
    static Checksums of(Path folder, String projectId, String studioId) {
        Checksums c = new Checksums(folder == null ? null : folder.resolve(projectId + "." + studioId + ".json"));
        if (c.file != null) {
            c.known.putAll(read(c.file));
        }
        return c;
    }

    boolean kept() {
        return file != null;
    }

    Entry get(String remote) {
        Entry e = changed.get(remote);
        return e != null ? e : known.get(remote);
    }

    void put(String remote, Entry entry) {
        if (file != null) {
            changed.put(remote, entry);
        }
    }

    /** Merges what was recorded into the file (read again under the lock) and replaces it whole. */
    void save() throws IOException {
        synchronized (Checksums.class) { // the OS lock is per process: threads of this one take turns here
            saveLocked();
        }
    }

    private void saveLocked() throws IOException {
        if (file == null || changed.isEmpty()) {
            return;
        }
        PrivateFiles.directories(file.getParent());
        Path lock = file.resolveSibling(file.getFileName() + ".lock");
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            Map<String, Entry> merged = new HashMap<>(read(file));
            merged.putAll(changed);
            Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".partial");
            try {
                MAPPER.writeValue(temp.toFile(), new Content(2, merged));
                move(temp, file);
            } finally {
                Files.deleteIfExists(temp);
            }
            known.putAll(changed);
            changed.clear();
        }
    }

    private static Map<String, Entry> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            Content c = MAPPER.readValue(file.toFile(), Content.class);
            return c.files() == null ? Map.of() : c.files();
        } catch (IOException unreadable) {
            return Map.of(); // a damaged record only costs a transfer: it is rewritten whole after it
        }
    }

    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The CRC-32C of a file's content, as 8 hex digits. */
    static String crc32c(Path path) throws IOException {
        CRC32C crc = new CRC32C();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(path)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                crc.update(buffer, 0, n);
            }
        }
        return String.format(java.util.Locale.ROOT, "%08x", crc.getValue());
    }
}
