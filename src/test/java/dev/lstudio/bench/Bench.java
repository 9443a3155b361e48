package dev.lstudio.bench;

import dev.lstudio.emulator.Emulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/**
 * {@code scripts/bench}: the six scenarios of issue 7 against local emulators (127.0.0.1 only),
 * each run several times after a warm-up, printed as medians and ratios against the alternatives
 * a user would pick instead. {@code --quick} runs each once at small sizes, judges no target, and
 * is what the smoke spec runs so that the benchmark cannot rot.
 *
 * <pre>
 * Bench --root DIR [--quick] [--iterations N] [--only 1,3] [--lstudio "CMD ..." | --java-cp CLASSPATH]
 *       [--java PATH] [--groovysh-lib DIR] [--no-variants] [--work DIR]
 * </pre>
 */
public final class Bench {
    static final String USER = "bench-user";
    static final String KEY = "bench-key-0123456789";

    final Path root;
    final Path work;
    final boolean quick;
    final int iterations;
    final int warmups;
    final List<String> lstudio;
    final String java;
    /** With --java-cp: lstudio and the stand-in REPL run as plain java on this classpath (the smoke spec). */
    final String javaClasspath;
    final Path groovyshLib;
    final boolean variants;
    final Set<Integer> only;
    final Report report;
    final PrintStream out;

