package dev.lstudio.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.eclipse.jgit.ignore.IgnoreNode;

/**
 * The files of a local folder to upload, with their paths relative to it ({@code /} between
 * names), sorted. With ignore files on, it leaves out {@code .git} and what the {@code .gitignore}
 * and {@code .lstudioignore} files of the folder and of every folder under it exclude, as git
 * would: JGit's rules (negation, {@code **}, folder-only patterns), the deepest file that has a
 * say decides, {@code .lstudioignore} after {@code .gitignore} in the same folder (so it can
 * re-include), and nothing under an excluded folder comes back. Symbolic links to folders are not
 * followed (a link loop would never end).
 */
final class LocalTree {
    static final List<String> IGNORE_FILES = List.of(".gitignore", ".lstudioignore");

    record LocalFile(Path path, String relative, long size) {
    }

    private LocalTree() {
    }

    static List<LocalFile> walk(Path root, boolean ignoreFiles) throws IOException {
        List<LocalFile> files = new ArrayList<>();
        Deque<Rules> rules = new ArrayDeque<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(root) && ignoreFiles && (dir.getFileName().toString().equals(".git") || ignored(dir, true))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (ignoreFiles) {
                    rules.push(new Rules(dir, read(dir)));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                boolean regular = attrs.isRegularFile() || (attrs.isSymbolicLink() && Files.isRegularFile(file));
                if (regular && !(ignoreFiles && ignored(file, false))) {
                    files.add(new LocalFile(file, relative(root, file), Files.size(file)));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                if (ignoreFiles) {
                    rules.pop();
                }
                return FileVisitResult.CONTINUE;
            }

            private boolean ignored(Path path, boolean folder) {
                for (Rules r : rules) { // deepest first: the nearest ignore file decides
                    Boolean verdict = r.node().checkIgnored(relative(r.dir(), path), folder);
                    if (verdict != null) {
                        return verdict;
                    }
                }
                return false;
            }
        });
        files.sort(java.util.Comparator.comparing(LocalFile::relative));
        return files;
    }

    private record Rules(Path dir, IgnoreNode node) {
    }

    private static IgnoreNode read(Path dir) throws IOException {
        IgnoreNode node = new IgnoreNode();
        List<org.eclipse.jgit.ignore.FastIgnoreRule> all = new ArrayList<>();
        for (String name : IGNORE_FILES) {
            Path file = dir.resolve(name);
            if (Files.isRegularFile(file)) {
                IgnoreNode one = new IgnoreNode();
                try (InputStream in = Files.newInputStream(file)) {
                    one.parse(file.toString(), in);
                }
                all.addAll(one.getRules());
            }
        }
        return all.isEmpty() ? node : new IgnoreNode(all);
    }

    static String relative(Path root, Path path) {
        return root.relativize(path).toString().replace(path.getFileSystem().getSeparator(), "/");
    }
}
