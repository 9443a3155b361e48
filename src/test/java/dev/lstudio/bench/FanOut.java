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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scenario 4: {@code exec 'true'} on 64 running studios (8 with --quick) with {@code parallel},
 * while the emulator adds 100 ms to every API call; compared with one exec in the same script
 * (the target: all of them in under 3x one), and with curl: a sequential loop and xargs -P.
 */
final class FanOut {
    private static final Pattern TIMES = Pattern.compile("one_ms=([0-9.]+) fanout_ms=([0-9.]+)");
    private final Bench bench;

    FanOut(Bench bench) {
        this.bench = bench;
    }

    void run() throws Exception {
        int n = bench.fanOut();
        try (Emulator emulator = bench.emulator(Duration.ZERO)) {
            start(emulator, n);
            new TabCompletion.Admin(emulator).faults("/v1/** latency:100ms");
            Map<String, String> env = bench.env(emulator);
            String script = bench.resource("fanout.groovy").toString();
            String curl = bench.resource("fanout-curl.sh").toString();
            List<Double> one = new ArrayList<>();
            List<Double> all = new ArrayList<>();
            List<Double> process = new ArrayList<>();
            List<Double> sequential = new ArrayList<>();
            List<Double> xargs = new ArrayList<>();
            Map<String, String> parallelEnv = new HashMap<>(env);
            parallelEnv.put("PARALLEL", String.valueOf(n));
            for (int round = 0; round < bench.warmups + bench.iterations; round++) {
                Proc.Result r = Proc.run(bench.lstudio("run", script, String.valueOf(n)), env, bench.work, Duration.ofMinutes(5));
                Matcher m = TIMES.matcher(r.out());
                if (!r.ok() || !m.find()) {
                    throw new IllegalStateException("fanout.groovy failed (exit " + r.exit() + "): " + r.tail());
                }
                double seq = curl(curl, env);
                double par = curl(curl, parallelEnv);
                if (round >= bench.warmups) {
                    one.add(Double.parseDouble(m.group(1)));
                    all.add(Double.parseDouble(m.group(2)));
                    process.add(r.millis());
                    sequential.add(seq);
                    xargs.add(par);
                }
            }
            double base = Stats.median(one);
            double fan = Stats.median(all);
            bench.report.row("4 fan-out", "lstudio: one exec (in the script)", Stats.ms(base), "1.00x", "");
            bench.report.row("4 fan-out", "lstudio: parallel exec on " + n + " studios", Stats.ms(fan), Stats.ratio(fan, base),
                    "vs one exec; maxConcurrent: " + n);
            bench.report.row("4 fan-out", "lstudio run fanout.groovy (whole process)", Stats.ms(Stats.median(process)),
                    Stats.ratio(Stats.median(process), base), "one exec + fan-out + JVM start");
            bench.report.row("4 fan-out", "curl: sequential loop over " + n, Stats.ms(Stats.median(sequential)),
                    Stats.ratio(Stats.median(sequential), base), "whole script");
            bench.report.row("4 fan-out", "curl: xargs -P " + n, Stats.ms(Stats.median(xargs)),
                    Stats.ratio(Stats.median(xargs), base), "whole script");
            bench.report.target("4 fan-out", "fan-out < 3x one exec", bench.judge(fan < 3 * base),
                    "fan-out/one = " + Stats.ratio(fan, base));
        }
    }

    private double curl(String script, Map<String, String> env) {
        Proc.Result r = Proc.run(List.of("bash", script), env, bench.work, Duration.ofMinutes(5));
        if (!r.ok()) {
            throw new IllegalStateException("fanout-curl.sh failed (exit " + r.exit() + "): " + r.tail());
        }
        return r.millis();
    }

    /** The fleet: n studios named fan-NN, all running (zero start delay), made before latency is added. */
    private void start(Emulator emulator, int n) {
        LightningApi api = LightningApi.create(ApiConfig.of(emulator.baseUrl(), Credentials.of(Bench.USER, Bench.KEY)));
        try (LightningClient client = LightningClient.create(api, ClientOptions.defaults())) {
            Teamspace team = client.teamspaceOrDefault("demo");
            for (int i = 0; i < n; i++) {
                String id = api.createCloudspace(team.projectId(),
                        CreateCloudSpaceRequest.named(String.format(Locale.ROOT, "fan-%02d", i))).id();
                api.start(team.projectId(), id, ComputeConfig.of("cpu-4"));
            }
        }
    }
}
