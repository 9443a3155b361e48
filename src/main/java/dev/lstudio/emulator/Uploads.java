package dev.lstudio.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Uploads in progress. Parts are staged outside every studio's directory, so a listing or a
 * command never sees a half-written file; complete assembles them and renames the result into place.
 */
final class Uploads {
    static final long MIN_PART = 5L * 1024 * 1024;
    static final int MAX_PARTS = 10_000;

    /** One staged part: its file, the ETag its PUT answered (quoted MD5 hex) and its size. */
    record Part(Path file, String etag, long size) {
    }

    /** A signed upload; {@code parts} is 0 for a single-part upload, which has no id on the wire. */
    static final class Upload {
        final String id = UUID.randomUUID().toString();
        final String studioId;
        final String path;
        final int parts;
        final Long partSize;
        final Map<Integer, Part> staged = new java.util.concurrent.ConcurrentSkipListMap<>();

        Upload(String studioId, String path, int parts, Long partSize) {
            this.studioId = studioId;
            this.path = path;
            this.parts = parts;
            this.partSize = partSize;
        }

        boolean multipart() {
            return parts > 0;
        }
    }

    private final Path staging;
    private final Map<String, Upload> byId = new LinkedHashMap<>();

    Uploads(Path staging) {
        this.staging = staging;
        // Uploads do not outlive the emulator (as an abandoned multipart upload expires): drop a previous run's parts.
        StudioFiles.deleteTree(staging);
        StudioFiles.createDir(staging);
    }

    /** A new upload; a new single-part upload of a path replaces the one signed before (a fresh URL was asked for). */
    synchronized Upload begin(String studioId, String path, int parts, Long partSize) {
        if (parts == 0) {
            Upload old = single(studioId, path);
            if (old != null) {
                drop(old);
            }
        }
        Upload u = new Upload(studioId, path, parts, partSize);
        byId.put(u.id, u);
        StudioFiles.createDir(staging.resolve(u.id));
        return u;
    }

    synchronized Upload get(String id) {
        return byId.get(id);
    }

    /** The pending single-part upload of a path, or null. */
    synchronized Upload single(String studioId, String path) {
        for (Upload u : byId.values()) {
            if (!u.multipart() && u.studioId.equals(studioId) && u.path.equals(path)) {
                return u;
            }
        }
        return null;
    }

    /**
     * Streams {@code length} bytes of {@code in} into the part (replacing an earlier PUT of it);
     * null when the upload is gone (completed, or its studio deleted) by the time the bytes are in.
     */
    Part stage(String uploadId, int partNumber, InputStream in, long length) throws IOException {
        Path tmp = staging.resolve(uploadId).resolve(".part-" + partNumber + "-" + UUID.randomUUID() + ".tmp");
        MessageDigest md5 = md5();
        long copied = 0;
        try {
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), md5)) {
                byte[] buf = new byte[65536];
                int n;
                while ((n = in.read(buf)) >= 0) {
                    out.write(buf, 0, n);
                    copied += n;
                }
            }
            if (copied != length) {
                throw new IOException("the body had " + copied + " bytes where Content-Length said " + length);
            }
            synchronized (this) {
                Upload u = byId.get(uploadId);
                if (u == null) {
                    return null;
                }
                Path file = staging.resolve(uploadId).resolve("part-" + partNumber);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                Part part = new Part(file, "\"" + HexFormat.of().formatHex(md5.digest()) + "\"", copied);
                u.staged.put(partNumber, part);
                return part;
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Takes the upload out of the table, so no PUT lands in it while it is assembled. */
    synchronized boolean claim(Upload u) {
        return byId.remove(u.id) != null;
    }

    /** The parts in order, joined into one file in the staging area, ready to be renamed into place. */
    Path assemble(Upload u) {
        Path out = staging.resolve(u.id).resolve("assembled");
        // Channel to channel: the kernel copies (copy_file_range), so a 1 GiB upload's complete
        // costs the emulator a fraction of a second instead of a pass through user space.
        try (FileChannel target = FileChannel.open(out, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (Part p : new ArrayList<>(u.staged.values())) {
                try (FileChannel part = FileChannel.open(p.file(), StandardOpenOption.READ)) {
                    for (long at = 0, size = part.size(); at < size; ) {
                        at += part.transferTo(at, size - at, target);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not assemble upload " + u.id, e);
        }
        return out;
    }

    /** Removes an upload's staged bytes (after complete, or when it is abandoned). */
    void remove(Upload u) {
        StudioFiles.deleteTree(staging.resolve(u.id));
    }

    /** Every pending upload of a deleted studio goes with it. */
    synchronized void discard(String studioId) {
        for (Upload u : List.copyOf(byId.values())) {
            if (u.studioId.equals(studioId)) {
                drop(u);
            }
        }
    }

    synchronized void clear() {
        List.copyOf(byId.values()).forEach(this::drop);
    }

    private void drop(Upload u) {
        byId.remove(u.id);
        remove(u);
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is not available in this JVM", e);
        }
    }
}
