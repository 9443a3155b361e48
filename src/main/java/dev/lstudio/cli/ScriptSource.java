package dev.lstudio.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import javax.lang.model.SourceVersion;

/**
 * A script's text and names: {@code displayName} is what messages show (the path as typed,
 * {@code -e} or {@code <stdin>}), {@code className} is a valid class name derived from it,
 * {@code lockKey} is what {@code --lock} locks on and {@code lockName} what its messages call it.
 * A file is locked by what it is, not by the path typed: its file key (device and inode), so that
 * the same script through a symlinked folder or a hard link is still one script; its real path
 * where the file system has no keys.
 */
record ScriptSource(String displayName, String className, String text, String lockKey, String lockName) {
    static ScriptSource file(String typed, Path workingDir) throws IOException {
        Path path = workingDir.resolve(typed).toAbsolutePath().normalize();
        if (!Files.isRegularFile(path)) {
            throw new IOException("no such script file: " + typed);
        }
        Path real = path.toRealPath();
        Object fileKey = Files.readAttributes(real, BasicFileAttributes.class).fileKey();
        String text = Files.readString(real, StandardCharsets.UTF_8);
        return new ScriptSource(typed, classNameFor(path.getFileName().toString()), text,
                fileKey != null ? "file:" + fileKey : real.toString(), real.toString());
    }

    static ScriptSource stdin(InputStream in) throws IOException {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        return new ScriptSource("<stdin>", "StdinScript", text, "stdin:" + text.hashCode(), "<stdin>");
    }

    static ScriptSource inline(String code) {
        return new ScriptSource("-e", "CommandLineScript", code, "inline:" + code, "the same -e code");
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
