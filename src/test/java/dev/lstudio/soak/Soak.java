package dev.lstudio.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lstudio.emulator.Emulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The soak test of issue 8: many script runs (create, start, exec, switch, stop, delete) against
 * an emulator that fails a fifth of the API calls (429/500/502/503, connections dropped before
 * or after the server acted), adds latency and glitches (empty status answers, 429 storms on
 * status, dripped answers, endless pages: {@link #GLITCHES}), with some runs killed part-way by SIGTERM or
 * SIGKILL. Then {@code lstudio cleanup}, and the figures: what ran, what failed, what leaked.
 *
 * <pre>
 * scripts/soak                  200 runs (several minutes)
 * scripts/soak --runs 40        fewer
 * scripts/soak --hosts 6        runs over 6 homes, half of them evicted ({@link HostSoak})
 * </pre>
 * SoakSpec runs a short version in every build.
 */
public final class Soak {
    /** A fifth of every API call fails; a fifth of them is slowed down. */
    static final String FAULTS = "/v1/** 429:0.04 500:0.04 502:0.04 503:0.04 drop:0.02 drop-after:0.02 latency:100ms:0.2";

    /**
     * The glitches of issue 13 on top: status answers that say nothing ({@code 200 {}}), 429
     * storms on status reads, answers dripped a byte at a time, and list pages whose next token
     * leads to the same page again.
     */
    static final String[] GLITCHES = {
        "GET /v1/projects/*/cloudspaces/*/codestatus empty:0.04 storm:0.01 drip:0.02 drip-every:2ms storm-for:1500ms",
        "GET /v1/projects/*/cloudspaces endless-pages:0.1",
    };

    static final String SCRIPT = String.join("\n",
            "def (name, token) = args",
            "studio(name, create: true) {",
            "    start 'cpu-4'",
            "    exec \"echo ${token} >> ${env('SOAK_EXECUTED')}\"",
            "    switchTo 'cpu-8'",
            "    stop()",
            "    delete()",
            "}",
            "");

    /** How the soak runs: {@code lstudio} is the command that starts lstudio (launcher or java -cp ...). */
    public record Settings(int runs, int parallel, double termShare, double killShare, long seed, List<String> lstudio,
                           Path work) {
    }

    private final Settings settings;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private Soak(Settings settings) {
        this.settings = settings;
    }

    public static SoakFigures run(Settings settings) throws Exception {
        return new Soak(settings).go();
    }

    private SoakFigures go() throws Exception {
        Path work = Files.createDirectories(settings.work());
        Path home = Files.createDirectories(work.resolve("home"));
        Path executed = work.resolve("executed.log");
        Files.deleteIfExists(executed);
        Files.createFile(executed);
        Path script = Files.writeString(work.resolve("soak.groovy"), SCRIPT);
        try (Emulator emulator = Emulator.builder().strict(true).port(0).teamspace("soak")
                .startDelay(Duration.ofMillis(300)).stopDelay(Duration.ofMillis(200))
                .switchDelay(Duration.ofMillis(300)).faults(faults()).seed(settings.seed()).build().start()) {
            Map<String, String> env = Map.of(
                    "LIGHTNING_CLOUD_URL", emulator.baseUrl(), "LIGHTNING_USER_ID", emulator.userId(),
                    "LIGHTNING_API_KEY", emulator.apiKey(), "LSTUDIO_HOME", home.toString(), "HOME", home.toString(),
                    "SOAK_EXECUTED", executed.toString());
            SoakFigures figures = new SoakFigures(settings);
            figures.results.addAll(runAll(script, work, env));
            figures.runningAfterRuns = running(emulator);
            figures.faultsInjected = admin(emulator, "faults").path("injected");
            figures.requests = admin(emulator, "requests").path("total").asLong();
            for (int pass = 1; pass <= 3 && (pass == 1 || !running(emulator).isEmpty()); pass++) {
                figures.cleanups.add(cleanup(work, env));
            }
            figures.runningAfterCleanup = settled(emulator);
            figures.executed = Files.readAllLines(executed);
            figures.remaining = studios(emulator);
            return figures;
        }
    }

    private static String[] faults() {
        String[] all = new String[GLITCHES.length + 1];
        all[0] = FAULTS;
        System.arraycopy(GLITCHES, 0, all, 1, GLITCHES.length);
        return all;
    }

    private List<SoakRun.Result> runAll(Path script, Path work, Map<String, String> env) throws Exception {
        Random random = new Random(settings.seed());
        ExecutorService pool = Executors.newFixedThreadPool(settings.parallel());
        try {
            List<Future<SoakRun.Result>> futures = new ArrayList<>();
            for (int i = 1; i <= settings.runs(); i++) {
                double draw = random.nextDouble();
                SoakRun.Fate fate = draw < settings.termShare() ? SoakRun.Fate.SIGTERM
                        : draw < settings.termShare() + settings.killShare() ? SoakRun.Fate.SIGKILL : SoakRun.Fate.LEFT_ALONE;
                long killAfter = 300 + random.nextInt(2700);
                int index = i;
                futures.add(pool.submit(() -> SoakRun.run(index, fate, killAfter, settings.lstudio(), script, work, env)));
            }
            List<SoakRun.Result> results = new ArrayList<>();
            for (Future<SoakRun.Result> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@code lstudio cleanup} with the runs' environment (faults still on, as in real life). */
    private SoakFigures.Cleanup cleanup(Path work, Map<String, String> env) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(settings.lstudio());
        command.add("cleanup");
        Path err = work.resolve("cleanup.err");
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(work.resolve("cleanup.out").toFile()).redirectError(err.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        int exit = p.waitFor();
        return new SoakFigures.Cleanup(exit, Files.readString(err));
    }

    /** Studios still in an active phase once STOPPING ones have had time to stop. */
    private List<String> settled(Emulator emulator) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<String> running = running(emulator);
        while (!running.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            running = running(emulator);
        }
        return running;
    }

    private List<String> running(Emulator emulator) throws Exception {
        List<String> names = new ArrayList<>();
        for (JsonNode s : admin(emulator, "studios").path("studios")) {
            if (s.path("active").asBoolean()) {
                names.add(s.path("name").asText());
            }
        }
        return names;
    }

    private List<String> studios(Emulator emulator) throws Exception {
        List<String> names = new ArrayList<>();
        admin(emulator, "studios").path("studios").forEach(s -> names.add(s.path("name").asText()));
        return names;
    }

    private JsonNode admin(Emulator emulator, String what) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "_emulator/" + what)).build(),
                HttpResponse.BodyHandlers.ofString());
        return json.readTree(r.body());
    }

    /** {@code --runs N --parallel P --seed S --work DIR -- LSTUDIO COMMAND...}; exits 1 when something leaked. */
    public static void main(String[] args) throws Exception {
        int runs = 200;
        int hosts = 0;
        int perHost = 2;
        int parallel = 2;
        long seed = 1;
        Path work = Path.of("target/soak");
        int i = 0;
        for (; i < args.length && !args[i].equals("--"); i += 2) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                case "--hosts" -> hosts = Integer.parseInt(args[i + 1]);
                case "--runs-per-host" -> perHost = Integer.parseInt(args[i + 1]);
                case "--parallel" -> parallel = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--work" -> work = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        List<String> lstudio = List.of(args).subList(Math.min(i + 1, args.length), args.length);
        if (hosts > 0) { // the soak across hosts of issue 17: HostSoak
            List<HostSoak.Pass> passes = HostSoak.run(new HostSoak.Settings(hosts, perHost, lstudio,
                    work.toAbsolutePath().resolve("hosts")));
            passes.forEach(p -> System.out.println(p.report()));
            List<String> problems = passes.stream().flatMap(p -> p.problems().stream()).toList();
            problems.forEach(p -> System.out.println("PROBLEM: " + p));
            System.exit(problems.isEmpty() ? 0 : 1);
        }
        SoakFigures figures = run(new Settings(runs, parallel, 0.1, 0.1, seed, lstudio, work.toAbsolutePath()));
        System.out.println(figures.report());
        System.exit(figures.problems().isEmpty() ? 0 : 1);
    }
}
