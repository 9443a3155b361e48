package dev.lstudio.bench;

import dev.lstudio.api.ApiConfig;
import dev.lstudio.api.ComputeConfig;
import dev.lstudio.api.CreateCloudSpaceRequest;
import dev.lstudio.api.Credentials;
import dev.lstudio.api.LightningApi;
import dev.lstudio.client.ClientOptions;
import dev.lstudio.client.LightningClient;
import dev.lstudio.client.Teamspace;
import dev.lstudio.emulator.Emulator;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Scenario 7: {@code lstudio studios --json}, the command people run most, from a cold process,
 * next to the same list as {@code curl | jq} and as a Python {@code requests} script, on one
 * emulator holding 30 studios (a third running). Each must print every studio, or it fails.
 */
final class StudiosList {
    static final int STUDIOS = 30;
    private final Bench bench;

    StudiosList(Bench bench) {
        this.bench = bench;
    }

    void run() throws Exception {
        try (Emulator emulator = bench.emulator(Duration.ZERO)) {
            seed(emulator);
            Map<String, String> env = bench.env(emulator);
            Map<String, Callable<Double>> subjects = new LinkedHashMap<>();
            subjects.put("lstudio studios --json", () -> timed(bench.lstudio("studios", "--json"), env));
            String python = bench.python();
            if (python != null) {
                subjects.put("python3 studios.py (requests)", () -> timed(List.of(python,
                        bench.resource("studios.py").toString()), env));
            }
            subjects.put("bash studios.sh (curl | jq)", () -> timed(List.of("bash", bench.resource("studios.sh").toString()), env));
            Map<String, List<Double>> samples = bench.interleaved(subjects);
            double base = Stats.median(samples.get("lstudio studios --json"));
            double py = python == null ? Double.NaN : Stats.median(samples.get("python3 studios.py (requests)"));
            for (Map.Entry<String, List<Double>> e : samples.entrySet()) {
                double m = Stats.median(e.getValue());
                bench.report.row("7 studios --json", e.getKey(), Stats.ms(m), Stats.ratio(m, base), "vs lstudio");
            }
            if (python == null) {
                bench.report.note("python3 with requests not found: the Python row is missing");
            }
            bench.report.target("7 studios --json", "lstudio <= Python (ratio <= 1.0)",
                    python == null ? null : bench.judge(base <= py), "lstudio/python = " + Stats.ratio(base, py));
        }
    }

    private double timed(List<String> command, Map<String, String> env) {
        Proc.Result r = Proc.run(command, env, bench.work, Duration.ofMinutes(2));
        if (!r.ok() || !r.out().contains("\"studio-" + (STUDIOS - 1) + "\"")) {
            throw new IllegalStateException(String.join(" ", command) + " failed (exit " + r.exit() + "): " + r.tail());
        }
        return r.millis();
    }

    private static void seed(Emulator emulator) {
        LightningApi api = LightningApi.create(ApiConfig.of(emulator.baseUrl(), Credentials.of(Bench.USER, Bench.KEY)));
        try (LightningClient client = LightningClient.create(api, ClientOptions.defaults())) {
            Teamspace team = client.teamspaceOrDefault("demo");
            for (int i = 0; i < STUDIOS; i++) {
                String id = api.createCloudspace(team.projectId(),
                        CreateCloudSpaceRequest.named(String.format(Locale.ROOT, "studio-%d", i))).id();
                if (i % 3 == 0) {
                    api.start(team.projectId(), id, ComputeConfig.of("cpu-4"));
                }
            }
        }
    }
}
