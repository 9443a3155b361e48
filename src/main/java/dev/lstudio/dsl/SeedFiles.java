package dev.lstudio.dsl;

import dev.lstudio.client.NewStudio;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;

/**
 * What to create, from a verb's options: {@code displayName}, {@code cluster} and {@code files},
 * either a list of local files (copied in under the path as written, or the file name for an
 * absolute path) or a map of path in the studio to contents (a string, or a local File/Path).
 */
final class SeedFiles {
    private SeedFiles() {
    }

    static NewStudio spec(String verb, String name, Map<String, ?> options) {
        if (name == null || name.isBlank()) {
            throw new DslException(verb + ": give the studio's name, e.g. " + verb + "('my-studio')");
        }
        NewStudio spec = NewStudio.named(name.strip())
                .withDisplayName(Options.text(verb, options, "displayName", null))
                .withCluster(Options.text(verb, options, "cluster", null));
        Object files = options.get("files");
        if (files == null) {
            return spec;
        }
        if (files instanceof Map) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) files).entrySet()) {
                Object value = e.getValue();
                String contents = value instanceof File || value instanceof Path ? read(verb, path(value))
                        : String.valueOf(value);
                spec = spec.withSeedFile(String.valueOf(e.getKey()), contents);
            }
            return spec;
        }
        if (files instanceof Collection) {
            for (Object item : (Collection<?>) files) {
                Path local = path(item);
                String target = local.isAbsolute() ? local.getFileName().toString() : local.normalize().toString();
                spec = spec.withSeedFile(target, read(verb, local));
            }
            return spec;
        }
        throw new DslException(verb + ": files must be a list of local files, or a map of path to contents, got " + files);
    }

    private static Path path(Object item) {
        if (item instanceof Path) {
            return (Path) item;
        }
        if (item instanceof File) {
            return ((File) item).toPath();
        }
        return Path.of(String.valueOf(item));
    }

    private static String read(String verb, Path local) {
        try {
            return Files.readString(local, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DslException(verb + ": cannot read file '" + local + "' to copy into the studio ("
                    + e.getClass().getSimpleName() + "); files are read from this machine");
        }
    }
}
