package dev.lstudio.dsl;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Folders and files lstudio keeps for the user (locks, compiled scripts, REPL history, the
 * ledger) are created readable by the user alone: compiled scripts and history hold what people
 * typed, which may include hosts, paths and secrets. On a file system without POSIX permissions
 * they are created plainly.
 */
public final class OwnerOnly {
    private static final FileAttribute<?> DIRECTORY = PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rwx------"));
    private static final FileAttribute<?> FILE = PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rw-------"));

    private OwnerOnly() {
    }

    /** Creates {@code dir} and any missing parents as owner-only folders; folders that exist are left as they are. */
    public static Path directories(Path dir) throws IOException {
        return posix(dir) ? Files.createDirectories(dir, DIRECTORY) : Files.createDirectories(dir);
    }

    /** The attributes that create a file owner-only (none where there are no POSIX permissions). */
    public static FileAttribute<?>[] file(Path file) {
        return posix(file) ? new FileAttribute<?>[] {FILE} : new FileAttribute<?>[0];
    }

    private static boolean posix(Path path) {
        FileSystem fs = path.getFileSystem();
        return fs.supportedFileAttributeViews().contains("posix");
    }
}
