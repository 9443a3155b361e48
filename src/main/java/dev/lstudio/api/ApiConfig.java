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
        String url = env.get(CLOUD_URL_VAR);
        HttpUrl base = parseUrl(url == null ? DEFAULT_URL : url, CLOUD_URL_VAR);
        Credentials credentials = Credentials.resolve(null, null, env, warnings);
        return of(base.toString(), credentials);
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
