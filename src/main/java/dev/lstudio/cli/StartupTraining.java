package dev.lstudio.cli;

import dev.lstudio.api.ApiConfig;
import dev.lstudio.api.Credentials;
import dev.lstudio.api.LightningApi;
import dev.lstudio.client.ClientOptions;
import dev.lstudio.client.LightningClient;
import dev.lstudio.client.Studio;
import dev.lstudio.client.Teamspace;
import dev.lstudio.emulator.Emulator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Walks lstudio's common paths once, in one JVM, offline and silently, so that the launcher
 * ({@code scripts/lib/jvm-opts.sh}) can record a class-data archive (AppCDS on 17, the AOT cache
 * on 24+) from it: the command line and its help, a script compiled and then served from the
 * compiled-script cache, the card workflow against an in-process emulator, the one-word
 * commands, and the REPL over a dumb terminal. A step that fails is skipped: this only loads classes, it tests nothing.
 */
public final class StartupTraining {
    private static final String CARD =
            "studio('training', create: true) { start 'lit-h100-1'; exec 'nvidia-smi'; stop() }";
    private static final String SCRIPT = String.join("\n",
            "def wait = 30.minutes + 90.seconds",
            "log \"training ${wait}\"",
            "json([name: 'training', args: args])",
            "retry(2) { timeout(1.minutes) { parallel(['a', 'b']) { it.toUpperCase() } } }",
            "println env('HOME') != null");

    private StartupTraining() {
    }

    public static void main(String[] args) throws IOException {
        Path home = Files.createTempDirectory("lstudio-training-");
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        try {
            Map<String, String> env = new HashMap<>(System.getenv());
            env.keySet().removeIf(k -> k.startsWith("LIGHTNING_"));
            env.put("LSTUDIO_HOME", home.toString());
            env.put("HOME", home.toString());
            Path script = Files.writeString(home.resolve("training.groovy"), SCRIPT);
            quietly(() -> cli(env, sink, "--version"));
            quietly(() -> cli(env, sink, "--help"));
            for (int i = 0; i < 2; i++) { // a compile, then a cache hit
                quietly(() -> cli(env, sink, "run", script.toString(), "x"));
                quietly(() -> cli(env, sink, "--emulator", "-e", CARD));
            }
            // The one-word commands people run most: their classes belong in the archive too.
            quietly(() -> cli(env, sink, "--emulator", "studios", "--json"));
            quietly(() -> cli(env, sink, "--emulator", "status", "my-studio"));
            quietly(StartupTraining::client);
            quietly(() -> repl(env, sink));
        } finally {
            delete(home);
        }
        System.exit(0); // leftover non-daemon threads must not keep the recording JVM alive
    }

    private static void cli(Map<String, String> env, PrintStream sink, String... args) {
        Main.execute(args, InputStream.nullInputStream(), sink, sink, env);
    }

    /** The layers under the DSL, whether or not the DSL's studio verbs are there yet. */
    private static void client() {
        try (Emulator emulator = Emulator.builder().strict(true).startDelay(Duration.ZERO).stopDelay(Duration.ZERO).build().start();
             LightningClient client = LightningClient.create(LightningApi.create(ApiConfig.of(emulator.baseUrl(),
                     Credentials.of(emulator.userId(), emulator.apiKey()))), ClientOptions.defaults())) {
            Teamspace team = client.teamspaceOrDefault(null);
            Studio studio = client.createStudio(team, "training");
            studio.start("cpu-4");
            studio.exec("echo ok", text -> { });
            studio.stop();
            client.completionCache().studioNames(team);
            client.studios(team);
        }
    }

    /** {@code lstudio --emulator repl} with snippets typed at a dumb terminal: the REPL's own wiring, not just its core. */
    private static void repl(Map<String, String> env, PrintStream sink) {
        String typed = String.join("\n", "x = [1, 2, 3].collect { it * 2 }", "x.sum()",
                "s = studio('training', create: true)", "s.start 'cpu-4'", "s.exec 'echo ok'", "studios()",
                ":help start", ":studios", "s.stop()", "");
        Main.execute(new String[] {"--emulator", "repl"}, new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)),
                sink, sink, env);
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void quietly(Step step) {
        try {
            step.run();
        } catch (Exception | LinkageError e) {
            // Training only loads classes; a path that fails here fails the same way for users.
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder; the OS cleans it eventually
        }
    }
}
