package dev.lstudio.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lstudio.api.ApiConfig;
import dev.lstudio.api.Credentials;
import dev.lstudio.api.LightningApi;
import dev.lstudio.client.ClientOptions;
import dev.lstudio.client.LightningClient;
import dev.lstudio.client.Studio;
import dev.lstudio.client.Teamspace;
import dev.lstudio.emulator.Emulator;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;

/**
 * Scenario 5: a studio that takes 60 s to start (6 s with --quick). lstudio's client waits for it
 * ({@code Studio.start}); the Lightning SDK's way (a poll every second, as its Python code does)
 * waits for another studio at the same time, as a Python script. Counted: API calls for each
 * studio (the emulator's request counts) and how late each noticed it running.
 */
final class Waiting {
    private final Bench bench;

    Waiting(Bench bench) {
        this.bench = bench;
    }

    void run() throws Exception {
        Duration delay = Duration.ofSeconds(bench.startSeconds());
        try (Emulator emulator = bench.emulator(delay)) {
            LightningApi api = LightningApi.create(ApiConfig.of(emulator.baseUrl(), Credentials.of(Bench.USER, Bench.KEY)));
            TabCompletion.Admin admin = new TabCompletion.Admin(emulator);
            try (LightningClient client = LightningClient.create(api, ClientOptions.defaults())) {
                Teamspace team = client.teamspaceOrDefault("demo");
                Studio studio = client.createStudio(team, "slow-start");
                Studio sdk = client.createStudio(team, "slow-start-sdk");
                String python = bench.python();
                Process sdkWait = null;
                if (python != null) {
                    ProcessBuilder pb = new ProcessBuilder(python, bench.resource("wait_sdk.py").toString(), team.projectId(),
                            sdk.id()).redirectErrorStream(true);
                    pb.environment().putAll(bench.env(emulator));
                    sdkWait = pb.start();
                }
                long t0 = System.nanoTime();
                studio.start("cpu-4");
                double lstudioMs = (System.nanoTime() - t0) / 1e6;
                JsonNode counts = new ObjectMapper().readTree(admin.get("requests"));
                double late = lstudioMs - delay.toMillis();
                long calls = calls(counts, studio.id());
                bench.report.row("5 waiting", "lstudio Studio.start (client wait)", calls + " calls", "",
                        "noticed RUNNING " + Stats.ms(late) + " late");
                if (sdkWait != null) {
                    String out = new String(sdkWait.getInputStream().readAllBytes()).strip();
                    sdkWait.waitFor();
                    counts = new ObjectMapper().readTree(admin.get("requests"));
                    double sdkLate = parse(out) - delay.toMillis();
                    bench.report.row("5 waiting", "SDK-style wait: poll every 1 s (Python)", calls(counts, sdk.id()) + " calls",
                            "", "noticed RUNNING " + Stats.ms(sdkLate) + " late");
                }
                bench.report.target("5 waiting", "<= 15 calls and <= 2 s late", bench.judge(calls <= 15 && late <= 2000),
                        calls + " calls, " + Stats.ms(late) + " late");
            }
        }
    }

    /** API calls that named this studio: the start and every status poll. */
    private static long calls(JsonNode counts, String id) {
        long n = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = counts.path("requests").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().contains("/" + id)) {
                n += e.getValue().asLong();
            }
        }
        return n;
    }

    private static double parse(String out) {
        for (String line : out.lines().toList()) {
            if (line.startsWith("waited_ms=")) {
                return Double.parseDouble(line.substring("waited_ms=".length()));
            }
        }
        throw new IllegalStateException("wait_sdk.py said: " + out);
    }

}
