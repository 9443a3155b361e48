package dev.lstudio.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The shape of the file commands ({@code lstudio cp}, {@code ls}, {@code rm}), as
 * {@link StudioCommandLines} holds the others'; {@link FileCommands} does the work. A Studio's
 * path is written {@code NAME:PATH}, relative to its content root, as {@code lightning studio cp}
 * writes it; a local path with a colon is written {@code ./a:b}.
 */
final class FileCommandLines {
    private FileCommandLines() {
    }

    /** The codes these commands exit with, for their --help. */
    static final Map<String, String> EXIT_CODES = exitCodes();

    private static Map<String, String> exitCodes() {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put("0", "success: every file was copied (or was there already), listed or removed");
        codes.put("1", "a name names no Studio (the nearest is suggested), or a path that climbs out of its content root");
        codes.put("2", "usage error: a folder without -r, both or neither side NAME:PATH, a local path that is"
                + " not there, rm off a terminal without --yes");
        codes.put("3", ExitCode.CREDENTIALS.meaning());
        codes.put("4", ExitCode.API.meaning() + ", or a Studio path that is not there");
        codes.put("130", ExitCode.INTERRUPTED.meaning());
        return codes;
    }

    @Command(name = "cp", mixinStandardHelpOptions = true, versionProvider = Commands.VersionProvider.class,
            sortOptions = false,
            description = {"Copy files into a Studio or out of it; it need not be running.",
                "  lstudio cp [-r] LOCAL NAME:PATH    (PATH empty: the root, by the local name)",
                "  lstudio cp [-r] NAME:PATH LOCAL    (LOCAL a folder, or ending in /: into it)",
                "Files already there with the same content are skipped; an upload of a folder",
                "leaves out what its .gitignore and .lstudioignore exclude."})
    static final class Cp extends StudioCommandLines.Base {
        @Parameters(index = "0", paramLabel = "FROM", description = "LOCAL or NAME:PATH.")
        String from;

        @Parameters(index = "1", paramLabel = "TO", description = "NAME:PATH or LOCAL.")
        String to;

        @Option(names = {"-r", "--recursive"}, description = "Copy a folder and all under it (needed for folders).")
        boolean recursive;

        @Option(names = "--parallel", paramLabel = "N", description = "Files moving at once (default 8).")
        Integer parallel;

        @Option(names = "--no-skip", description = "Copy every file, even those already there.")
        boolean noSkip;

        @Option(names = "--no-ignore", description = "Upload what .gitignore and .lstudioignore exclude too.")
        boolean noIgnore;

        @Override
        String word() {
            return "cp";
        }
    }

    @Command(name = "ls", mixinStandardHelpOptions = true, versionProvider = Commands.VersionProvider.class,
            sortOptions = false,
            description = "List a Studio's files (NAME: the root; NAME:PATH a folder): name, size, modified.")
    static final class Ls extends StudioCommandLines.Base {
        @Parameters(index = "0", paramLabel = "NAME[:PATH]", description = "The Studio, and a folder in it.")
        String where;

        @Option(names = {"-r", "--recursive"}, description = "Every file under the folder, at any depth.")
        boolean recursive;

        @Override
        String word() {
            return "ls";
        }
    }

    @Command(name = "rm", mixinStandardHelpOptions = true, versionProvider = Commands.VersionProvider.class,
            sortOptions = false,
            description = {"Remove a file (or, with -r, a folder) from a Studio, for good.",
                "Asks on a terminal; elsewhere --yes is required."})
    static final class Rm extends StudioCommandLines.Base {
        @Parameters(index = "0", paramLabel = "NAME:PATH", description = "The Studio and the path in it.")
        String where;

        @Option(names = {"-r", "--recursive"}, description = "Remove a folder and all under it.")
        boolean recursive;

        @Option(names = {"-y", "--yes"}, description = "Remove without asking.")
        boolean yes;

        @Override
        String word() {
            return "rm";
        }
    }
}
