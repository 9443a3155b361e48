package dev.lstudio.cli;

import dev.lstudio.client.Dirs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The names the shell completes, on disk ({@link Dirs#completion()}): {@code studios} and
 * {@code teamspaces}, one name per line, written whenever a command has just listed them, so TAB
 * reads a file and never waits for the network (scripts/completion/ refreshes a stale file in
 * the background by running {@code lstudio studios}). Names only: nothing secret goes there.
 * Written to a temporary file and moved, so a TAB never reads half a list.
 */
final class CompletionFiles {
    static final String STUDIOS = "studios";
    static final String TEAMSPACES = "teamspaces";

    private final Path folder;
    private final Consumer<String> warnings;

    CompletionFiles(Dirs dirs, Consumer<String> warnings) {
        this.folder = dirs.completion();
        this.warnings = warnings;
    }

    void write(String list, Collection<String> names) {
        try {
            Files.createDirectories(folder);
            Path temporary = Files.createTempFile(folder, list, ".tmp");
            Files.write(temporary, List.copyOf(new TreeSet<>(names)), StandardCharsets.UTF_8);
            Files.move(temporary, folder.resolve(list), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) { // completion is a convenience: never fail the command for it
            warnings.accept("could not update the completion list " + folder.resolve(list) + ": " + e.getMessage());
        }
    }

    /** Adds or removes one name in a list already written (create, delete); no list, nothing to do. */
    void change(String list, String name, boolean present) {
        Path file = folder.resolve(list);
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            TreeSet<String> names = new TreeSet<>(Files.readAllLines(file, StandardCharsets.UTF_8));
            if (present ? names.add(name) : names.remove(name)) {
                write(list, names);
            }
        } catch (IOException e) {
            warnings.accept("could not update the completion list " + file + ": " + e.getMessage());
        }
    }
}
