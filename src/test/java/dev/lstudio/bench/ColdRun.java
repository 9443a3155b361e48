package dev.lstudio.bench;

import dev.lstudio.emulator.Emulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Scenario 1: the card workflow from a cold process, as {@code lstudio run card.groovy}, as a
 * Python {@code requests} script and as a bash script of curl calls, against one emulator with
 * zero transition delays. Each run must print the H100 table, or the scenario fails.
 */
final class ColdRun {
    private final Bench bench;

    ColdRun(Bench bench) {
        this.bench = bench;
    }

    void run() throws Exception {
        try (Emulator emulator = bench.emulator(Duration.ZERO)) {
            Map<String, String> env = bench.env(emulator);
            Path card = bench.resource("card.groovy");
            Map<String, Callable<Double>> subjects = new LinkedHashMap<>();
            subjects.put("lstudio run card.groovy", () -> timed(bench.lstudio("run", card.toString()), env));
            String python = bench.python();
            if (python != null) {
                subjects.put("python3 card.py (requests)", () -> timed(List.of(python, bench.resource("card.py").toString()), env));
            }
            subjects.put("bash card.sh (curl + jq)", () -> timed(List.of("bash", bench.resource("card.sh").toString()), env));
            Map<String, List<Double>> samples = bench.interleaved(subjects);
            double base = Stats.median(samples.get("lstudio run card.groovy"));
            double py = python == null ? Double.NaN : Stats.median(samples.get("python3 card.py (requests)"));
            for (Map.Entry<String, List<Double>> e : samples.entrySet()) {
                double m = Stats.median(e.getValue());
                bench.report.row("1 cold run", e.getKey(), Stats.ms(m), Stats.ratio(m, base), "vs lstudio");
            }
            if (python == null) {
                bench.report.note("python3 with requests not found: the Python row is missing");
            }
            bench.report.note("compiled-script cache: " + cacheState(card, env));
            bench.report.target("1 cold run", "lstudio <= Python (ratio <= 1.0)", python == null ? null : bench.judge(base <= py),
                    "lstudio/python = " + Stats.ratio(base, py));
        }
    }

    private double timed(List<String> command, Map<String, String> env) {
        Proc.Result r = Proc.run(command, env, bench.work, Duration.ofMinutes(2));
        if (!r.ok() || !r.out().contains("NVIDIA-SMI")) {
            throw new IllegalStateException(String.join(" ", command) + " failed (exit " + r.exit() + "): " + r.tail());
        }
        return r.millis();
    }

    /** What --debug says about the compiled-script cache on a run after the warm-up. */
    private String cacheState(Path card, Map<String, String> env) {
        Proc.Result r = Proc.run(bench.lstudio("--debug", "run", card.toString()), env, bench.work, Duration.ofMinutes(2));
        String all = r.err() + r.out();
        if (all.contains("compiled-script cache hit")) {
            return "hit on every run after the first (per --debug)";
        }
        return all.contains("compiled and cached") ? "MISSED on a repeated run (per --debug)" : "state not reported";
    }
}
