package dev.lstudio.dsl;

import dev.lstudio.client.PrivateFiles;
import groovy.lang.GroovySystem;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Compiled scripts on disk, keyed by a hash of the script's text and class name and of what
 * the bytes depend on (lstudio's version, Groovy's version, the script base class and the
 * compile-time check), so that a
 * cron job that runs the same file every hour compiles it once. A hit only reads bytes: the
 * compiler supplier is not called. A damaged entry is ignored and rewritten.
 */
public final class ScriptCache {
    private static final String SUFFIX = ".classes";
    private static final Duration UNUSED_LIMIT = Duration.ofDays(30);

    private final Path dir;
    private final String fingerprint;

    private ScriptCache(Path dir, String fingerprint) {
        this.dir = dir;
        this.fingerprint = fingerprint;
    }

    /** A cache in {@code dir} for this lstudio {@code version}. */
    public static ScriptCache at(Path dir, String version) {
        Objects.requireNonNull(dir, "dir");
        return new ScriptCache(dir, version + "\n" + GroovySystem.getVersion() + "\n" + compilerHash());
    }

    /** What a lookup found: the script, whether it came from the cache, and the entry's file. */
    public record Lookup(CompiledScript script, boolean hit, Path file) {
    }

    public Lookup load(String className, String text, Supplier<ScriptCompiler> compiler) {
        Path file = dir.resolve(key(className, text) + SUFFIX);
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                CompiledScript script = CompiledScript.readFrom(in);
                touch(file);
                return new Lookup(script, true, file);
            } catch (IOException e) {
                // Damaged or from an older format: fall through and rewrite it.
            }
        }
        CompiledScript script = compiler.get().compile(className, text);
        store(file, script);
        return new Lookup(script, false, file);
    }

    String key(String className, String text) {
        return sha256(fingerprint + "\n" + className + "\n" + text);
    }

    private void store(Path file, CompiledScript script) {
        try {
            PrivateFiles.directories(dir);
            Path temp = Files.createTempFile(dir, "entry", ".tmp");
            try (OutputStream out = Files.newOutputStream(temp)) {
                script.writeTo(out);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            pruneUnused();
        } catch (IOException e) {
            // A read-only or full disk must not fail the run; the next run compiles again.
        }
    }

    private void pruneUnused() throws IOException {
        Instant limit = Instant.now().minus(UNUSED_LIMIT);
        try (Stream<Path> entries = Files.list(dir)) {
            entries.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).forEach(p -> {
                try {
                    if (Files.getLastModifiedTime(p).toInstant().isBefore(limit)) {
                        Files.deleteIfExists(p);
                    }
                } catch (IOException e) {
                    // Another run may be pruning the same entry.
                }
            });
        }
    }

    private static void touch(Path file) {
        try {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
        } catch (IOException e) {
            // Only pruning reads the time; a read-only cache still serves hits.
        }
    }

    /**
     * The base class and the compile-time check: a script cached before the check changed (a dev
     * build keeps its version) must be compiled, and so checked, again.
     */
    private static String compilerHash() {
        StringBuilder hashes = new StringBuilder();
        // Read as resources by name: a cache hit need not load the check's classes.
        for (String type : List.of("LstudioScript", "CallCheck", "OptionCheck")) {
            try (InputStream in = ScriptCache.class.getResourceAsStream(type + ".class")) {
                hashes.append(in == null ? "unknown" : sha256(in.readAllBytes())).append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return hashes.toString();
    }

    private static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
