package dev.lstudio.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lstudio.emulator.Emulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scenario 6: peak RSS of the card workflow run headless (GNU time's maximum resident set), next to
 * Python's and curl's, and of the REPL after 1,000 evaluations (50 with --quick; VmHWM of the
 * process tree, read in the pseudo-terminal before quitting), next to jshell after fewer.
 */
final class Memory {
    private final Bench bench;

    Memory(Bench bench) {
        this.bench = bench;
    }

    void run() throws Exception {
        if (!Proc.canMeasureRss()) {
            bench.report.note("/usr/bin/time is missing: headless RSS not measured");
        } else {
            headless();
        }
        int evals = bench.quick ? 50 : 1000;
        List<ReplStart.Repl> repls = ReplStart.repls(bench);
        JsonNode after = ReplStart.probe(bench, repls.get(0), evals);
        bench.report.row("6 memory", "lstudio REPL after " + evals + " evaluations", Stats.mib(after.path("hwm_kib").asDouble()),
                "", "median " + Stats.ms(after.path("eval_ms").asDouble()) + " per evaluation");
        for (ReplStart.Repl other : repls.subList(1, repls.size())) {
            int fewer = bench.quick ? 10 : 100;
            JsonNode o = ReplStart.probe(bench, other, fewer);
            bench.report.row("6 memory", other.name() + " after " + fewer + " evaluations", Stats.mib(o.path("hwm_kib").asDouble()),
                    "", "median " + Stats.ms(o.path("eval_ms").asDouble()) + " per evaluation");
        }
    }

    private void headless() throws Exception {
        try (Emulator emulator = bench.emulator(Duration.ZERO)) {
            Map<String, String> env = bench.env(emulator);
            Map<String, List<String>> subjects = new LinkedHashMap<>();
            subjects.put("lstudio run card.groovy", bench.lstudio("run", bench.resource("card.groovy").toString()));
            String python = bench.python();
            if (python != null) {
                subjects.put("python3 card.py (requests)", List.of(python, bench.resource("card.py").toString()));
            }
            subjects.put("bash card.sh (curl + jq)", List.of("bash", bench.resource("card.sh").toString()));
            double base = Double.NaN;
            for (Map.Entry<String, List<String>> s : subjects.entrySet()) {
                List<Double> kib = new ArrayList<>();
                for (int i = 0; i < bench.warmups + bench.iterations; i++) {
                    Proc.Result r = Proc.run(s.getValue(), env, bench.work, Duration.ofMinutes(2), true);
                    if (!r.ok()) {
                        throw new IllegalStateException(s.getKey() + " failed: " + r.tail());
                    }
                    if (i >= bench.warmups) {
                        kib.add(r.maxRssKib());
                    }
                }
                double m = Stats.median(kib);
                base = Double.isNaN(base) ? m : base;
                bench.report.row("6 memory", "headless: " + s.getKey(), Stats.mib(m), Stats.ratio(m, base), "peak RSS");
            }
        }
    }
}
