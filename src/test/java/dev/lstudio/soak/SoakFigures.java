package dev.lstudio.soak;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What a soak found, and the checks of issue 8 over it: no leak, no double execute, exit codes that match. */
public final class SoakFigures {
    /** Exit statuses a run may end with on its own: success, a script failure, an API failure after retries. */
    static final Set<Integer> OWN_ENDINGS = Set.of(0, 1, 4);

    /** One {@code lstudio cleanup} pass. */
    record Cleanup(int exit, String stderr) {
    }

    final SoakFigures.Settings settings;
    final List<SoakRun.Result> results = new ArrayList<>();
    final List<Cleanup> cleanups = new ArrayList<>();
    List<String> runningAfterRuns = List.of();
    List<String> runningAfterCleanup = List.of();
    List<String> executed = List.of();
    List<String> remaining = List.of();
    JsonNode faultsInjected;
    long requests;

    /** The soak's settings, as the report prints them. */
    record Settings(int runs, int parallel, long seed) {
    }

    SoakFigures(Soak.Settings s) {
        this.settings = new Settings(s.runs(), s.parallel(), s.seed());
    }

    /** Commands that ran more than once, by token. */
    public Map<String, Long> doubleExecutes() {
        return executed.stream().collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()))
                .entrySet().stream().filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    public List<String> leaksAfterCleanup() {
        return runningAfterCleanup;
    }

    /** Studios running after the runs although their run ended by itself or by SIGTERM: teardown's misses. */
    public List<String> teardownMisses() {
        return results.stream().filter(r -> !(r.fate() == SoakRun.Fate.SIGKILL && r.endedBySignal()))
                .map(SoakRun.Result::studio).filter(runningAfterRuns::contains).toList();
    }

    /** Runs whose exit status or message does not match what happened to them, each with why. */
    public List<String> mismatches() {
        List<String> out = new ArrayList<>();
        for (SoakRun.Result r : results) {
            String why = mismatch(r);
            if (why != null) {
                out.add(r.studio() + " (" + r.fate() + ", exit " + r.exit() + "): " + why);
            }
        }
        return out;
    }

    private String mismatch(SoakRun.Result r) {
        if (r.endedBySignal()) {
            return null;
        }
        if (!OWN_ENDINGS.contains(r.exit())) {
            return r.signalled() ? "a " + r.fate() + " should end it with " + (r.fate() == SoakRun.Fate.SIGTERM ? 143 : 137)
                    : "unexpected exit status";
        }
        long ran = executed.stream().filter(r.token()::equals).count();
        if (r.exit() == 0) {
            if (ran != 1) {
                return "succeeded, but its command ran " + ran + " times";
            }
            return remaining.contains(r.studio()) ? "succeeded, but its studio was not deleted" : null;
        }
        return failureLine(r) == null ? "failed without a line naming its studio" : null;
    }

    /** The run's "lstudio: ..." line that names its studio, or null. */
    static String failureLine(SoakRun.Result r) {
        return r.stderr().lines().filter(l -> l.startsWith("lstudio: ") && l.contains(r.studio())).findFirst().orElse(null);
    }

    /** Everything issue 8 counts as a failure of the soak; empty when it passed. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        doubleExecutes().forEach((token, n) -> out.add("executed " + n + " times: " + token));
        runningAfterCleanup.forEach(s -> out.add("still running after cleanup: " + s));
        teardownMisses().forEach(s -> out.add("left running by a run that was not SIGKILLed: " + s));
        out.addAll(mismatches());
        return out;
    }

    public String report() {
        StringBuilder out = new StringBuilder();
        Map<SoakRun.Fate, Long> fates = results.stream().collect(Collectors.groupingBy(SoakRun.Result::fate, TreeMap::new,
                Collectors.counting()));
        Map<Integer, Long> exits = results.stream().collect(Collectors.groupingBy(SoakRun.Result::exit, TreeMap::new,
                Collectors.counting()));
        out.append("soak: ").append(results.size()).append(" runs, ").append(settings.parallel()).append(" at a time, seed ")
                .append(settings.seed()).append('\n');
        out.append("  fates:            ").append(fates).append('\n');
        out.append("  exit statuses:    ").append(exits).append('\n');
        out.append("  API requests:     ").append(requests).append(", faults injected ").append(faultsInjected)
                .append(" (").append(faultsInjected == null ? 0 : sum(faultsInjected)).append(" in all)").append('\n');
        out.append("  commands run:     ").append(executed.size()).append(", run twice: ").append(doubleExecutes().size())
                .append('\n');
        out.append("  running after the runs: ").append(runningAfterRuns.size()).append(" (teardown misses: ")
                .append(teardownMisses().size()).append(")\n");
        out.append("  cleanup passes:   ").append(cleanups.size()).append(", exits ")
                .append(cleanups.stream().map(c -> String.valueOf(c.exit())).toList()).append('\n');
        out.append("  leaks after cleanup: ").append(runningAfterCleanup.size()).append('\n');
        out.append("  exit codes or messages not matching what happened: ").append(mismatches().size()).append('\n');
        Set<String> samples = new LinkedHashSet<>();
        results.stream().filter(r -> r.exit() != 0 && !r.endedBySignal()).map(SoakFigures::failureLine)
                .filter(l -> l != null).limit(5).forEach(samples::add);
        if (!samples.isEmpty()) {
            out.append("  failure lines (first ").append(samples.size()).append("):\n");
            samples.forEach(l -> out.append("    ").append(l).append('\n'));
        }
        List<String> problems = problems();
        out.append(problems.isEmpty() ? "  PASS: no leaks, no double executes, every exit explained\n"
                : "  FAIL:\n    " + String.join("\n    ", problems.subList(0, Math.min(20, problems.size()))) + "\n");
        return out.toString();
    }

    private static long sum(JsonNode counts) {
        long total = 0;
        for (JsonNode n : counts) {
            total += n.asLong();
        }
        return total;
    }
}
