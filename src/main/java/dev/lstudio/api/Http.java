package dev.lstudio.api;

import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import retrofit2.Invocation;
import retrofit2.Retrofit;
import retrofit2.http.Streaming;

/**
 * Builds the HTTP stack. Every client shares one connection pool and one dispatcher ({@link #POOL},
 * {@link #DISPATCHER}), so all configurations reuse the same connections and threads, and https
 * clients share one TLS set-up ({@link Tls#BASE}).
 * Interceptor order: retry outermost (so each retry re-runs auth), auth, then the debug log as
 * a network interceptor (so it shows each attempt with its real headers, redacted).
 * A client for a loopback http URL (the emulator) speaks cleartext only: OkHttp then skips loading
 * the platform's trust store, about 70 ms of every run's start-up (dsl-docs/performance.md).
 */
final class Http {
    /**
     * Pooled connections are closed before typical 60 s server idle limits, so POSTs rarely meet a
     * dead one; up to 16 stay idle, so a {@code parallel} fan-out does not reconnect each round.
     */
    private static final ConnectionPool POOL = new ConnectionPool(16, 30, TimeUnit.SECONDS);
    private static final Dispatcher DISPATCHER = new Dispatcher();

    private Http() {
    }

    /** Built on first https use: its TLS set-up is shared by every client derived from it. */
    private static final class Tls {
        static final OkHttpClient BASE = base().build();
    }

    private static OkHttpClient.Builder base() {
        return new OkHttpClient.Builder().retryOnConnectionFailure(false).connectionPool(POOL).dispatcher(DISPATCHER);
    }

    static OkHttpClient client(ApiConfig config) {
        OkHttpClient.Builder builder = loopbackHttp(config.baseUrl())
                ? base().connectionSpecs(List.of(ConnectionSpec.CLEARTEXT))
                : Tls.BASE.newBuilder();
        // A read timeout restarts with every byte, so an answer dripping a byte a second never ends
        // it: every call, its resends included, also ends by a deadline (streams set their own).
        builder.connectTimeout(config.connectTimeout())
                .readTimeout(config.readTimeout())
                .writeTimeout(config.readTimeout())
                .callTimeout(callDeadline(config))
                .addInterceptor(new RetryInterceptor(config.retry()))
                .addInterceptor(new AuthInterceptor(config.credentials()));
        if (config.debugLog() != null) {
            builder.addNetworkInterceptor(new DebugLogInterceptor(config.debugLog(), config.credentials()));
        }
        return builder.build();
    }

    /** The most one call may take, resends included: the retry budget, and one read timeout for the last answer. */
    static java.time.Duration callDeadline(ApiConfig config) {
        return config.retry().totalBudget().plus(config.readTimeout());
    }

    /** The Retrofit service; streamed endpoints get the stream's idle timeout instead of the read timeout. */
    static StudiosService service(ApiConfig config, OkHttpClient client) {
        OkHttpClient streaming = client.newBuilder().readTimeout(config.streamIdleTimeout()).build();
        return new Retrofit.Builder()
                .baseUrl(config.baseUrl())
                .callFactory(request -> (isStreaming(request) ? streaming : client).newCall(request))
                .addConverterFactory(new JsonConverterFactory())
                .validateEagerly(true)
                .build()
                .create(StudiosService.class);
    }

    /**
     * The artifacts routes: as {@link #service}, except that the streamed download open neither
     * follows redirects (the redirect's target is storage, which must not see the API's
     * credentials: {@link Storage} fetches it) nor has the call deadline (a large file takes minutes;
     * the read timeout still ends a stalled one).
     */
    static ArtifactsService artifacts(ApiConfig config, OkHttpClient client) {
        OkHttpClient open = client.newBuilder().followRedirects(false).followSslRedirects(false)
                .callTimeout(java.time.Duration.ZERO).build();
        return new Retrofit.Builder()
                .baseUrl(config.baseUrl())
                .callFactory(request -> (isStreaming(request) ? open : client).newCall(request))
                .addConverterFactory(new JsonConverterFactory())
                .validateEagerly(true)
                .build()
                .create(ArtifactsService.class);
    }

    /**
     * For presigned storage URLs: the same pool and dispatcher, without the auth interceptor (the URL
     * is its own credential; S3 refuses a request with two) and without the retry interceptor (a
     * failed part is re-signed and sent again by the client, which knows how), and without the call
     * deadline (1 GiB takes minutes; connect, read and write timeouts still apply). Its debug log
     * masks the URL's query, where the signature is.
     */
    static OkHttpClient storage(ApiConfig config, OkHttpClient client) {
        OkHttpClient.Builder builder = client.newBuilder().callTimeout(java.time.Duration.ZERO);
        builder.interceptors().clear();
        builder.networkInterceptors().clear();
        if (config.debugLog() != null) {
            builder.addNetworkInterceptor(new DebugLogInterceptor(config.debugLog(), config.credentials(), true));
        }
        return builder.build();
    }

    private static boolean loopbackHttp(HttpUrl url) {
        String host = url.host();
        return !url.isHttps() && (host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1"));
    }

    private static boolean isStreaming(okhttp3.Request request) {
        Invocation invocation = request.tag(Invocation.class);
        return invocation != null && invocation.method().isAnnotationPresent(Streaming.class);
    }
}
