package dev.lstudio.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.lang.model.SourceVersion;

/**
 * A script's text and names: {@code displayName} is what messages show (the path as typed,
 * {@code -e} or {@code <stdin>}), {@code className} is a valid class name derived from it,
 * and {@code lockKey} is what {@code --lock} locks on (the absolute path for a file).
 */
record ScriptSource(String displayName, String className, String text, String lockKey) {
    static ScriptSource file(String typed, Path workingDir) throws IOException {
        Path path = workingDir.resolve(typed).toAbsolutePath().normalize();
        if (!Files.isRegularFile(path)) {
            throw new IOException("no such script file: " + typed);
        }
        String text = Files.readString(path, StandardCharsets.UTF_8);
        return new ScriptSource(typed, classNameFor(path.getFileName().toString()), text, path.toString());
    }

    static ScriptSource stdin(InputStream in) throws IOException {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        return new ScriptSource("<stdin>", "StdinScript", text, "stdin:" + text.hashCode());
    }

    static ScriptSource inline(String code) {
        return new ScriptSource("-e", "CommandLineScript", code, "inline:" + code);
    }

    /** {@code nightly-job.groovy} becomes {@code nightly_job}; names Java rejects get a prefix. */
    static String classNameFor(String fileName) {
        String base = fileName.endsWith(".groovy") ? fileName.substring(0, fileName.length() - 7) : fileName;
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < base.length(); i++) {
            char c = base.charAt(i);
            name.append(Character.isJavaIdentifierPart(c) ? c : '_');
        }
        String candidate = name.toString();
        if (!SourceVersion.isName(candidate)) {
            return "Script_" + candidate;
        }
        return candidate;
    }
}
