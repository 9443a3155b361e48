package dev.lstudio.cli;

import dev.lstudio.emulator.EmulatorCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The {@code lstudio} entry point. {@link #execute} does all the work and returns the exit
 * status, so tests drive it with their own streams and environment; {@link #main} adds the
 * real terminal detection and signal handling and calls {@link System#exit}.
 */
public final class Main {
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final Terminals terminals;
    private final boolean handleSignals;

    Main(InputStream in, PrintStream out, PrintStream err, Map<String, String> env, Terminals terminals,
         boolean handleSignals) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.env = env;
        this.terminals = terminals;
        this.handleSignals = handleSignals;
    }

    public static void main(String[] args) {
        Main main = new Main(System.in, System.out, System.err, System.getenv(), Terminals.detect(), true);
        System.exit(main.run(args));
    }

    /** Runs {@code lstudio args...} with these streams and environment (none of them a terminal). */
    public static int execute(String[] args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
        return new Main(in, out, err, env, Terminals.none(), false).run(args);
    }

    int run(String[] args) {
        CommandLine cl = Commands.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        ParseResult parsed;
        try {
            parsed = cl.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            err.println("lstudio: " + e.getMessage());
            err.println("Run 'lstudio --help' for usage.");
            return ExitCode.USAGE.code();
        }
        if (CommandLine.printHelpIfRequested(parsed)) {
            return ExitCode.SUCCESS.code();
        }
        Commands.Root root = cl.getCommand();
        if (parsed.hasSubcommand()) {
            Object sub = parsed.subcommand().commandSpec().userObject();
            if (sub instanceof Commands.Run) {
                return runFile((Commands.Run) sub, root);
            }
            if (sub instanceof EmulatorCommand) {
                return emulator((EmulatorCommand) sub);
            }
            return repl(GlobalOptions.merge(root.global, ((Commands.Repl) sub).global));
        }
        return runRoot(root);
    }

    private int runFile(Commands.Run run, Commands.Root root) {
        if (root.code != null || !root.positionals.isEmpty()) {
            return usage("'run' takes the script; do not combine it with -e or another FILE");
        }
        GlobalOptions options = GlobalOptions.merge(root.global, run.global);
        return runSource(options, run.file, run.args);
    }

    private int runRoot(Commands.Root root) {
        List<String> positionals = root.positionals;
        if (root.code != null) {
            return runner(root.global).run(ScriptSource.inline(root.code), positionals, false);
        }
        if (!positionals.isEmpty()) {
            return runSource(root.global, positionals.get(0), positionals.subList(1, positionals.size()));
        }
        if (terminals.stdin()) {
            return repl(root.global);
        }
        return runStdin(root.global, List.of());
    }

    private int runSource(GlobalOptions options, String file, List<String> args) {
        if (file.equals("-")) {
            return runStdin(options, args);
        }
        ScriptSource source;
        try {
            source = ScriptSource.file(file, Path.of(""));
        } catch (IOException e) {
            return usage(e.getMessage() + (file.endsWith(".groovy") ? "" : " (and not a command: see lstudio --help)"));
        }
        return runner(options).run(source, args, true);
    }

    private int runStdin(GlobalOptions options, List<String> args) {
        try {
            return runner(options).run(ScriptSource.stdin(in), args, false);
        } catch (IOException e) {
            return usage("cannot read the script from stdin: " + e.getMessage());
        }
    }

    /** Placeholder until the REPL lands: it replaces this body with a call into {@code dev.lstudio.repl}. */
    private int repl(GlobalOptions options) {
        err.println("lstudio: the interactive REPL is not available yet; run a script with "
                + "'lstudio run FILE', 'lstudio -e CODE', or pipe one to stdin");
        return ExitCode.USAGE.code();
    }

    /** {@code lstudio emulator}: serves until the process is interrupted. */
    private int emulator(EmulatorCommand command) {
        try {
            return command.call();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.INTERRUPTED.code();
        }
    }

    private ScriptRunner runner(GlobalOptions options) {
        Console console = new Console(out, err, terminals.stderr(), options.quiet, options.debug, Clock.systemDefaultZone());
        return new ScriptRunner(console, options, env, handleSignals);
    }

    private int usage(String message) {
        err.println("lstudio: " + message);
        return ExitCode.USAGE.code();
    }
}
