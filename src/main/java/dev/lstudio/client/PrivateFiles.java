package dev.lstudio.client;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Folders and files lstudio keeps for the user (locks, compiled scripts, REPL history, the
 * ledger) are created readable by the user alone: compiled scripts and history hold what people
 * typed, which may include hosts, paths and secrets. On a file system without POSIX permissions
 * they are created plainly.
 */
public final class PrivateFiles {
    private static final Set<PosixFilePermission> DIRECTORY_PERMISSIONS = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE_PERMISSIONS = PosixFilePermissions.fromString("rw-------");
    private static final FileAttribute<?> DIRECTORY = PosixFilePermissions.asFileAttribute(DIRECTORY_PERMISSIONS);
    private static final FileAttribute<?> FILE = PosixFilePermissions.asFileAttribute(FILE_PERMISSIONS);

    private PrivateFiles() {
    }

    /**
     * Creates {@code dir} and any missing parents as owner-only folders (0700 whatever the umask:
     * the mode asked of mkdir loses what the umask takes, so each new folder is set afterwards);
     * folders that exist are left as they are.
     */
    public static Path directories(Path dir) throws IOException {
        if (!posix(dir)) {
            return Files.createDirectories(dir);
        }
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = dir.toAbsolutePath(); p != null && !Files.isDirectory(p); p = p.getParent()) {
            missing.push(p);
        }
        for (Path p : missing) {
            try {
                Files.createDirectory(p, DIRECTORY);
            } catch (FileAlreadyExistsException e) {
                if (!Files.isDirectory(p)) {
                    throw e;
                }
                continue; // another process made it first: not ours to change
            }
            Files.setPosixFilePermissions(p, DIRECTORY_PERMISSIONS);
        }
        return dir;
    }

    /** The attributes that create a file owner-only (none where there are no POSIX permissions). */
    public static FileAttribute<?>[] file(Path file) {
        return posix(file) ? new FileAttribute<?>[] {FILE} : new FileAttribute<?>[0];
    }

    /** Narrows an existing file or folder to its owner (0600 or 0700); nothing where there are no POSIX permissions. */
    public static void narrow(Path path) throws IOException {
        if (posix(path)) {
            Files.setPosixFilePermissions(path, Files.isDirectory(path) ? DIRECTORY_PERMISSIONS : FILE_PERMISSIONS);
        }
    }

    /** Whether an existing folder is open to others than its owner. */
    static boolean openToOthers(Path folder) throws IOException {
        return posix(folder) && !Files.getPosixFilePermissions(folder).equals(DIRECTORY_PERMISSIONS);
    }


    private static boolean posix(Path path) {
        FileSystem fs = path.getFileSystem();
        return fs.supportedFileAttributeViews().contains("posix");
    }
}
