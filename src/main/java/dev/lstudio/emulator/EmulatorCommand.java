package dev.lstudio.emulator;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lstudio emulator}: runs the emulator until interrupted, after printing its base URL and
 * the {@code export LIGHTNING_...} lines a client needs (stdout), with notes on stderr.
 */
// One string per paragraph: picocli wraps each at words to the usage width (a string per line
// would wrap again mid-phrase), and lstudio --help lists the first paragraph whole.
@Command(name = "emulator", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serve the Lightning Studios API locally (127.0.0.1), with real command execution, persisted"
                + " state and faults on demand. Runs until interrupted (Ctrl-C).",
            "Answers in the live service's form (camelCase, 64-bit integers as strings, finite NDJSON execute"
                + " streams); also accepts the reference's request forms unless --strict."},
        footer = {"", "Durations are written like 0s, 500ms, 2s, 1m.",
            "Fault rules: '[METHOD] PATH EFFECT...', PATH a glob (* a segment, ** any depth).",
            "  EFFECT: 429|500|502|503|drop|drop-after[:P], latency:DURATION[:P],",
            "  retry-after:DURATION; glitches: empty|drip|storm|endless-pages[:P],",
            "  drip-every:DURATION, storm-for:DURATION; on presigned storage",
            "  (/storage/**): drop-part|expired|short-body[:P].",
            "Example: --fault 'POST /v1/projects/*/cloudspaces/*/execute 503:0.3' --seed 1",
            "Admin API (no auth, loopback only): GET /_emulator/studios, GET /_emulator/commands,"
                + " GET|PUT|DELETE /_emulator/faults, POST /_emulator/reset.",
            "The default teamspace also has a member 'teammate' with a stopped Studio 'shared-box'"
                + " (see --no-teammate)."})
public final class EmulatorCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8765", description = "Port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--state-dir", description = "Keep studios, files and settings here across restarts.")
    Path stateDir;

    @Option(names = "--user-id", description = "User id clients authenticate as (default: generated, or the saved one).")
    String userId;

    @Option(names = "--api-key", description = "API key clients authenticate with (default: random, or the saved one).")
    String apiKey;

    @Option(names = "--username", description = "Username (default: demo, or the saved one).")
    String username;

    @Option(names = "--teamspace", paramLabel = "NAME", description = "A teamspace the user belongs to; repeatable (default: demo).")
    List<String> teamspaces = new ArrayList<>();

    @Option(names = "--start-delay", defaultValue = "2s", converter = DurationOption.Converter.class,
            description = "Start (and restart) to RUNNING (default: ${DEFAULT-VALUE}).")
    Duration startDelay;

    @Option(names = "--stop-delay", defaultValue = "1s", converter = DurationOption.Converter.class,
            description = "STOPPING to STOPPED (default: ${DEFAULT-VALUE}).")
    Duration stopDelay;

    @Option(names = "--switch-delay", defaultValue = "2s", converter = DurationOption.Converter.class,
            description = "Machine switch until the new machine is ready (default: ${DEFAULT-VALUE}).")
    Duration switchDelay;

    @Option(names = "--fork-delay", defaultValue = "500ms", converter = DurationOption.Converter.class,
            description = "A fork's initial sync until READY (default: ${DEFAULT-VALUE}).")
    Duration forkDelay;

    @Option(names = "--detach-after", defaultValue = "10s", converter = DurationOption.Converter.class,
            description = "Execute answers with a session once a command runs this long (default: ${DEFAULT-VALUE}).")
    Duration detachAfter;

    @Option(names = "--fault", paramLabel = "RULE", description = "A fault rule (see below); repeatable.")
    List<String> faults = new ArrayList<>();

    @Option(names = "--seed", description = "Seed for fault decisions, so runs repeat exactly.")
    Long seed;

    @Option(names = "--strict", description = "Refuse (400) request body fields the live service does not have,"
        + " as lightning.ai does, instead of also accepting the reference's forms (code_config, session, ...).")
    boolean strict;

    @Option(names = "--no-teammate", negatable = false, description = "Leave out the teammate who owns a stopped Studio"
        + " 'shared-box' in the default teamspace (listed without userId, found by name).")
    boolean noTeammate;

    @Option(names = "--time-scale", paramLabel = "N", defaultValue = "1", description = {
        "Run the idle and run-duration clocks N times faster than the wall clock (default: ${DEFAULT-VALUE}):",
        "with 60, an idle limit of 15 min passes in 15 s."})
    double timeScale;

    @Option(names = "--url-ttl", paramLabel = "DURATION", defaultValue = "15m", converter = DurationOption.Converter.class,
            description = "How long a presigned upload or download URL stays valid, on the emulator's clock"
                + " (--time-scale) (default: ${DEFAULT-VALUE}).")
    Duration urlTtl;

    @Option(names = {"-v", "--verbose"}, description = "Log each request (method, path, outcome) to stderr.")
    boolean verbose;

    public static void main(String[] args) {
        System.exit(new CommandLine(new EmulatorCommand()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Emulator emu;
        try {
            Emulator.Builder b = Emulator.builder().port(port).stateDir(stateDir).startDelay(startDelay)
                    .stopDelay(stopDelay).switchDelay(switchDelay).forkDelay(forkDelay).detachAfter(detachAfter)
                    .faults(faults.toArray(String[]::new)).strict(strict).teammate(!noTeammate)
                    .timeScale(timeScale).urlTtl(urlTtl);
            if (userId != null) {
                b.userId(userId);
            }
            if (apiKey != null) {
                b.apiKey(apiKey);
            }
            if (username != null) {
                b.username(username);
            }
            teamspaces.forEach(b::teamspace);
            if (seed != null) {
                b.seed(seed);
            }
            if (verbose) {
                b.log(line -> {
                    err.println("emulator: " + line);
                    err.flush();
                });
            }
            emu = b.build().start();
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            err.println("lstudio emulator: " + e.getMessage());
            err.flush();
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emu.close();
            stopped.countDown();
        }, "lstudio-emulator-shutdown"));
        String url = emu.baseUrl();
        out.println("lstudio emulator listening on " + url);
        out.println("export LIGHTNING_CLOUD_URL=" + quote(url.substring(0, url.length() - 1)));
        out.println("export LIGHTNING_USER_ID=" + quote(emu.userId()));
        out.println("export LIGHTNING_API_KEY=" + quote(emu.apiKey()));
        out.flush();
        err.println("Teamspaces: " + String.join(", ", teamspaces.isEmpty() ? List.of("demo") : teamspaces)
                + "; username " + emu.username() + (stateDir == null ? "; state is not kept (no --state-dir)"
                : "; state in " + stateDir) + ". Press Ctrl-C to stop.");
        err.flush();
        stopped.await();
        return 0;
    }

    static String quote(String value) {
        return value.matches("[A-Za-z0-9_@%+=:,./-]+") ? value : "'" + value.replace("'", "'\\''") + "'";
    }
}
