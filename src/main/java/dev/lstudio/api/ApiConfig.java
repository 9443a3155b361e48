package dev.lstudio.api;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import okhttp3.HttpUrl;

/**
 * Everything {@link LightningApi} needs: where the API is, who calls it, how to retry, and an
 * optional sink for HTTP debug lines (with the Authorization header redacted).
 * {@code streamIdleTimeout} is how long a command's output stream may stay silent before the
 * caller gives up on it (the client then polls instead).
 */
public record ApiConfig(
        HttpUrl baseUrl,
        Credentials credentials,
        HttpRetryPolicy retry,
        Duration connectTimeout,
        Duration readTimeout,
        Duration streamIdleTimeout,
        Consumer<String> debugLog) {

    public static final String CLOUD_URL_VAR = "LIGHTNING_CLOUD_URL";
    public static final String DEFAULT_URL = "https://lightning.ai";

    public ApiConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(streamIdleTimeout, "streamIdleTimeout");
    }

    /** Defaults for a base URL (a trailing '/' is added when missing) and credentials. */
    public static ApiConfig of(String baseUrl, Credentials credentials) {
        return new ApiConfig(parseUrl(baseUrl, "the base URL"), credentials, HttpRetryPolicy.defaults(),
                Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(60), null);
    }

    /**
     * Reads {@code LIGHTNING_CLOUD_URL} (default {@value #DEFAULT_URL}) and resolves credentials
     * from the environment or the credentials file; warnings go to {@code warnings}.
     */
    public static ApiConfig fromEnvironment(Environment env, Consumer<String> warnings) {
        String base = cloudUrl(env);
        Credentials credentials = Credentials.resolve(null, null, env, warnings);
        return of(base, credentials);
    }

    /**
     * The base URL {@code LIGHTNING_CLOUD_URL} names (default {@value #DEFAULT_URL}), checked
     * before any call: without a scheme, with a path after the host (lstudio adds {@code /v1/...}
     * itself), or not a URL at all, it is a {@link SettingException} that says the value to use.
     */
    public static String cloudUrl(Environment env) {
        String url = env.get(CLOUD_URL_VAR);
        if (url == null) {
            return DEFAULT_URL + "/";
        }
        String given = CLOUD_URL_VAR + "=" + url;
        if (!url.contains("://")) {
            HttpUrl guess = HttpUrl.parse(schemeFor(url) + "://" + url);
            // a host with a dot or a port (127.0.0.1:8765, lightning.ai) was meant as a URL; a word alone was not
            boolean hostLike = guess != null && (guess.host().contains(".") || guess.host().equals("localhost")
                    || url.matches("[^:/]+:\\d+(/.*)?"));
            if (hostLike) {
                throw new SettingException(given + " has no scheme: use " + origin(guess));
            }
            throw new SettingException(given + " is not a URL: use e.g. " + DEFAULT_URL);
        }
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null) {
            throw new SettingException(given + " is not an http(s) URL: use e.g. " + DEFAULT_URL);
        }
        if (!parsed.encodedPath().equals("/") || parsed.query() != null || parsed.fragment() != null) {
            throw new SettingException(given + " has a path after the host, but lstudio adds the API's paths (/v1/...)"
                    + " itself: use " + origin(parsed));
        }
        return parsed.toString();
    }

    /** A local address is most likely an emulator, which speaks plain http; anything else, https. */
    private static String schemeFor(String hostAndPort) {
        String host = hostAndPort.replaceFirst("[:/].*$", "");
        return host.equals("localhost") || host.startsWith("127.") ? "http" : "https";
    }

    /** scheme://host[:port], the port only when it is not the scheme's own. */
    private static String origin(HttpUrl url) {
        boolean defaultPort = url.port() == HttpUrl.defaultPort(url.scheme());
        return url.scheme() + "://" + url.host() + (defaultPort ? "" : ":" + url.port());
    }

    public ApiConfig withRetry(HttpRetryPolicy policy) {
        return new ApiConfig(baseUrl, credentials, policy, connectTimeout, readTimeout, streamIdleTimeout, debugLog);
    }

    public ApiConfig withTimeouts(Duration connect, Duration read, Duration streamIdle) {
        return new ApiConfig(baseUrl, credentials, retry, connect, read, streamIdle, debugLog);
    }

    /** Sends one line per request and per answer to {@code sink}; {@code null} turns it off. */
    public ApiConfig withDebugLog(Consumer<String> sink) {
        return new ApiConfig(baseUrl, credentials, retry, connectTimeout, readTimeout, streamIdleTimeout, sink);
    }

    private static HttpUrl parseUrl(String url, String what) {
        String withSlash = url != null && !url.endsWith("/") ? url + "/" : url;
        HttpUrl parsed = withSlash == null ? null : HttpUrl.parse(withSlash);
        if (parsed == null) {
            throw new ConfigException(what + " '" + url + "' is not an http(s) URL; use e.g. " + DEFAULT_URL);
        }
        return parsed;
    }

    @Override
    public String toString() {
        return "ApiConfig[baseUrl=" + baseUrl + ", credentials=" + credentials + ", retry=" + retry + "]";
    }
}
