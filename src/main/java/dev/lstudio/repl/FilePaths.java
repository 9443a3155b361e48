package dev.lstudio.repl;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What path completion needs besides the listings: the studio a line names, and local paths. */
final class FilePaths {
    private static final Pattern STUDIO = Pattern.compile("studio\\s*\\(\\s*['\"]([a-z0-9][a-z0-9-]*)['\"]");

    private FilePaths() {
    }

    /** The studio of the last {@code studio('x')} before the cursor, or null. */
    static String studioIn(String before) {
        Matcher m = STUDIO.matcher(before);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        return last;
    }

    /** Local files and folders (these with a trailing /) that {@code typed} can become, from the REPL's folder. */
    static List<Suggestion> local(String typed) {
        int slash = typed.lastIndexOf('/');
        String folder = slash < 0 ? "" : typed.substring(0, slash + 1);
        String start = typed.substring(slash + 1);
        List<Suggestion> out = new ArrayList<>();
        Path dir = Path.of(folder.isEmpty() ? "." : folder);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (name.startsWith(start) && (start.startsWith(".") || !name.startsWith("."))) {
                    out.add(Suggestion.of(folder + name + (Files.isDirectory(p) ? "/" : "")));
                }
            }
        } catch (IOException | RuntimeException e) {
            return List.of(); // no such folder (yet): nothing to offer
        }
        out.sort(java.util.Comparator.comparing(Suggestion::value));
        return out;
    }
}
