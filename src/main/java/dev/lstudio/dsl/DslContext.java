package dev.lstudio.dsl;

import dev.lstudio.client.ClientOptions;
import dev.lstudio.client.Clock;
import dev.lstudio.client.KeepAlive;
import dev.lstudio.client.LightningClient;
import dev.lstudio.client.Ownership;
import dev.lstudio.client.Progress;
import dev.lstudio.client.RemoteFile;
import dev.lstudio.client.TransferListener;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Everything one run of a script (or one REPL session) works with: its arguments and
 * environment, where output goes, progress display, the teardown registry, how to sleep,
 * and the global options the runner parsed. Built once by the runner (or the REPL) and
 * injected into every script through {@link LstudioScript#binding(DslContext)}.
 *
 * <p>The studio verbs reach the API through {@link #client()}, built on first use from the
 * supplier given to the builder (so a script without studio verbs needs no credentials), and
 * keep their per-run state (teamspace in use, studios started, limits) here too.
 */
public final class DslContext {
    private final List<String> args;
    private final Map<String, String> env;
    private final Output output;
    private final Progress progress;
    private final Function<String, TransferListener> transfers;
    private final Path workingDir;
    private final Listings listings;
    private final Teardown teardown;
    private final Clock clock;
    private final String teamspace;
    private final boolean jsonResults;
    private final boolean interactive;
    private final KeepAlive keepAlive;
    private final Supplier<LightningClient> clientSupplier;
    private final Ownership ownership;
    private final RunState session;
    private final Timeout.Running timeouts = new Timeout.Running();
    private LightningClient client;

    private DslContext(Builder b) {
        this.args = List.copyOf(b.args);
        this.env = Map.copyOf(b.env);
        this.output = b.output;
        this.progress = b.progress;
        this.transfers = b.transfers;
        this.workingDir = b.workingDir;
        this.listings = b.listings;
        this.teardown = b.teardown != null ? b.teardown : Teardown.create(output::log);
        this.clock = b.clock;
        this.teamspace = b.teamspace;
        this.jsonResults = b.jsonResults;
        this.interactive = b.interactive;
        this.keepAlive = KeepAlive.every(b.keepAlivePeriod, w -> output.log("warning: " + w));
        this.clientSupplier = b.client;
        this.ownership = b.ownership;
        this.session = new RunState(this);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * System streams and environment, no arguments, and a client from LIGHTNING_USER_ID /
     * LIGHTNING_API_KEY or ~/.lightning/credentials.json: for Java callers and JShell.
     */
    public static DslContext system() {
        return builder().env(System.getenv()).output(Output.of(System.out, System.err))
                .client(() -> LightningClient.fromEnvironment(ClientOptions.defaults()
                        .withWarnings(w -> System.err.println("warning: " + w))))
                .build();
    }

    /**
     * The API client, built on first use; its failure (no credentials, say) is the caller's
     * failure, and the next call tries again.
     */
    public synchronized LightningClient client() {
        if (client == null) {
            if (clientSupplier == null) {
                throw new DslException("this context has no Lightning client; build it with DslContext.builder().client(...)");
            }
            client = java.util.Objects.requireNonNull(clientSupplier.get(), "the client supplier returned null");
        }
        return client;
    }

    /** Whether the client has been built (a run that never used it need not close it). */
    public synchronized boolean clientBuilt() {
        return client != null;
    }

    /**
     * The limit ({@code maxRuntime} of a studio or the run's {@code budget}) that ran out and
     * made the watchdog stop studios, or null. The runner reports it (exit 124) whatever the
     * script did with the interrupt it caused.
     */
    public DslTimeoutException expiredLimit() {
        return session.ledger().watchdog().failure();
    }

    /**
     * A limit that ran out while the script goes on regardless: {@link #expiredLimit()}, or a
     * {@code timeout} block past its limit that has not ended, because its code ignores the
     * interrupt (a loop that never waits, Groovy's {@code sleep}). The runner, which cannot stop
     * such code, ends the run itself when this stays set for a grace period.
     */
    public DslTimeoutException overdueLimit() {
        DslTimeoutException expired = expiredLimit();
        return expired != null ? expired : timeouts.overdue();
    }

    Timeout.Running timeouts() {
        return timeouts;
    }

    RunState session() {
        return session;
    }

    public List<String> args() {
        return args;
    }

    public Map<String, String> env() {
        return env;
    }

    public Output output() {
        return output;
    }

    public Progress progress() {
        return progress;
    }

    public Teardown teardown() {
        return teardown;
    }

    /**
     * Who shows the files of one transfer of {@code studio} as they go (a progress bar on a
     * terminal, a line per file in a cron log, a JSON record per file with {@code --json}).
     */
    public TransferListener transfers(String studio) {
        return transfers.apply(studio);
    }

    /** Where relative local paths of the file verbs resolve: the runner's working directory. */
    public Path workingDir() {
        return workingDir;
    }

    /** Hears the listings {@code files()} got, so the REPL completes those paths without a call of its own. */
    public interface Listings {
        void listed(String studio, String folder, List<RemoteFile> entries);

        /** A {@code studio('x') { ... }} block begins: its files are likely to be asked for next. */
        default void entered(String studio) {
        }
    }

    void listed(String studio, String folder, List<RemoteFile> entries) {
        listings.listed(studio, folder, entries);
    }

    void entered(String studio) {
        listings.entered(studio);
    }

    /**
     * The records of the studios this run started (recorded before each start, released when seen
     * stopped or kept running), which the ledger's guards and summary read, and which
     * {@code lstudio cleanup} reads on disk when the process died; {@link Ownership#inMemory()}
     * unless the builder was given one.
     */
    public Ownership ownership() {
        return ownership;
    }

    /** How this run sleeps between retries and where their jitter comes from. */
    public Clock clock() {
        return clock;
    }

    /** {@code --teamspace} as given, or null: the studio verbs resolve the default. */
    public String teamspace() {
        return teamspace;
    }

    /** A REPL session rather than a run: Studios are kept alive only while a verb works on them. */
    public boolean interactive() {
        return interactive;
    }

    /**
     * Keep-alive for the Studios of this run (every 30 s unless the builder says otherwise): a run
     * holds each Studio it started from start to stop, any verb that waits or runs a command holds
     * its Studio meanwhile. Closed by the exit summary, the last teardown action.
     */
    KeepAlive keepAlive() {
        return keepAlive;
    }

    /** {@code --json}: verbs that return results should print them as JSON lines. */
    public boolean jsonResults() {
        return jsonResults;
    }

    public static final class Builder {
        private List<String> args = List.of();
        private Map<String, String> env = Map.of();
        private Output output = Output.of(System.out, System.err);
        private Progress progress = Progress.silent();
        private Function<String, TransferListener> transfers = studio -> TransferListener.NONE;
        private Path workingDir = Path.of("").toAbsolutePath();
        private Listings listings = (studio, folder, entries) -> { };
        private Supplier<LightningClient> client;
        private Teardown teardown;
        private Ownership ownership = Ownership.inMemory();
        private Clock clock = Clock.system();
        private String teamspace;
        private boolean jsonResults;
        private boolean interactive;
        private Duration keepAlivePeriod = KeepAlive.DEFAULT_PERIOD;

        private Builder() {
        }

        public Builder args(List<String> args) {
            this.args = Objects.requireNonNull(args, "args");
            return this;
        }

        public Builder env(Map<String, String> env) {
            this.env = Objects.requireNonNull(env, "env");
            return this;
        }

        public Builder output(Output output) {
            this.output = Objects.requireNonNull(output, "output");
            return this;
        }

        public Builder output(PrintStream out, PrintStream err) {
            return output(Output.of(out, err));
        }

        public Builder progress(Progress progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        /** Who shows each transfer of a studio's files, by the studio's name (default: no one). */
        public Builder transfers(Function<String, TransferListener> transfers) {
            this.transfers = Objects.requireNonNull(transfers, "transfers");
            return this;
        }

        /** Where relative local paths resolve (default: the process's working directory). */
        public Builder workingDir(Path workingDir) {
            this.workingDir = Objects.requireNonNull(workingDir, "workingDir").toAbsolutePath();
            return this;
        }

        /** Who hears what {@code files()} listed (the REPL's completion); default: no one. */
        public Builder listings(Listings listings) {
            this.listings = Objects.requireNonNull(listings, "listings");
            return this;
        }

        /** A registry the runner also holds, so its signal handler can run it. */
        public Builder teardown(Teardown teardown) {
            this.teardown = Objects.requireNonNull(teardown, "teardown");
            return this;
        }

        /** Where the studios this run starts are recorded until seen stopped (default: nowhere). */
        public Builder ownership(Ownership ownership) {
            this.ownership = Objects.requireNonNull(ownership, "ownership");
            return this;
        }

        /** Time and jitter for {@code retry}; tests hand in a fake sleeper and a pinned random. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How to build the API client, called once when a verb first needs it. */
        public Builder client(Supplier<LightningClient> client) {
            this.client = Objects.requireNonNull(client, "client");
            return this;
        }

        public Builder client(LightningClient client) {
            Objects.requireNonNull(client, "client");
            return client(() -> client);
        }

        public Builder teamspace(String teamspace) {
            this.teamspace = teamspace;
            return this;
        }

        public Builder jsonResults(boolean jsonResults) {
            this.jsonResults = jsonResults;
            return this;
        }

        /** For the REPL: Studios it started are kept alive only while a verb works on them. */
        public Builder interactive(boolean interactive) {
            this.interactive = interactive;
            return this;
        }

        /** How often Studios in use are sent keep-alive; zero sends none (see {@link KeepAlive#period}). */
        public Builder keepAlivePeriod(Duration period) {
            this.keepAlivePeriod = Objects.requireNonNull(period, "period");
            return this;
        }

        public DslContext build() {
            return new DslContext(this);
        }
    }
}
