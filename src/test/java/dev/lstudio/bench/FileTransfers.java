package dev.lstudio.bench;

import dev.lstudio.api.ApiConfig;
import dev.lstudio.api.CreateCloudSpaceRequest;
import dev.lstudio.api.Credentials;
import dev.lstudio.api.LightningApi;
import dev.lstudio.client.ClientOptions;
import dev.lstudio.client.LightningClient;
import dev.lstudio.client.Teamspace;
import dev.lstudio.emulator.Emulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * Scenario 8: files in and out of a Studio. One big file (1 GiB; 64 MiB with --quick) and a folder
 * of many small ones (2,000 of 1-16 KiB; 200), up with {@code lstudio cp} and down again, next to
 * curl making the same artifacts API calls (bench resource files.sh: 8 files at a time, as
 * lstudio). Every download is checked byte for byte against what went up, or the scenario fails.
 * {@code --no-skip}: each round moves every byte again instead of finding them there already.
 */
final class FileTransfers {
    private final Bench bench;

    FileTransfers(Bench bench) {
        this.bench = bench;
    }

    long bigBytes() {
        return (bench.quick ? 64L : 1024L) * 1024 * 1024;
    }

    private String size() {
        return bench.quick ? "64 MiB" : "1 GiB";
    }

    int smallFiles() {
        return bench.quick ? 200 : 2000;
    }

    void run() throws Exception {
        Path data = bench.work.resolve("files");
        Path big = data.resolve("big.bin");
        Path small = data.resolve("small");
        long smallBytes = seed(big, small);
        try (Emulator emulator = bench.emulator(Duration.ZERO)) {
            Map<String, String> env = bench.env(emulator);
            Ids ids = create(emulator);
            env.put("PROJECT_ID", ids.project());
            env.put("STUDIO_ID", ids.studio());
            String curl = bench.resource("files.sh").toString();
            Path down = data.resolve("down");
            measure("one " + size() + " file up", bigBytes(), Map.of(
                    "lstudio cp", () -> timed(bench.lstudio("cp", "--no-skip", big.toString(), "bench:big.bin"), env),
                    "curl", () -> timed(List.of("bash", curl, "up", big.toString(), "curl/big.bin"), env)));
            measure("one " + size() + " file down", bigBytes(), Map.of(
                    "lstudio cp", () -> fetched(bench.lstudio("cp", "--no-skip", "bench:big.bin", down.resolve("l.bin").toString()),
                            env, big, down.resolve("l.bin")),
                    "curl", () -> fetched(List.of("bash", curl, "down", "curl/big.bin", down.resolve("c.bin").toString()),
                            env, big, down.resolve("c.bin"))));
            String many = smallFiles() + " small files";
            measure(many + " up", smallBytes, Map.of(
                    "lstudio cp", () -> timed(bench.lstudio("cp", "-r", "--no-skip", small.toString(), "bench:small"), env),
                    "curl", () -> timed(List.of("bash", curl, "up-tree", small.toString(), "curl/small"), env)));
            measure(many + " down", smallBytes, Map.of(
                    "lstudio cp", () -> fetchedTree(bench.lstudio("cp", "-r", "--no-skip", "bench:small",
                            down.resolve("l-small").toString()), env, small, down.resolve("l-small")),
                    "curl", () -> fetchedTree(List.of("bash", curl, "down-tree", "curl/small",
                            down.resolve("c-small").toString()), env, small, down.resolve("c-small"))));
        } finally {
            delete(data);
        }
    }

    private void measure(String scenario, long bytes, Map<String, Callable<Double>> subjects) throws Exception {
        Map<String, Callable<Double>> ordered = new LinkedHashMap<>();
        ordered.put("lstudio cp", subjects.get("lstudio cp"));
        ordered.put("curl", subjects.get("curl"));
        Map<String, List<Double>> samples = bench.interleaved(ordered);
        double base = Stats.median(samples.get("curl"));
        for (Map.Entry<String, List<Double>> e : samples.entrySet()) {
            double m = Stats.median(e.getValue());
            String rate = String.format(Locale.ROOT, "%.1f MB/s", bytes / 1e6 / (m / 1000));
            bench.report.row("8 files", e.getKey() + ": " + scenario, Stats.ms(m) + " " + rate, Stats.ratio(m, base),
                    "time vs curl");
        }
    }

    private double timed(List<String> command, Map<String, String> env) {
        Proc.Result r = Proc.run(command, env, bench.work, Duration.ofMinutes(20));
        if (!r.ok()) {
            throw new IllegalStateException(String.join(" ", command) + " failed (exit " + r.exit() + "): " + r.tail());
        }
        return r.millis();
    }

    private double fetched(List<String> command, Map<String, String> env, Path source, Path target) throws IOException {
        Files.deleteIfExists(target);
        double millis = timed(command, env);
        if (!sha256(source).equals(sha256(target))) {
            throw new IllegalStateException(target + " is not the file that went up");
        }
        return millis;
    }

    private double fetchedTree(List<String> command, Map<String, String> env, Path source, Path target) throws IOException {
        delete(target);
        double millis = timed(command, env);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path got = target.resolve(source.relativize(f).toString());
                if (!Files.isRegularFile(got) || Files.mismatch(f, got) != -1) {
                    throw new IllegalStateException(got + " is missing or differs from " + f);
                }
            }
        }
        return millis;
    }

    /** The files to move, from a fixed seed; returns the small files' bytes. */
    private long seed(Path big, Path small) throws IOException {
        Random random = new Random(8);
        Files.createDirectories(small);
        byte[] block = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(big)) {
            for (long left = bigBytes(); left > 0; left -= block.length) {
                random.nextBytes(block);
                out.write(block, 0, (int) Math.min(block.length, left));
            }
        }
        long total = 0;
        for (int i = 0; i < smallFiles(); i++) {
            byte[] b = new byte[1024 + random.nextInt(15 * 1024)];
            random.nextBytes(b);
            Path f = small.resolve(String.format(Locale.ROOT, "d%02d/f%04d.bin", i % 20, i));
            Files.createDirectories(f.getParent());
            Files.write(f, b);
            total += b.length;
        }
        return total;
    }

    private record Ids(String project, String studio) {
    }

    private static Ids create(Emulator emulator) {
        LightningApi api = LightningApi.create(ApiConfig.of(emulator.baseUrl(), Credentials.of(Bench.USER, Bench.KEY)));
        try (LightningClient client = LightningClient.create(api, ClientOptions.defaults())) {
            Teamspace team = client.teamspaceOrDefault("demo");
            return new Ids(team.projectId(), api.createCloudspace(team.projectId(), CreateCloudSpaceRequest.named("bench")).id());
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                digest.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
