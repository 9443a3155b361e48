package dev.lstudio.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** A studio's directory: seed files written into it, copied for a fork, removed on delete. */
final class StudioFiles {
    private StudioFiles() {
    }

    /** Where a seed file goes; a path that is absolute or climbs out of the studio is refused. */
    static Path inside(Path dir, String relative) {
        if (relative == null || relative.isBlank()) {
            throw ApiError.invalid("every seed_files entry needs a 'path', e.g. \"main.py\"");
        }
        Path p = Path.of(relative);
        Path target = dir.resolve(p).normalize();
        if (p.isAbsolute() || !target.startsWith(dir) || target.equals(dir)) {
            throw ApiError.invalid("seed file path '" + relative + "' must be relative and stay inside the studio");
        }
        return target;
    }

    /**
     * Where a path of the artifacts API lives in the studio's directory (its content root); a path
     * that is absolute, climbs out of the root, or (unless {@code rootAllowed}) is the root itself is refused.
     */
    static Path content(Path studioDir, String relative, boolean rootAllowed) {
        Path dir = studioDir.toAbsolutePath().normalize();
        String given = relative == null ? "" : relative;
        Path target;
        try {
            Path p = Path.of(given);
            target = dir.resolve(p).normalize();
            if (p.isAbsolute() || given.startsWith("/") || !target.startsWith(dir)) {
                target = null;
            }
        } catch (java.nio.file.InvalidPathException e) {
            target = null;
        }
        if (target == null) {
            throw ApiError.invalid("path '" + given + "' must be relative to the Studio's content root and stay inside"
                    + " it: no leading '/', no '..' above the root");
        }
        if (target.equals(dir) && !rootAllowed) {
            throw ApiError.invalid("a file path is required, e.g. \"data/train.csv\"; '" + given + "' names the content root");
        }
        return target;
    }

    static void createDir(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create studio directory " + dir, e);
        }
    }

    static void write(Path file, String contents) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, contents, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write seed file " + file, e);
        }
    }

    static void copyTree(Path from, Path to) {
        try {
            Files.createDirectories(to);
            if (!Files.isDirectory(from)) {
                return;
            }
            List<Path> all;
            try (Stream<Path> walk = Files.walk(from)) {
                all = walk.toList();
            }
            for (Path src : all) {
                Path dst = to.resolve(from.relativize(src).toString());
                try {
                    if (Files.isDirectory(src, LinkOption.NOFOLLOW_LINKS)) {
                        Files.createDirectories(dst);
                    } else {
                        Files.copy(src, dst, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES,
                                LinkOption.NOFOLLOW_LINKS);
                    }
                } catch (NoSuchFileException e) {
                    // removed by a command of the running source studio while we copied: a fork is a snapshot
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy studio files from " + from + " to " + to, e);
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + dir, e);
        }
    }
}
