package dev.lstudio.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lstudio.emulator.Emulator;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The soak across hosts of issue 17 ({@code scripts/soak --hosts N}): runs spread over N
 * separate LSTUDIO_HOMEs, each starting a Studio and holding it; every other host is then
 * evicted, as a pod would be: its runs SIGKILLed and its home deleted. Twice: with a fresh host
 * running {@code lstudio cleanup --shared}, and with no cleanup at all, where only the service's
 * auto-sleep (the dead man's switch, its clock 300 times faster in the emulator) can stop the
 * orphans. Either way nothing may be left running once the live runs end, and no Studio of a live
 * run may be stopped while it runs.
 */
final class HostSoak {
    /** The emulator's clock runs this much faster: the 15-minute switch passes in 3 s. */
    static final int TIME_SCALE = 300;

    record Settings(int hosts, int runsPerHost, List<String> lstudio, Path work) {
    }

    /** What one pass (with or without the shared cleanup) saw. */
    record Pass(String name, int runs, int orphans, int live, int orphansStoppedByCleanup, int orphansStoppedBySleep,
                List<String> orphansLeaked, List<String> liveTouched, List<String> runningAtEnd, List<String> leasesLeft,
                long secondsToClean, int cleanupExit) {
        List<String> problems() {
            List<String> out = new ArrayList<>();
            orphansLeaked.forEach(s -> out.add(name + ": orphan " + s + " still running"));
            liveTouched.forEach(s -> out.add(name + ": the Studio of live run " + s + " was stopped under it"));
            runningAtEnd.forEach(s -> out.add(name + ": " + s + " still running after every run ended"));
            leasesLeft.forEach(s -> out.add(name + ": " + s + " still carries a lease after its run gave it up"));
            if (cleanupExit > 0) {
                out.add(name + ": cleanup --shared exited " + cleanupExit);
            }
            return out;
        }

        String report() {
            return String.format("%-22s %4d runs, %3d orphans (stopped by cleanup %d, by auto-sleep %d, leaked %d), "
                            + "%3d live (touched %d), running at the end %d, leases left %d, orphans gone after %d s",
                    name, runs, orphans, orphansStoppedByCleanup, orphansStoppedBySleep, orphansLeaked.size(), live,
                    liveTouched.size(), runningAtEnd.size(), leasesLeft.size(), secondsToClean);
        }
    }

    private static final String SCRIPT = String.join("\n",
            "def (name, started, release) = args",
            "studio(name, create: true) {",
            "    start 'cpu-4'",
            "    new File(started).text = 'started'",
            "    while (!new File(release).exists()) { Thread.sleep(100) }",
            "    stop()",
            "}",
            "");

    private final Settings settings;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private HostSoak(Settings settings) {
        this.settings = settings;
    }

    static List<Pass> run(Settings settings) throws Exception {
        HostSoak soak = new HostSoak(settings);
        return List.of(soak.pass("shared cleanup", true), soak.pass("no cleanup (auto-sleep)", false));
    }

    private Pass pass(String name, boolean cleanup) throws Exception {
        Path work = Files.createDirectories(settings.work().resolve(cleanup ? "shared-cleanup" : "auto-sleep"));
        Path script = Files.writeString(work.resolve("hold.groovy"), SCRIPT);
        Path release = work.resolve("release");
        Files.deleteIfExists(release);
        try (Emulator emulator = Emulator.builder().strict(true).port(0).teamspace("soak").teammate(false)
                .startDelay(Duration.ofMillis(200)).stopDelay(Duration.ofMillis(100)).timeScale(TIME_SCALE)
                .build().start()) {
            Map<String, String> env = new HashMap<>(Map.of(
                    "LIGHTNING_CLOUD_URL", emulator.baseUrl(), "LIGHTNING_USER_ID", emulator.userId(),
                    "LIGHTNING_API_KEY", emulator.apiKey(), "LSTUDIO_KEEPALIVE_SECONDS", "1",
                    "LSTUDIO_LEASE_SECONDS", "3"));
            // With the cleanup, the switch is long (60 scaled minutes: 12 s), so that the cleanup is what stops orphans.
            env.put("LSTUDIO_DEADMAN", cleanup ? "60m" : "15m");
            Map<String, Process> processes = new LinkedHashMap<>();
            Map<String, Path> homeOf = new LinkedHashMap<>();
            List<String> orphans = new ArrayList<>();
            List<String> live = new ArrayList<>();
            for (int h = 0; h < settings.hosts(); h++) {
                Path home = Files.createDirectories(work.resolve("host-" + h));
                for (int r = 0; r < settings.runsPerHost(); r++) {
                    String studio = "h" + h + "-r" + r;
                    processes.put(studio, start(studio, home, script, release, env, work));
                    homeOf.put(studio, home);
                    (h % 2 == 0 ? orphans : live).add(studio);
                }
            }
            for (String studio : processes.keySet()) {
                waitFor(homeOf.get(studio).resolve(studio + ".started"), processes.get(studio), Duration.ofSeconds(120), studio);
            }
            for (String studio : orphans) { // evicted: killed outright, and the pod's disk goes with it
                processes.get(studio).destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            for (String studio : orphans) {
                deleteTree(homeOf.get(studio));
            }
            long killed = System.nanoTime();
            int cleanupExit = -1;
            if (cleanup) {
                Thread.sleep(3500); // the leases (3 s) run out
                Path fresh = Files.createDirectories(work.resolve("host-fresh"));
                cleanupExit = cleanupShared(fresh, env, work);
            }
            List<String> leaked = waitStopped(emulator, orphans, Duration.ofSeconds(cleanup ? 5 : 60));
            long secondsToClean = (System.nanoTime() - killed) / 1_000_000_000L;
            List<String> touched = new ArrayList<>();
            Map<String, JsonNode> now = studios(emulator);
            live.forEach(s -> {
                if (!now.get(s).path("active").asBoolean()) {
                    touched.add(s);
                }
            });
            int byCleanup = 0;
            int bySleep = 0;
            for (String s : orphans) {
                String reason = now.get(s).path("lastStopReason").asText("");
                if (reason.contains("idle")) {
                    bySleep++;
                } else if (!now.get(s).path("active").asBoolean()) {
                    byCleanup++;
                }
            }
            Files.writeString(release, "");
            for (String s : live) {
                processes.get(s).waitFor(120, TimeUnit.SECONDS);
            }
            List<String> runningAtEnd = waitStopped(emulator, new ArrayList<>(processes.keySet()), Duration.ofSeconds(30));
            List<String> leasesLeft = new ArrayList<>();
            studios(emulator).forEach((s, node) -> {
                if (live.contains(s) && node.path("userMetadata").asText("").contains("\"lstudio\"")) {
                    leasesLeft.add(s);
                }
            });
            processes.values().forEach(Process::destroyForcibly);
            return new Pass(name, processes.size(), orphans.size(), live.size(), byCleanup, bySleep, leaked, touched,
                    runningAtEnd, leasesLeft, secondsToClean, cleanupExit);
        }
    }

    private Process start(String studio, Path home, Path script, Path release, Map<String, String> env, Path work)
            throws IOException {
        List<String> command = new ArrayList<>(settings.lstudio());
        command.addAll(List.of("run", "--no-lock", script.toString(), studio, home.resolve(studio + ".started").toString(),
                release.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true).redirectOutput(work.resolve(studio + ".log").toFile());
        pb.environment().putAll(env);
        pb.environment().put("LSTUDIO_HOME", home.toString());
        pb.environment().put("HOME", home.toString());
        return pb.start();
    }

    private int cleanupShared(Path home, Map<String, String> env, Path work) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(settings.lstudio());
        command.addAll(List.of("cleanup", "--shared", "--grace", "0s"));
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile())
                .redirectErrorStream(true).redirectOutput(work.resolve("cleanup-shared.log").toFile());
        pb.environment().putAll(env);
        pb.environment().put("LSTUDIO_HOME", home.toString());
        pb.environment().put("HOME", home.toString());
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return 124;
        }
        return p.exitValue();
    }

    private static void waitFor(Path file, Process run, Duration timeout, String studio) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.exists(file)) {
            if (!run.isAlive()) {
                throw new IllegalStateException("the run of " + studio + " ended (exit " + run.exitValue()
                        + ") before it started its Studio; see its .log");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the run of " + studio + " did not start its Studio within " + timeout);
            }
            Thread.sleep(100);
        }
    }

    /** Those of {@code names} still active after {@code timeout}. */
    private List<String> waitStopped(Emulator emulator, List<String> names, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Map<String, JsonNode> now = studios(emulator);
            List<String> active = names.stream().filter(n -> now.get(n).path("active").asBoolean()).toList();
            if (active.isEmpty() || System.nanoTime() > deadline) {
                return active;
            }
            Thread.sleep(200);
        }
    }

    /** The emulator's studios by name, each with its API view's userMetadata added. */
    private Map<String, JsonNode> studios(Emulator emulator) throws Exception {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode s : get(emulator.baseUrl() + "_emulator/studios", null).path("studios")) {
            com.fasterxml.jackson.databind.node.ObjectNode node = (com.fasterxml.jackson.databind.node.ObjectNode) s;
            JsonNode api = get(emulator.baseUrl() + "v1/projects/" + s.path("projectId").asText() + "/cloudspaces/"
                    + s.path("id").asText(), emulator);
            node.put("userMetadata", api.path("userMetadata").asText(""));
            out.put(s.path("name").asText(), node);
        }
        return out;
    }

    private JsonNode get(String url, Emulator auth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        if (auth != null) {
            b.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                    (auth.userId() + ":" + auth.apiKey()).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return json.readTree(http.send(b.build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
