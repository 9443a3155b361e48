package dev.lstudio.emulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A local Studios API server on 127.0.0.1. Build one, start it, point a client at
 * {@link #baseUrl()} with {@link #userId()} and {@link #apiKey()}, and close it when done
 * (closing ends every command it started).
 *
 * <pre>{@code
 * try (Emulator emu = Emulator.builder().startDelay(Duration.ZERO).build().start()) {
 *     String url = emu.baseUrl();   // "http://127.0.0.1:PORT/"
 * }
 * }</pre>
 */
public final class Emulator implements AutoCloseable {
    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm
        // and the client's delayed ACK add ~40 ms to every small answer. Read once per JVM.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final Settings settings;
    private final Consumer<String> log;
    private HttpServer server;
    private ExecutorService requests;
    private ExecutorService processes;
    private ScheduledExecutorService timer;
    private StateFile stateFile;
    private Store store;
    private ShellSessions commands;
    private Path root;
    private boolean started;
    private boolean closed;

    private Emulator(Settings settings, Consumer<String> log) {
        this.settings = settings;
        this.log = log;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Loads the state directory (if any) and starts serving.
     *
     * @throws IllegalStateException if the state file is corrupt or the state directory is in use
     * @throws UncheckedIOException if the port cannot be bound
     */
    public synchronized Emulator start() {
        if (started) {
            throw new IllegalStateException("this emulator was already started; build a new one");
        }
        started = true;
        try {
            StateFile.Snapshot saved = null;
            if (settings.stateDir() != null) {
                root = settings.stateDir();
                stateFile = StateFile.open(root);
                saved = stateFile.load();
            } else {
                root = Files.createTempDirectory("lstudio-emulator-");
            }
            Store.Identity identity = Store.Identity.resolve(settings, saved);
            store = new Store(stateFile, saved, identity, root.resolve("studios"));
            Files.createDirectories(root.resolve("studios"));
            timer = Executors.newSingleThreadScheduledExecutor(threads("lstudio-emulator-timer"));
            processes = Executors.newCachedThreadPool(threads("lstudio-emulator-exec"));
            requests = new ThreadPoolExecutor(2, 256, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                    threads("lstudio-emulator-http"), new ThreadPoolExecutor.CallerRunsPolicy());
            commands = new ShellSessions(processes, root.resolve(".bin"));
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), settings.port()), 128);
            Memberships teamspaces = new Memberships(settings.teamspaces(), identity);
            Runnable seed = () -> {
                if (settings.teammate()) {
                    Teammate.seed(store, teamspaces);
                }
            };
            store.update(seed);
            new Contexts(store, commands, settings, timer, log).mount(server, identity, teamspaces, seed,
                    root.resolve(".uploads"));
            server.setExecutor(requests);
            server.start();
            store.save();
            return this;
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("could not start the emulator on 127.0.0.1:" + settings.port() + ": "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private void requireStarted() {
        if (server == null || closed) {
            throw new IllegalStateException("the emulator is not running; call start() first");
        }
    }

    /** {@code http://127.0.0.1:PORT/}, with the trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/";
    }

    public int port() {
        requireStarted();
        return server.getAddress().getPort();
    }

    public String userId() {
        requireStarted();
        return store.identity().userId();
    }

    /** The API key clients must send; never printed by the emulator except in the CLI's export lines. */
    public String apiKey() {
        requireStarted();
        return store.identity().apiKey();
    }

    public String username() {
        requireStarted();
        return store.identity().username();
    }

    /** Stops serving, ends every command, saves the machine time used and releases the state directory. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (server != null) {
            server.stop(0);
        }
        if (store != null && commands != null) {
            try {
                store.update(() -> store.studios().forEach(PhaseMachine::settle));
            } catch (RuntimeException e) {
                log.accept("could not save state on close: " + e.getMessage());
            }
            commands.killAll();
        }
        for (ExecutorService pool : new ExecutorService[] {timer, requests, processes}) {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        try {
            if (stateFile != null) {
                stateFile.close();
            }
        } catch (IOException e) {
            log.accept("could not release the state directory lock: " + e.getMessage());
        }
        if (root != null && settings.stateDir() == null) {
            try {
                StudioFiles.deleteTree(root);
            } catch (UncheckedIOException e) {
                log.accept("could not remove " + root + ": " + e.getMessage());
            }
        }
    }

    /** Settings for an {@link Emulator}; every one has a sensible default. */
    public static final class Builder {
        private int port;
        private Path stateDir;
        private String userId;
        private String apiKey;
        private String username;
        private final List<String> teamspaces = new ArrayList<>();
        private Duration startDelay = Duration.ofSeconds(2);
        private Duration stopDelay = Duration.ofSeconds(1);
        private Duration switchDelay = Duration.ofSeconds(2);
        private Duration forkDelay = Duration.ofMillis(500);
        private Duration detachAfter = Duration.ofSeconds(10);
        private Duration tick = Duration.ofMillis(200);
        private final List<String> faults = new ArrayList<>();
        private Long seed;
        private Consumer<String> log = line -> { };
        private boolean strict;
        private boolean teammate = true;
        private double timeScale = 1;
        private Duration urlTtl = Duration.ofMinutes(15);
        private int listPageSize = 1000;

        private Builder() {
        }

        /** Port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0 to 65535, not " + port);
            }
            this.port = port;
            return this;
        }

        /** Where studios, their files and settings are kept across restarts; none keeps nothing. */
        public Builder stateDir(Path stateDir) {
            this.stateDir = stateDir;
            return this;
        }

        public Builder userId(String userId) {
            this.userId = nonBlank(userId, "user id");
            return this;
        }

        public Builder apiKey(String apiKey) {
            this.apiKey = nonBlank(apiKey, "api key");
            return this;
        }

        public Builder username(String username) {
            this.username = nonBlank(username, "username");
            return this;
        }

        /** Adds a teamspace (membership); the first is the default. Without any, there is one named "demo". */
        public Builder teamspace(String name) {
            Memberships.check(name);
            teamspaces.add(name);
            return this;
        }

        /** Time from start to RUNNING (default 2s); zero makes start immediate. Restart uses it too. */
        public Builder startDelay(Duration d) {
            this.startDelay = nonNegative(d, "start delay");
            return this;
        }

        /** Time from STOPPING to STOPPED (default 1s). */
        public Builder stopDelay(Duration d) {
            this.stopDelay = nonNegative(d, "stop delay");
            return this;
        }

        /** Time until the requested machine of a switch is ready (default 2s). */
        public Builder switchDelay(Duration d) {
            this.switchDelay = nonNegative(d, "switch delay");
            return this;
        }

        /** Time a fork spends in INITIAL_SYNC_IN_PROGRESS before READY (default 500ms). */
        public Builder forkDelay(Duration d) {
            this.forkDelay = nonNegative(d, "fork delay");
            return this;
        }

        /** How long execute waits for a command before answering with its session and exit code -1 (default 10s). */
        public Builder detachAfter(Duration d) {
            this.detachAfter = nonNegative(d, "detach-after");
            return this;
        }

        /** Fault rules, e.g. {@code "POST /v1/projects/*}{@code /cloudspaces/*}{@code /execute 503:0.3 latency:200ms"}. */
        public Builder faults(String... specs) {
            for (String spec : specs) {
                Faults.Rule.parse(spec);
                faults.add(spec);
            }
            return this;
        }

        /** Seed of the Random behind faults, so the same requests meet the same faults. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Strict (default off): a request body field the live service does not have is refused with 400
         * (gRPC 3) naming the field and the endpoint, as the live protobuf layer would; the reference's
         * request forms (code_config, session, flat endpoint fields...) are then refused too.
         */
        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        /**
         * A teammate (username "teammate") in the default teamspace who owns a stopped Studio named
         * "shared-box" (default on), as in a shared teamspace; off gives an empty world.
         */
        public Builder teammate(boolean teammate) {
            this.teammate = teammate;
            return this;
        }

        /**
         * How many times faster than the wall clock the emulator's idle and run-duration clocks run
         * (default 1): with 60, an idle limit of 15 min passes in 15 s, so specs of auto-sleep take
         * seconds. Delays of starts and stops are not scaled (they have their own settings).
         */
        public Builder timeScale(double scale) {
            if (!(scale >= 1) || Double.isInfinite(scale)) {
                throw new IllegalArgumentException("time scale must be a number of 1 or more, not " + scale);
            }
            this.timeScale = scale;
            return this;
        }

        /**
         * How long a presigned storage URL (an upload part, a download) stays valid (default 15 min),
         * on the emulator's clock: with a time scale of 60, 15 min pass in 15 s.
         */
        public Builder urlTtl(Duration ttl) {
            if (ttl == null || ttl.isNegative() || ttl.isZero()) {
                throw new IllegalArgumentException("url ttl must be more than zero, not " + ttl);
            }
            this.urlTtl = ttl;
            return this;
        }

        /** Entries per page of a file listing (default 1000); small ones let specs see several pages. */
        public Builder listPageSize(int size) {
            if (size < 1) {
                throw new IllegalArgumentException("list page size must be 1 or more, not " + size);
            }
            this.listPageSize = size;
            return this;
        }

        Builder tick(Duration d) {
            this.tick = Objects.requireNonNull(d);
            return this;
        }

        Builder log(Consumer<String> log) {
            this.log = Objects.requireNonNull(log);
            return this;
        }

        public Emulator build() {
            List<Faults.Rule> rules = faults.stream().map(Faults.Rule::parse).toList();
            Settings s = new Settings(port, stateDir, userId, apiKey, username,
                    teamspaces.isEmpty() ? List.of("demo") : List.copyOf(teamspaces), startDelay, stopDelay,
                    switchDelay, forkDelay, detachAfter, tick, rules, seed != null ? seed : new SecureRandom().nextLong(),
                    strict, teammate, timeScale, urlTtl, listPageSize);
            return new Emulator(s, log);
        }

        private static String nonBlank(String value, String what) {
            if (value == null || value.isBlank() || value.contains(":") && what.equals("user id")) {
                throw new IllegalArgumentException(what + " must be a non-blank string" + (what.equals("user id")
                        ? " without ':'" : ""));
            }
            return value;
        }

        private static Duration nonNegative(Duration d, String what) {
            if (d == null || d.isNegative()) {
                throw new IllegalArgumentException(what + " must be zero or more, not " + d);
            }
            return d;
        }
    }
}
