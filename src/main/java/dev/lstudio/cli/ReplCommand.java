package dev.lstudio.cli;

import dev.lstudio.client.CompletionCache;
import dev.lstudio.client.Dirs;
import dev.lstudio.dsl.DslContext;
import dev.lstudio.dsl.DslReference;
import dev.lstudio.dsl.Interactive;
import dev.lstudio.dsl.JsonLines;
import dev.lstudio.dsl.LstudioScript;
import dev.lstudio.dsl.Teardown;
import dev.lstudio.repl.DslCompletionData;
import dev.lstudio.repl.RemotePaths;
import dev.lstudio.repl.DslRenderer;
import dev.lstudio.repl.DslSession;
import dev.lstudio.repl.GroovyEvaluator;
import dev.lstudio.repl.HelpSource;
import dev.lstudio.repl.Repl;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jline.terminal.Terminal;

/**
 * {@code lstudio repl}: the DSL live on a terminal. Snippets share one {@link DslContext} (one
 * client, one teardown registry) for the whole session; on quit the REPL offers to stop the
 * studios started here, and teardown then stops whatever is still guarded and prints the
 * summary, as at the end of a script. SIGTERM and a closed terminal (SIGHUP) run teardown too.
 */
final class ReplCommand {
    private final GlobalOptions options;
    private final Map<String, String> env;
    private final boolean handleSignals;

    ReplCommand(GlobalOptions options, Map<String, String> env, boolean handleSignals) {
        this.options = options;
        this.env = env;
        this.handleSignals = handleSignals;
    }

    int run(Terminal terminal, PrintStream err) {
        PrintStream screen = new PrintStream(terminal.output(), true, terminal.encoding());
        boolean live = !Terminal.TYPE_DUMB.equals(terminal.getType()) && !Terminal.TYPE_DUMB_COLOR.equals(terminal.getType());
        Console console = new Console(screen, screen, live, options.quiet, options.debug, Clock.systemDefaultZone(),
                ContextFactory.redaction(env), terminal.encoding());
        Teardown teardown = Teardown.create(console::log);
        ContextFactory.Run run;
        DslSession[] opened = new DslSession[1];
        DslContext[] built = new DslContext[1];
        // Listings for TAB inside upload/download/files/remove: filled by files() and in the background, never on TAB.
        RemotePaths paths = new RemotePaths((studio, folder) -> built[0].client()
                .studio(opened[0].resolvedTeamspace(), studio).files().list(folder), Duration.ofMinutes(1), System::nanoTime);
        try {
            run = ContextFactory.create(options, List.of(), env, console, teardown, new DslContext.Listings() {
                @Override
                public void listed(String studio, String folder, List<dev.lstudio.client.RemoteFile> entries) {
                    paths.listed(studio, folder, entries);
                }

                @Override
                public void entered(String studio) {
                    paths.prefetch(studio);
                }
            });
        } catch (ContextFactory.SetupFailed e) {
            err.println("lstudio: " + console.redaction().redact(e.getMessage()));
            closeQuietly(terminal);
            return ExitCode.USAGE.code();
        }
        SignalGuard guard = handleSignals ? SignalGuard.installForRepl(teardown, console) : null;
        try {
            DslContext context = run.context;
            built[0] = context;
            // As before a script: studios that killed runs (or sessions) left running are stopped first.
            CleanupCommand.beforeRun(Dirs.from(env).owned(), context, console);
            DslSession session = new DslSession(Interactive.of(context));
            opened[0] = session;
            // Read when TAB or :help first needs it, not before the first prompt.
            Supplier<DslReference> reference = DslReference::shipped;
            Repl repl = Repl.builder()
                    .terminal(terminal)
                    .evaluator(GroovyEvaluator.forDsl(LstudioScript.binding(context)))
                    .completion(new DslCompletionData(() -> cache(context), session::resolvedTeamspace, reference, paths))
                    .help(HelpSource.of(reference))
                    .session(session)
                    .renderer(new DslRenderer())
                    .historyFile(Dirs.from(env).history())
                    .redactor(console.redaction()::redact)
                    .json(options.json)
                    .jsonEncoder(JsonLines::write)
                    .debug(options.debug)
                    .build();
            warmUp(context, session);
            repl.run();
            return ExitCode.SUCCESS.code();
        } finally {
            List<Throwable> failures = teardown.runAll();
            if (!failures.isEmpty()) {
                err.println("lstudio: " + failures.size() + " teardown action(s) failed; see the lines above");
            }
            console.finish();
            paths.close();
            run.close();
            if (guard != null) {
                guard.close();
            }
        }
    }

    /** The completion cache when the client exists; never builds the client on the TAB key's thread. */
    private static CompletionCache cache(DslContext context) {
        if (!context.clientBuilt()) {
            throw new IllegalStateException("no client yet");
        }
        return context.client().completionCache();
    }

    /**
     * In the background: the client, the default teamspace for the prompt, and the lists TAB
     * needs first, so that neither the first prompt nor the first TAB waits on the network.
     */
    private static void warmUp(DslContext context, DslSession session) {
        Thread t = new Thread(() -> {
            try {
                CompletionCache cache = context.client().completionCache();
                cache.teamspaces();
                session.warmUp();
                cache.studios(session.resolvedTeamspace());
            } catch (RuntimeException e) {
                // No credentials, several teamspaces, no network: the first verb says so itself.
            }
        }, "lstudio-warm-up");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Terminal terminal) {
        try {
            terminal.close();
        } catch (IOException e) {
            // Nothing more to say on a terminal that will not close.
        }
    }
}