    private Bench(Map<String, String> opts, PrintStream out) {
        this.out = out;
        this.root = Path.of(opts.getOrDefault("root", ".")).toAbsolutePath().normalize();
        this.quick = opts.containsKey("quick");
        this.work = Path.of(opts.getOrDefault("work", root.resolve("target/bench").toString())).toAbsolutePath();
        this.iterations = Integer.parseInt(opts.getOrDefault("iterations", quick ? "1" : "5"));
        this.warmups = Integer.parseInt(opts.getOrDefault("warmup", "1"));
        this.java = opts.getOrDefault("java", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        this.javaClasspath = opts.get("java-cp");
        this.lstudio = javaClasspath != null ? List.of(java, "-cp", javaClasspath, "dev.lstudio.cli.Main")
                : List.of(opts.getOrDefault("lstudio", root.resolve("scripts/lstudio").toString()).split(" "));
        this.groovyshLib = opts.containsKey("groovysh-lib") ? Path.of(opts.get("groovysh-lib")) : null;
        this.variants = !opts.containsKey("no-variants");
        this.only = new TreeSet<>();
        if (opts.containsKey("only")) {
            Arrays.stream(opts.get("only").split(",")).map(String::trim).map(Integer::parseInt).forEach(only::add);
        }
        this.report = new Report(out);
    }

    public static void main(String[] args) throws Exception {
        int failures = run(args, System.out);
        System.exit(failures == 0 ? 0 : 1);
    }

    /** Runs the benchmark; returns how many scenarios could not run at all. */
    public static int run(String[] args, PrintStream out) throws Exception {
        Bench bench = new Bench(parse(args), out);
        return bench.runAll();
    }

    private int runAll() throws Exception {
        Files.createDirectories(work);
        List<String> header = header();
        header.forEach(out::println);
        int failures = 0;
        failures += scenario(1, "1. Cold headless run of the card workflow (create if missing, start, exec nvidia-smi, stop)",
                () -> new ColdRun(this).run());
        failures += scenario(2, "2. REPL start to first prompt (in a pseudo-terminal)", () -> new ReplStart(this).run());
        failures += scenario(3, "3. TAB completion of studio names (repl core + client CompletionCache)",
                () -> new TabCompletion(this).run());
        failures += scenario(4, "4. Fan-out: exec on " + fanOut() + " running studios, 100 ms injected latency per API call",
                () -> new FanOut(this).run());
        failures += scenario(5, "5. Waiting for a studio that takes " + startSeconds() + " s to start",
                () -> new Waiting(this).run());
        failures += scenario(6, "6. Peak memory (RSS)", () -> new Memory(this).run());
        failures += scenario(7, "7. lstudio studios --json from a cold process, next to curl | jq and Python requests ("
                + StudiosList.STUDIOS + " studios)", () -> new StudiosList(this).run());
        failures += scenario(8, "8. Files: one big file and a folder of small ones, up and down with lstudio cp, next to curl",
                () -> new FileTransfers(this).run());
        if (variants && only.isEmpty()) {
            failures += scenario(0, "Start-up work, before and after (lstudio run card.groovy, cache hit)",
                    () -> new StartupVariants(this).run());
        }
        header.add("");
        header.add("Load average at the end: " + loadAverage());
        report.writeMarkdown(work.resolve("results.md"), header);
        out.println();
        out.println("Written: " + work.resolve("results.md") + (failures == 0 ? "" : "; " + failures + " scenario(s) failed"));
        return failures;
    }

    private int scenario(int number, String title, Body body) {
        if (!only.isEmpty() && !only.contains(number)) {
            return 0;
        }
        report.heading(title + "  [load average " + loadAverage() + "]");
        try {
            body.run();
            return 0;
        } catch (Exception | AssertionError e) {
            report.note("FAILED: " + e);
            e.printStackTrace(out);
            return 1;
        }
    }

    /** A scenario's work. */
    private interface Body {
        void run() throws Exception;
    }

    int fanOut() {
        return quick ? 8 : 64;
    }

    int startSeconds() {
        return quick ? 6 : 60;
    }

    int studioCount() {
        return quick ? 200 : 2000;
    }

    /** A fresh emulator on a free loopback port with the bench's credentials. */
    Emulator emulator(Duration startDelay, String... faults) {
        return Emulator.builder().userId(USER).apiKey(KEY).teamspace("demo").startDelay(startDelay)
                .stopDelay(Duration.ZERO).switchDelay(Duration.ZERO).forkDelay(Duration.ZERO).faults(faults)
                .build().start();
    }

    /** What a client needs to reach {@code emulator}; also keeps lstudio's caches inside the work folder. */
    Map<String, String> env(Emulator emulator) {
        Map<String, String> env = new HashMap<>();
        env.put("LIGHTNING_CLOUD_URL", emulator.baseUrl());
        env.put("LIGHTNING_USER_ID", USER);
        env.put("LIGHTNING_API_KEY", KEY);
        env.put("LIGHTNING_TEAMSPACE", "demo");
        env.put("LSTUDIO_HOME", work.resolve("home").toString());
        return env;
    }

    List<String> lstudio(String... args) {
        List<String> cmd = new ArrayList<>(lstudio);
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** A file of this benchmark (the alternatives' scripts), copied out of the classpath into the work folder. */
    Path resource(String name) {
        Path target = work.resolve("scripts").resolve(name);
        try (InputStream in = Bench.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing benchmark resource " + name);
            }
            Files.createDirectories(target.getParent());
            Files.write(target, in.readAllBytes());
            target.toFile().setExecutable(true);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The real python3 (not a pyenv shim, whose bash wrapper would add ~50 ms to Python's side). */
    String python() {
        Proc.Result r = Proc.run(List.of("python3", "-c", "import sys, requests; print(sys.executable)"), Map.of(),
                work, Duration.ofSeconds(30));
        return r.ok() ? r.out().strip() : null;
    }

    /** Runs each subject once per round, rounds interleaved so that load spikes hit every subject alike. */
    Map<String, List<Double>> interleaved(Map<String, Callable<Double>> subjects) throws Exception {
        Map<String, List<Double>> samples = new LinkedHashMap<>();
        subjects.keySet().forEach(k -> samples.put(k, new ArrayList<>()));
        for (int round = 0; round < warmups + iterations; round++) {
            for (Map.Entry<String, Callable<Double>> s : subjects.entrySet()) {
                double value = s.getValue().call();
                if (round >= warmups) {
                    samples.get(s.getKey()).add(value);
                }
            }
        }
        return samples;
    }

    Boolean judge(boolean met) {
        return quick ? null : met;
    }

    private List<String> header() {
        List<String> h = new ArrayList<>();
        h.add("lstudio benchmark, " + ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")));
        h.add("Machine: " + Runtime.getRuntime().availableProcessors() + " CPUs, " + memory() + ", load average "
                + loadAverage() + "; harness JDK " + System.getProperty("java.version") + "; lstudio: "
                + (javaClasspath != null ? java + " -cp <test classpath> dev.lstudio.cli.Main" : String.join(" ", lstudio)) + (quick ? " (--quick: one iteration, small sizes, no targets judged)"
                : " (" + warmups + " warm-up + " + iterations + " measured runs each, interleaved)"));
        return h;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0];
        } catch (IOException e) {
            return String.valueOf(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static String memory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"), StandardCharsets.UTF_8)) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024 / 1024 + " GiB RAM";
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return "RAM unknown";
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + a + "'; see scripts/bench --help");
            }
            String name = a.substring(2);
            if (Set.of("quick", "no-variants").contains(name)) {
                opts.put(name, "true");
            } else if (i + 1 < args.length) {
                opts.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException(a + " needs a value; see scripts/bench --help");
            }
        }
        return opts;
    }
}
