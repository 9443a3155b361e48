package dev.lstudio.cli;

import dev.lstudio.client.Failure;
import dev.lstudio.client.FileTransferException;
import dev.lstudio.client.RemoteFile;
import dev.lstudio.client.Studio;
import dev.lstudio.client.TransferOptions;
import dev.lstudio.dsl.ByteSizes;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code lstudio cp}, {@code ls} and {@code rm} over the client's {@link dev.lstudio.client.StudioFiles},
 * in the context the other one-word commands use (so the same credentials, {@code --teamspace},
 * {@code --emulator}, nearest-name errors and exit codes). What can be judged without a call (a
 * local path that is not there, a folder without {@code -r}, which side is the Studio's) exits 2
 * before any; the rest is the client's to refuse, by the kinds of {@link ExitCode#of}.
 */
final class FileCommands {
    /** {@code my-studio:out/x}: a Studio's name (as Studio names are), a colon, the path in it. */
    private static final Pattern REMOTE = Pattern.compile("^([a-z0-9][a-z0-9-]*):(.*)$");

    private final StudioCommands commands;

    FileCommands(StudioCommands commands) {
        this.commands = commands;
    }

    /** A Studio's name and a path in it ("" for the root). */
    record Place(String studio, String path) {
        String label() {
            return studio + ":" + path;
        }
    }

    /** The Studio's side of an argument, or null for a local path ({@code ./a:b} and {@code /x} are local). */
    static Place remote(String word) {
        if (word == null || word.startsWith("./") || word.startsWith("/")) {
            return null;
        }
        Matcher m = REMOTE.matcher(word);
        return m.matches() ? new Place(m.group(1), m.group(2)) : null;
    }

    int run(StudioCommandLines.Base command) {
        if (command instanceof FileCommandLines.Cp cp) {
            return cp(cp);
        }
        if (command instanceof FileCommandLines.Ls ls) {
            return ls(ls);
        }
        return rm((FileCommandLines.Rm) command);
    }

    private int cp(FileCommandLines.Cp cp) {
        Place from = remote(cp.from);
        Place to = remote(cp.to);
        if ((from == null) == (to == null)) {
            return usage("cp", "give one local path and one studio path NAME:PATH: lstudio cp [-r] LOCAL NAME:PATH,"
                    + " or lstudio cp [-r] NAME:PATH LOCAL (a local path with a colon: ./a:b)");
        }
        if (cp.parallel != null && cp.parallel < 1) {
            return usage("cp", "--parallel must be 1 or more, got " + cp.parallel);
        }
        Path workingDir = commands.workingDir();
        if (to != null) {
            Path local = workingDir.resolve(cp.from).normalize();
            if (!Files.exists(local)) {
                return usage("cp", "no file or folder '" + cp.from + "' here (" + local + "); check the path");
            }
            if (Files.isDirectory(local) && !cp.recursive) {
                return usage("cp", "'" + cp.from + "' is a folder: add -r to copy it and all under it");
            }
            Studio studio = commands.find(to.studio());
            studio.files().upload(local, to.path().isBlank() ? null : to.path(), options(cp, studio.name()));
            return ExitCode.SUCCESS.code();
        }
        Studio studio = commands.find(from.studio());
        if (isFolder(studio, from.path()) && !cp.recursive) {
            return usage("cp", "'" + from.label() + "' is a folder: add -r to copy it and all under it");
        }
        Path target = workingDir.resolve(cp.to).normalize();
        if (cp.to.endsWith("/") || cp.to.endsWith(File.separator)) {
            try {
                Files.createDirectories(target); // 'ckpt/' says "into ckpt": the client receives into a folder that exists
            } catch (IOException e) {
                return usage("cp", "cannot make the folder '" + cp.to + "' to receive into (" + e.getClass().getSimpleName()
                        + "); choose another");
            }
        }
        studio.files().download(from.path(), target, options(cp, studio.name()));
        return ExitCode.SUCCESS.code();
    }

    private TransferOptions options(FileCommandLines.Cp cp, String studio) {
        TransferOptions defaults = TransferOptions.from(commands.env());
        return defaults.withParallel(cp.parallel == null ? defaults.parallel() : cp.parallel)
                .withSkipSame(!cp.noSkip)
                .withIgnoreFiles(!cp.noIgnore)
                .withChecksums(commands.dirs().transfers())
                .withListener(new TransferProgress(commands.console(), studio, commands.results().json()));
    }

    /** The root, a path written with a trailing slash, or one the listing says is a folder. */
    private static boolean isFolder(Studio studio, String path) {
        return path.isBlank() || path.endsWith("/")
                || studio.files().find(path).map(RemoteFile::folder).orElse(false);
    }

    private int ls(FileCommandLines.Ls ls) {
        Place place = remote(ls.where);
        if (place == null) {
            place = new Place(ls.where, "");
        }
        Studio studio = commands.find(place.studio());
        String folder = place.path();
        List<RemoteFile> found = list(studio, folder, ls.recursive);
        Results results = commands.results();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RemoteFile f : found) {
            Map<String, Object> row = new LinkedHashMap<>();
            String shown = (ls.recursive ? f.path() : f.name()) + (f.folder() ? "/" : "");
            String modified = f.lastModified() == null ? null : f.lastModified().truncatedTo(ChronoUnit.SECONDS).toString();
            if (results.json()) {
                row.put("path", f.path());
                row.put("name", f.name());
                row.put("folder", f.folder());
                row.put("size", f.size());
                row.put("lastModified", modified);
            } else {
                row.put("name", shown);
                row.put("size", f.folder() ? null : results.terminal() ? ByteSizes.human(f.size()) : f.size());
                row.put("modified", modified);
            }
            rows.add(row);
        }
        results.list(List.of(new Results.Column("name", "name"), new Results.Column("size", "size"),
                new Results.Column("modified", "modified")), rows);
        if (rows.isEmpty() && !results.json()) {
            commands.console().log("no files in " + place.label());
        }
        return ExitCode.SUCCESS.code();
    }

    /** A folder's entries; a file named instead is its own one row, as ls of a file shows it. */
    private static List<RemoteFile> list(Studio studio, String path, boolean recursive) {
        try {
            return recursive ? studio.files().listAll(path) : studio.files().list(path);
        } catch (FileTransferException notAFolder) {
            if (notAFolder.kind() != Failure.GONE || path.isBlank() || path.endsWith("/")) {
                throw notAFolder;
            }
            return studio.files().find(path).filter(f -> !f.folder()).map(List::of).orElseThrow(() -> notAFolder);
        }
    }

    private int rm(FileCommandLines.Rm rm) {
        Place place = remote(rm.where);
        if (place == null || place.path().isBlank()) {
            return usage("rm", "give the studio and the path in it: lstudio rm NAME:PATH (-r for a folder)");
        }
        Studio studio = commands.find(place.studio());
        if (isFolder(studio, place.path()) && !rm.recursive) {
            return usage("rm", "'" + place.label() + "' is a folder: add -r to remove it and all under it");
        }
        if (!rm.yes && !confirmed(place)) {
            return ExitCode.USAGE.code();
        }
        studio.files().remove(place.path());
        commands.console().log("removed " + place.label());
        return ExitCode.SUCCESS.code();
    }

    /** Removing is for good: only when a person says so, or --yes does. */
    private boolean confirmed(Place place) {
        Console console = commands.console();
        if (commands.answers() == null) {
            console.error("lstudio: rm: removing " + place.label() + " is for good; off a terminal add --yes to confirm");
            return false;
        }
        console.error("Remove " + place.label() + " for good? [y/N] ");
        try {
            String line = new BufferedReader(new InputStreamReader(commands.answers(), StandardCharsets.UTF_8)).readLine();
            if (line != null && (line.strip().equalsIgnoreCase("y") || line.strip().equalsIgnoreCase("yes"))) {
                return true;
            }
        } catch (IOException e) {
            // no answer is a no
        }
        console.error("lstudio: rm: not confirmed; nothing was removed");
        return false;
    }

    private int usage(String word, String message) {
        commands.console().error("lstudio: " + word + ": " + message);
        return ExitCode.USAGE.code();
    }
}
