package dev.lstudio.bench;

import dev.lstudio.emulator.Emulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The start-up work measured before and after: {@code lstudio run card.groovy} (compiled-script
 * cache hit) through the launcher with each piece turned off in turn, through the launcher's own
 * knobs (LSTUDIO_CDS, LSTUDIO_JVM_FLAGS, LSTUDIO_JAVA). Archives are recorded before timing.
 */
final class StartupVariants {
    private static final String FLAGS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData";
    private static final Path JDK17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64/bin/java");

    private final Bench bench;

    StartupVariants(Bench bench) {
        this.bench = bench;
    }

    void run() throws Exception {
        try (Emulator emulator = bench.emulator(Duration.ZERO)) {
            Map<String, Map<String, String>> variants = new LinkedHashMap<>();
            variants.put("as shipped: archive + flags", Map.of());
            variants.put("no archive, flags", Map.of("LSTUDIO_CDS", "off"));
            variants.put("archive, no flags (JVM defaults)", Map.of("LSTUDIO_JVM_FLAGS", ""));
            variants.put("no archive, no flags (before)", Map.of("LSTUDIO_CDS", "off", "LSTUDIO_JVM_FLAGS", ""));
            variants.put("archive + C1 only", Map.of("LSTUDIO_JVM_FLAGS", "-XX:TieredStopAtLevel=1"));
            variants.put("archive + SerialGC only", Map.of("LSTUDIO_JVM_FLAGS", "-XX:+UseSerialGC"));
            if (!bench.quick && Files.isExecutable(JDK17)) {
                variants.put("JDK 17: AppCDS + flags", Map.of("LSTUDIO_JAVA", JDK17.toString()));
                variants.put("JDK 17: no archive, no flags", Map.of("LSTUDIO_JAVA", JDK17.toString(), "LSTUDIO_CDS", "off",
                        "LSTUDIO_JVM_FLAGS", ""));
            }
            String card = bench.resource("card.groovy").toString();
            Map<String, Callable<Double>> subjects = new LinkedHashMap<>();
            for (Map.Entry<String, Map<String, String>> v : variants.entrySet()) {
                Map<String, String> env = new HashMap<>(bench.env(emulator));
                env.putAll(v.getValue());
                Proc.run(bench.lstudio("run", card), env, bench.work, Duration.ofMinutes(3)); // records its archive
                subjects.put(v.getKey(), () -> {
                    Proc.Result r = Proc.run(bench.lstudio("run", card), env, bench.work, Duration.ofMinutes(2));
                    if (!r.ok()) {
                        throw new IllegalStateException(v.getKey() + ": " + r.tail());
                    }
                    return r.millis();
                });
            }
            Map<String, List<Double>> samples = bench.interleaved(subjects);
            double base = Stats.median(samples.get("as shipped: archive + flags"));
            samples.forEach((name, s) -> bench.report.row("start-up", name, Stats.ms(Stats.median(s)),
                    Stats.ratio(Stats.median(s), base), "vs as shipped"));
            bench.report.note("flags = " + FLAGS);
        }
    }
}
