package dev.lstudio.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Scenario 2: time from spawning a REPL in a pseudo-terminal to its first prompt: lstudio's,
 * groovysh's (Groovy 5's groovysh and its dependencies, as jars in --groovysh-lib; scripts/bench
 * fetches them with Maven where the registry serves them) and jshell's (from the JDK lstudio runs
 * on). Driven by pty_probe.py.
 */
final class ReplStart {
    static final String LSTUDIO_PROMPT = "lstudio[^\\n]*> ";
    static final String GROOVYSH_PROMPT = "groovy(sh)?:[^\\n]*> |groovy> ";
    static final String JSHELL_PROMPT = "jshell> ";

    private final Bench bench;

    ReplStart(Bench bench) {
        this.bench = bench;
    }

    void run() throws Exception {
        Map<String, Callable<Double>> subjects = new LinkedHashMap<>();
        for (Repl repl : repls(bench)) {
            subjects.put(repl.name, () -> probe(bench, repl, 0).path("prompt_ms").asDouble());
        }
        Map<String, List<Double>> samples = bench.interleaved(subjects);
        double base = Stats.median(samples.values().iterator().next());
        double groovysh = Double.NaN;
        for (Map.Entry<String, List<Double>> e : samples.entrySet()) {
            double m = Stats.median(e.getValue());
            groovysh = e.getKey().startsWith("groovysh") ? m : groovysh;
            bench.report.row("2 REPL start", e.getKey(), Stats.ms(m), Stats.ratio(m, base), "vs lstudio");
        }
        if (Double.isNaN(groovysh)) {
            bench.report.note("groovysh: not measured: no Groovy 5 groovysh jars (--groovysh-lib DIR; scripts/bench fetches "
                    + "org.apache.groovy:groovy-groovysh:5.0.8 with Maven where the registry serves it)");
        }
        bench.report.target("2 REPL start", "lstudio < 0.5 x groovysh", Double.isNaN(groovysh) ? null
                : bench.judge(base < groovysh / 2), Double.isNaN(groovysh) ? "groovysh not available on this machine"
                : "lstudio/groovysh = " + Stats.ratio(base, groovysh));
    }

    /** A REPL to drive: its command, prompt and what quits it. */
    record Repl(String name, List<String> command, String prompt, String quit) {
    }

    /** lstudio's REPL first, then the alternatives that this machine has. */
    static List<Repl> repls(Bench bench) {
        List<Repl> repls = new ArrayList<>();
        repls.add(new Repl("lstudio repl", lstudioRepl(bench), LSTUDIO_PROMPT, "\u0004"));
        if (bench.groovyshLib != null && Files.isDirectory(bench.groovyshLib)) {
            repls.add(new Repl("groovysh (Groovy 5, " + bench.groovyshLib.getFileName() + ")",
                    List.of(bench.java, "-cp", bench.groovyshLib + "/*", "org.apache.groovy.groovysh.Main"),
                    GROOVYSH_PROMPT, ":exit\r"));
        }
        Path jshell = Path.of(bench.java).resolveSibling("jshell");
        if (Files.isExecutable(jshell)) {
            repls.add(new Repl("jshell (" + jshell.getParent().getParent().getFileName() + ")", List.of(jshell.toString()),
                    JSHELL_PROMPT, "/exit\r"));
        }
        return repls;
    }

    /** {@code lstudio repl} through the launcher, or on the test classpath when the bench runs as a smoke test. */
    static List<String> lstudioRepl(Bench bench) {
        if (bench.javaClasspath != null) {
            return List.of(bench.java, "-cp", bench.javaClasspath, "dev.lstudio.cli.Main", "repl");
        }
        return bench.lstudio("repl");
    }

    /** Runs pty_probe.py on {@code repl}; {@code evals} lines are evaluated after the prompt. */
    static JsonNode probe(Bench bench, Repl repl, int evals) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("python3", bench.resource("pty_probe.py").toString(),
                "--prompt", repl.prompt(), "--quit", repl.quit(), "--evals", String.valueOf(evals), "--timeout", "120", "--"));
        cmd.addAll(repl.command());
        Map<String, String> env = Map.of("LSTUDIO_HOME", bench.work.resolve("home").toString(),
                "HOME", bench.work.resolve("home").toString());
        Proc.Result r = Proc.run(cmd, env, bench.work, Duration.ofMinutes(10));
        JsonNode json = new ObjectMapper().readTree(r.out().isBlank() ? "{}" : r.out());
        if (!r.ok() || json.has("error")) {
            throw new IllegalStateException(repl.name() + ": " + (json.has("error") ? json.get("error").asText() : r.tail()));
        }
        return json;
    }
}
