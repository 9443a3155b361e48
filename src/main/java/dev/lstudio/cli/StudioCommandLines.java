package dev.lstudio.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The shape of the one-word commands ({@code lstudio studios}, {@code stop NAME}...): their
 * options only, as {@link Commands} holds the others'; {@link StudioCommands} and
 * {@link StudioActions} do the work. Each prints a table on a terminal, tab-separated rows in a
 * pipe and one JSON document with {@code --json} (see dsl-docs/commands.md for the fields).
 */
final class StudioCommandLines {
    private StudioCommandLines() {
    }

    /** The codes these commands exit with, for their --help. */
    static final java.util.Map<String, String> EXIT_CODES = exitCodes();

    private static java.util.Map<String, String> exitCodes() {
        java.util.Map<String, String> codes = new java.util.LinkedHashMap<>();
        codes.put("0", "success: every Studio named was acted on");
        codes.put("1", "a Studio failed, or a name names none (the nearest is suggested); exec: the command's own code");
        codes.put("2", "usage error (delete off a terminal without --yes, a bad --max-runtime)");
        codes.put("3", ExitCode.CREDENTIALS.meaning());
        codes.put("4", ExitCode.API.meaning());
        codes.put("124", "a wait expired (the Studio did not get there in time)");
        codes.put("130", ExitCode.INTERRUPTED.meaning());
        return codes;
    }

    /** Every command of this family: its global options, merged with the root's. */
    abstract static class Base {
        @Mixin
        GlobalOptions global = new GlobalOptions();

        /** The word on the command line, for error lines ({@code lstudio: stop: ...}). */
        abstract String word();
    }

    /** Commands that act on each of several Studios. */
    abstract static class Named extends Base {
        @Parameters(arity = "1..*", paramLabel = "NAME", description = "Studio name(s); each is acted on in turn.")
        List<String> names = new ArrayList<>();
    }

    @Command(name = "studios", mixinStandardHelpOptions = true, versionProvider = Commands.VersionProvider.class,
            sortOptions = false,
            description = "List the Studios of the teamspace: name, teamspace, status, machine, time up, cost so far.")
    static final class Studios extends Base {
        @Option(names = "--running", description = "Only the Studios that run (or start, or stop) now.")
        boolean running;

        @Option(names = "--all-teamspaces", description = "The Studios of every teamspace you belong to.")
        boolean allTeamspaces;

        @Override
        String word() {
            return "studios";
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, versionProvider = Commands.VersionProvider.class,
            sortOptions = false,
            description = "One Studio in detail: status, machine, ready, env names, ports, plugins.")
    static final class Status extends Named {
        @Override
        String word() {
            return "status";
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true, versionProvider = Commands.VersionProvider.class,
            sortOptions = false,
            description = {"Start Studios on a machine and wait until they are ready.",
                "They keep running after lstudio ends: stop them with lstudio stop NAME."})
    static final class Start extends Named {
        @Option(names = {"-m", "--machine"}, paramLabel = "SLUG", description = "Machine (default: cpu-4); see lstudio machines.")
        String machine = dev.lstudio.client.Machines.DEFAULT;

        @Option(names = "--spot", description = "Ask for an interruptible (cheaper) machine.")
        boolean spot;

        @Option(names = "--max-runtime", paramLabel = "DURATION", description = "Stop it after this long, e.g. 3h, 90m.")
        String maxRuntime;

        @Option(names = "--create", description = "Create a Studio of that name first when there is none.")
        boolean create;

        @Option(names = "--no-wait", description = "Ask for the start and return without waiting.")
        boolean noWait;

        @Override
        String word() {
            return "start";
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, versionProvider = Commands.VersionProvider.class,
            sortOptions = false,
            description = "Stop Studios and wait until they are stopped.")
    static final class Stop extends Named {
        @Override
        String word() {
            return "stop";
        }
    }

    @Command(name = "restart", mixinStandardHelpOptions = true, versionProvider = Commands.VersionProvider.class,
            sortOptions = false,
            description = "Restart running Studios on the machine they run on, and wait until ready.")
    static final class Restart extends Named {
        @Override
        String word() {
            return "restart";
        }
    }

    @Command(name = "switch", mixinStandardHelpOptions = true, versionProvider = Commands.VersionProvider.class,
            sortOptions = false,
            description = "Move Studios to another machine (starting them there when stopped), and wait.")
    static final class Switch extends Named {
        @Option(names = {"-m", "--machine"}, paramLabel = "SLUG", required = true, description = "The machine to move to.")
        String machine;

        @Override
        String word() {
            return "switch";
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, versionProvider = Commands.VersionProvider.class,
            sortOptions = false,
            description = "Create Studios (stopped).")
    static final class Create extends Named {
        @Override
        String word() {
            return "create";
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, versionProvider = Commands.VersionProvider.class,
            sortOptions = false,
            description = {"Delete Studios and their files, for good.",
                "Asks on a terminal; elsewhere --yes is required."})
    static final class Delete extends Named {
        @Option(names = {"-y", "--yes"}, description = "Delete without asking.")
        boolean yes;

        @Override
        String word() {
            return "delete";
        }
    }

    @Command(name = "exec", mixinStandardHelpOptions = true, versionProvider = Commands.VersionProvider.class,
            sortOptions = false,
            description = {"Run a command on a Studio; its output streams, and lstudio exits with its exit code.",
                "With --start SLUG the Studio is started for the command and stopped afterwards,",
                "whatever happens (a failure, Ctrl-C, SIGTERM), as a script's studios are."})
    static final class Exec extends Base {
        @Parameters(index = "0", paramLabel = "NAME", description = "The Studio.")
        String name;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "CMD", description = "The command (after --).")
        List<String> command = new ArrayList<>();

        @Option(names = "--start", paramLabel = "SLUG", description = "Start on this machine first; stop afterwards.")
        String start;

        @Override
        String word() {
            return "exec";
        }
    }

    @Command(name = "machines", mixinStandardHelpOptions = true, versionProvider = Commands.VersionProvider.class,
            sortOptions = false,
            description = "The machine slugs lstudio knows, for start --machine.")
    static final class Machines extends Base {
        @Option(names = "--gpu", description = "Only the machines with GPUs.")
        boolean gpu;

        @Override
        String word() {
            return "machines";
        }
    }

    @Command(name = "teamspaces", mixinStandardHelpOptions = true, versionProvider = Commands.VersionProvider.class,
            sortOptions = false,
            description = "The teamspaces you belong to.")
    static final class Teamspaces extends Base {
        @Override
        String word() {
            return "teamspaces";
        }
    }
}
