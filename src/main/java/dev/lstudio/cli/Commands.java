package dev.lstudio.cli;

import dev.lstudio.emulator.EmulatorCommand;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The command line's shape: the root options and every subcommand, registered in
 * {@link #commandLine()}; a new subcommand joins there.
 */
final class Commands {
    private Commands() {
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Root());
        cl.addSubcommand(new CommandLine(new Run()));
        cl.addSubcommand(new CommandLine(new Repl()));
        cl.addSubcommand(new CommandLine(new Cleanup()));
        cl.addSubcommand("emulator", new CommandLine(new EmulatorCommand()));
        cl.setStopAtPositional(true); // after FILE, everything belongs to the script
        for (Object command : List.of(new StudioCommandLines.Studios(), new StudioCommandLines.Status(),
                new StudioCommandLines.Start(), new StudioCommandLines.Stop(), new StudioCommandLines.Restart(),
                new StudioCommandLines.Switch(), new StudioCommandLines.Exec(), new StudioCommandLines.Create(),
                new StudioCommandLines.Delete(), new StudioCommandLines.Machines(), new StudioCommandLines.Teamspaces(),
                new FileCommandLines.Cp(), new FileCommandLines.Ls(), new FileCommandLines.Rm())) {
            CommandLine sub = new CommandLine(command);
            boolean files = command.getClass().getEnclosingClass() == FileCommandLines.class;
            sub.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n")
                    .exitCodeList(files ? FileCommandLines.EXIT_CODES : StudioCommandLines.EXIT_CODES);
            // options may follow the names (stop a b --json); exec's command may hold its own (-la)
            sub.setStopAtPositional(false);
            sub.setUnmatchedOptionsArePositionalParams(command instanceof StudioCommandLines.Exec);
            cl.addSubcommand(sub);
        }
        cl.getCommandSpec().usageMessage()
                .exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(ExitCode.table());
        return cl;
    }

    @Command(name = "lstudio", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            sortOptions = false,
            // Lines shorter than the usage width (80), so picocli never wraps them; other texts are
            // one string per paragraph, which picocli wraps at words.
            description = {
                "Drive Lightning AI Studios from Groovy scripts.",
                "  lstudio run FILE [ARGS...]   run a script (lstudio FILE.groovy for short)",
                "  lstudio run - [ARGS...]      run a script read from stdin",
                "  lstudio -e CODE [ARGS...]    run CODE",
                "  lstudio                      the REPL on a terminal; piped stdin runs headless",
                "  lstudio cleanup [--dry-run] [--host NAME | --all-hosts] [--yes]",
                "                               stop studios left running by killed runs",
                "  lstudio emulator             a local Studios API (lstudio emulator --help)",
                "Studios in one word: a table on a terminal, rows in a pipe, or --json:",
                "  lstudio studios [--running]   lstudio status NAME...   lstudio teamspaces",
                "  lstudio start NAME... --machine SLUG    lstudio stop|restart NAME...",
                "  lstudio switch NAME... --machine SLUG   lstudio exec NAME -- CMD...",
                "  lstudio create NAME...   lstudio delete NAME... [--yes]   lstudio machines",
                "Files, whether the Studio runs or not:",
                "  lstudio cp [-r] LOCAL NAME:PATH   lstudio cp [-r] NAME:PATH LOCAL",
                "  lstudio ls NAME[:PATH] [-r]       lstudio rm NAME:PATH [-r] [--yes]"})
    static final class Root {
        @Mixin
        GlobalOptions global = new GlobalOptions();

        @Option(names = "-e", paramLabel = "CODE", description = "Run CODE as a script.")
        String code;

        @Parameters(paramLabel = "FILE [ARGS]", arity = "0..*", description = "A script file and its arguments.")
        List<String> positionals = new ArrayList<>();
    }

    @Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            sortOptions = false, description = "Run a script file; '-' reads the script from stdin.")
    static final class Run {
        @Mixin
        GlobalOptions global = new GlobalOptions();

        @Parameters(index = "0", paramLabel = "FILE", description = "The script, or - for stdin.")
        String file;

        @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments for the script (args).")
        List<String> args = new ArrayList<>();
    }

    @Command(name = "repl", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "The interactive REPL (also: lstudio with no arguments on a terminal).")
    static final class Repl {
        @Mixin
        GlobalOptions global = new GlobalOptions();
    }

    @Command(name = "cleanup", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            sortOptions = false, description = {
                "Stop the studios left running by runs that ended without stopping them (killed, power lost)."
                    + " Runs whose process still runs are left alone; so are studios of other credentials."
                    + " Every 'lstudio run' does the same first, quietly."})
    static final class Cleanup {
        @Mixin
        GlobalOptions global = new GlobalOptions();

        @Option(names = "--dry-run", description = "List what would be stopped; change nothing.")
        boolean dryRun;

        @Option(names = "--host", paramLabel = "NAME", description = "Take over the records of host NAME (its hostname"
            + " or machine id, as cleanup lists them), e.g. an ended container's: its runs are judged as if they ran here.")
        String host;

        @Option(names = "--all-hosts", description = "Take over the records of every other host.")
        boolean allHosts;

        @Option(names = "--yes", description = "Take over without asking: off a terminal, a takeover needs it.")
        boolean yes;

        @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
                description = "How long each stop may take, resends included (default 10m), e.g. 2m.")
        java.time.Duration timeout;

        @Option(names = "--shared", description = {
            "From any host: stop the teamspace's running studios whose lstudio lease (kept on the studio)",
            "expired, whatever host ran them; studios without one, or with a live one, are left alone."})
        boolean shared;

        @Option(names = "--grace", paramLabel = "DURATION", converter = DurationConverter.class,
                description = "With --shared: how long past its expiry a lease is still honoured (default 5m).")
        java.time.Duration grace;
    }

    /** Durations on the command line, in the forms lstudio prints them (30s, 5m, 1h30m). */
    static final class DurationConverter implements CommandLine.ITypeConverter<java.time.Duration> {
        @Override
        public java.time.Duration convert(String value) {
            try {
                return dev.lstudio.client.Durations.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"lstudio " + Version.get()};
        }
    }
}
