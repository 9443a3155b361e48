package dev.lstudio.cli;

import picocli.CommandLine.Option;

/** Options accepted before or after {@code run}; mixed into each command and merged. */
final class GlobalOptions {
    @Option(names = "--teamspace", paramLabel = "NAME",
            description = "Teamspace to use (default: LIGHTNING_TEAMSPACE, or your only one).")
    String teamspace;

    @Option(names = "--json", description = "Print results as JSON lines on stdout.")
    boolean json;

    @Option(names = "--debug", description = "Show full stack traces and debug lines.")
    boolean debug;

    @Option(names = {"-q", "--quiet"}, description = "Print only results and errors.")
    boolean quiet;

    @Option(names = "--emulator", description = "Run against an embedded Studios emulator.")
    boolean emulator;

    @Option(names = "--lock", negatable = true,
            description = "Refuse to start while another run of the same script runs (default: on for files).")
    Boolean lock;

    /**
     * Not an option: the folder relative local paths resolve against (files sent and received),
     * the process's working directory unless the caller of {@link Main#execute} says otherwise.
     */
    java.nio.file.Path workingDir;

    /** {@code later} wins where it says something (options given after the subcommand name). */
    static GlobalOptions merge(GlobalOptions earlier, GlobalOptions later) {
        GlobalOptions merged = new GlobalOptions();
        merged.teamspace = later.teamspace != null ? later.teamspace : earlier.teamspace;
        merged.json = earlier.json || later.json;
        merged.debug = earlier.debug || later.debug;
        merged.quiet = earlier.quiet || later.quiet;
        merged.emulator = earlier.emulator || later.emulator;
        merged.lock = later.lock != null ? later.lock : earlier.lock;
        merged.workingDir = later.workingDir != null ? later.workingDir : earlier.workingDir;
        return merged;
    }

    java.nio.file.Path workingDir() {
        return workingDir != null ? workingDir : java.nio.file.Path.of("").toAbsolutePath();
    }

    boolean lock(boolean byDefault) {
        return lock != null ? lock : byDefault;
    }
}
