package dev.lstudio.cli;

import dev.lstudio.emulator.EmulatorCommand;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.DumbTerminal;
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
    private Path workingDir = Path.of("").toAbsolutePath();

    Main(InputStream in, PrintStream out, PrintStream err, Map<String, String> env, Terminals terminals,
         boolean handleSignals) {
        this.in = in;
        // Whatever charset the caller's streams have, lstudio writes UTF-8 bytes (a PrintStream passes bytes on as they are).
        this.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        this.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        this.env = env;
        this.terminals = terminals;
        this.handleSignals = handleSignals;
    }

    public static void main(String[] args) {
        // picocli otherwise loads groovy.lang.Closure to look for closures in annotations, and that
        // starts Groovy's whole runtime: about half a second more for every command, none needing it
        if (System.getProperty("picocli.disable.closures") == null) {
            System.setProperty("picocli.disable.closures", "true");
        }
        // UTF-8 whatever the locale (cron has none, and the JVM would print '?' for every non-ASCII
        // character): lstudio's own streams, and System's for any code that prints there directly.
        System.setOut(utf8(FileDescriptor.out));
        System.setErr(utf8(FileDescriptor.err));
        Main main = new Main(System.in, System.out, System.err, System.getenv(), Terminals.detect(), true);
        System.exit(main.run(args));
    }

    private static PrintStream utf8(FileDescriptor fd) {
        return new PrintStream(new FileOutputStream(fd), true, StandardCharsets.UTF_8);
    }

    /** Runs {@code lstudio args...} with these streams and environment (none of them a terminal). */
    public static int execute(String[] args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
        return new Main(in, out, err, env, Terminals.none(), false).run(args);
    }

    /**
     * As {@link #execute(String[], InputStream, PrintStream, PrintStream, Map)}, with relative local
     * paths (files sent and received, the script FILE) resolved against {@code workingDir}, as a
     * process started in that folder would: for callers that cannot change the JVM's own.
     */
    public static int execute(String[] args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env,
                              Path workingDir) {
        Main main = new Main(in, out, err, env, Terminals.none(), false);
        main.workingDir = workingDir.toAbsolutePath();
        return main.run(args);
    }

    int run(String[] args) {
        CommandLine cl = Commands.commandLine();
        cl.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        ParseResult parsed;
        try {
            parsed = cl.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            err.println("lstudio: " + redaction().redact(e.getMessage()));
            err.println("Run 'lstudio --help' for usage.");
            return ExitCode.USAGE.code();
        }
        if (CommandLine.printHelpIfRequested(parsed)) {
            return ExitCode.SUCCESS.code();
        }
        Commands.Root root = cl.getCommand();
        root.global.workingDir = workingDir; // merged into every subcommand's options
        if (parsed.hasSubcommand()) {
            Object sub = parsed.subcommand().commandSpec().userObject();
            if (sub instanceof Commands.Run) {
                return runFile((Commands.Run) sub, root);
            }
            if (sub instanceof EmulatorCommand) {
                return emulator((EmulatorCommand) sub);
            }
            if (sub instanceof Commands.Cleanup) {
                return cleanup((Commands.Cleanup) sub, root);
            }
            if (sub instanceof StudioCommandLines.Base command) {
                return studioCommand(command, root);
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
            WrittenTo written = new WrittenTo(out);
            Console console = console(root.global, new PrintStream(written, true, StandardCharsets.UTF_8));
            return new ScriptRunner(console, root.global, env, handleSignals)
                    .printingLastValue(terminals.stdout(), written::any)
                    .run(ScriptSource.inline(root.code), positionals, false);
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
            source = ScriptSource.file(file, workingDir);
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

    /** The REPL on the real terminal, or (tests, {@code lstudio repl < file}) on a dumb one over the streams. */
    private int repl(GlobalOptions options) {
        Terminal terminal;
        try {
            terminal = terminals.stdin()
                    ? TerminalBuilder.builder().system(true).build()
                    : new DumbTerminal("lstudio", Terminal.TYPE_DUMB, in, out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return usage("cannot open the terminal for the REPL: " + e.getMessage());
        }
        return new ReplCommand(options, env, handleSignals).run(terminal, err);
    }

    /** {@code lstudio cleanup}: stops studios left running by runs that ended without stopping them. */
    private int cleanup(Commands.Cleanup cleanup, Commands.Root root) {
        if (root.code != null || !root.positionals.isEmpty()) {
            return usage("'cleanup' takes no script; do not combine it with -e or a FILE");
        }
        GlobalOptions options = GlobalOptions.merge(root.global, cleanup.global);
        // a confirmation is asked only where a person can answer it
        return new CleanupCommand(console(options), options, env).run(cleanup, terminals.stdin() && terminals.stderr() ? in : null);
    }

    /** {@code lstudio studios}, {@code stop NAME}...: one word, no Groovy compiled. */
    private int studioCommand(StudioCommandLines.Base command, Commands.Root root) {
        if (root.code != null || !root.positionals.isEmpty()) {
            return usage("'" + command.word() + "' takes no script; do not combine it with -e or a FILE");
        }
        GlobalOptions options = GlobalOptions.merge(root.global, command.global);
        return new StudioCommands(console(options), options, env, terminals.stdout(),
                terminals.stdin() && terminals.stderr() ? in : null, handleSignals).run(command);
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
        return new ScriptRunner(console(options), options, env, handleSignals);
    }

    private Console console(GlobalOptions options) {
        return console(options, out);
    }

    private Console console(GlobalOptions options, PrintStream out) {
        return new Console(out, err, terminals.stderr(), options.quiet, options.debug, Clock.systemDefaultZone(),
                redaction());
    }

    /** The credentials in the environment (or its credentials file), masked in all this run prints. */
    private Redaction redaction() {
        return ContextFactory.redaction(env);
    }

    /** A stream that tells whether anything was written to it. */
    private static final class WrittenTo extends java.io.FilterOutputStream {
        private volatile boolean any;

        WrittenTo(java.io.OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            any = true;
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            any |= len > 0;
            out.write(b, off, len);
        }

        boolean any() {
            return any;
        }
    }

    private int usage(String message) {
        err.println("lstudio: " + redaction().redact(message));
        return ExitCode.USAGE.code();
    }
}
