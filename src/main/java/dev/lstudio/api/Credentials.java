package dev.lstudio.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A Lightning user id and API key. Found, in order, from explicit arguments, from
 * {@code LIGHTNING_USER_ID}/{@code LIGHTNING_API_KEY}, then from
 * {@code ~/.lightning/credentials.json} ({@code LIGHTNING_CREDENTIAL_PATH} overrides the path).
 * A source counts only when it has both values; a half-set source is an error rather than a
 * silent mix of two identities. The key never leaves this class except as the Authorization
 * header, and {@link #toString()} hides it.
 */
public final class Credentials {
    static final String USER_VAR = "LIGHTNING_USER_ID";
    static final String KEY_VAR = "LIGHTNING_API_KEY";
    static final String PATH_VAR = "LIGHTNING_CREDENTIAL_PATH";
    private static final String MASK = "****";

    private final String userId;
    private final String apiKey;
    private final String source;

    private Credentials(String userId, String apiKey, String source) {
        this.userId = userId;
        this.apiKey = apiKey;
        this.source = source;
    }

    /** Explicit credentials, e.g. from command-line options or for an emulator. */
    public static Credentials of(String userId, String apiKey) {
        if (blank(userId) || blank(apiKey)) {
            throw new ConfigException("give both a user id and an API key (or neither, to read "
                    + USER_VAR + "/" + KEY_VAR + " or the credentials file)");
        }
        return new Credentials(userId.trim(), apiKey.trim(), "arguments");
    }

    /**
     * Resolves credentials: the explicit pair when either is given, else the environment, else
     * the file. Warnings (a file others can read) go to {@code warnings}.
     */
    public static Credentials resolve(String userId, String apiKey, Environment env, Consumer<String> warnings) {
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(warnings, "warnings");
        if (!blank(userId) || !blank(apiKey)) {
            return of(userId, apiKey);
        }
        Path file = file(env);
        String envUser = env.get(USER_VAR);
        String envKey = env.get(KEY_VAR);
        if (envUser != null && envKey != null) {
            return new Credentials(envUser, envKey, "environment");
        }
        if (envUser != null || envKey != null) {
            String set = envUser != null ? USER_VAR : KEY_VAR;
            String unset = envUser != null ? KEY_VAR : USER_VAR;
            throw new ConfigException(set + " is set but " + unset + " is not: set both, or unset " + set
                    + " to use " + file);
        }
        if (!Files.exists(file)) {
            throw new ConfigException("no Lightning credentials: set " + USER_VAR + " and " + KEY_VAR
                    + ", or write {\"user_id\": \"...\", \"api_key\": \"...\"} to " + file
                    + " (" + PATH_VAR + " overrides that path)");
        }
        warnIfShared(file, warnings);
        return readFile(file);
    }

    /** The credentials file this environment points at. */
    public static Path file(Environment env) {
        String override = env.get(PATH_VAR);
        if (override == null) {
            return env.home().resolve(".lightning").resolve("credentials.json");
        }
        Path path = Path.of(override);
        return Files.isDirectory(path) ? path.resolve("credentials.json") : path;
    }

    /** A credentials file is a few hundred bytes; anything near this is not one. */
    private static final int MAX_FILE_BYTES = 64 * 1024;

    private static Credentials readFile(Path file) {
        // A device (/dev/zero) would be read for ever, a FIFO would block: only a file is opened.
        if (!Files.isRegularFile(file)) {
            throw unusable(file, "it is not a regular file (a device, a pipe or a folder)");
        }
        JsonNode root;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw unusable(file, "it is larger than " + MAX_FILE_BYTES / 1024 + " KiB");
            }
            root = Json.mapper().readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            // Jackson's own message may quote the file, which holds the key: report the place only
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw unusable(file, "it is not valid JSON" + where);
        } catch (IOException e) {
            throw unusable(file, "it cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (root == null || !root.isObject()) {
            throw unusable(file, "it is not a JSON object");
        }
        String user = text(root, "user_id", "userId");
        String key = text(root, "api_key", "apiKey");
        if (user == null || key == null) {
            throw unusable(file, "it has no " + (user == null ? "\"user_id\"" : "\"api_key\""));
        }
        return new Credentials(user, key, file.toString());
    }

    private static ConfigException unusable(Path file, String why) {
        return new ConfigException("credentials file " + file + " is unusable: " + why
                + "; it should hold {\"user_id\": \"...\", \"api_key\": \"...\"}, or set " + USER_VAR + " and " + KEY_VAR);
    }

    private static String text(JsonNode root, String name, String alias) {
        JsonNode node = root.hasNonNull(name) ? root.get(name) : root.get(alias);
        return node == null || !node.isValueNode() || node.asText().isBlank() ? null : node.asText().trim();
    }

    private static void warnIfShared(Path file, Consumer<String> warnings) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)) {
                warnings.accept("credentials file " + file + " can be read by other users; run: chmod 600 " + file);
            }
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: nothing to check
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public String userId() {
        return userId;
    }

    /** Where these came from: "arguments", "environment" or the file's path. */
    public String source() {
        return source;
    }

    /** The Authorization header value: Basic base64(userId:apiKey). */
    String authorization() {
        String pair = userId + ":" + apiKey;
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code text} with the key and the encoded header masked, for anything shown to a person. */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String token = token();
        return text.replace(token, MASK).replace(apiKey, MASK);
    }

    /**
     * How many of the last characters of {@code text} could be the start of the key or of the
     * encoded header: a stream that masks them holds that many back until its next piece shows
     * whether they are (a key split across two pieces of output is still masked).
     */
    public int partialAtEnd(CharSequence text) {
        String s = text.toString();
        return Math.max(partialAtEnd(s, apiKey), partialAtEnd(s, token()));
    }

    private static int partialAtEnd(String text, String secret) {
        for (int n = Math.min(text.length(), secret.length() - 1); n > 0; n--) {
            if (text.regionMatches(text.length() - n, secret, 0, n)) {
                return n;
            }
        }
        return 0;
    }

    private String token() {
        return authorization().substring("Basic ".length());
    }

    @Override
    public String toString() {
        return "Credentials[userId=" + userId + ", apiKey=" + MASK + ", source=" + source + "]";
    }
}
