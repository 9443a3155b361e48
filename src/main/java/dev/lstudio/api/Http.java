package dev.lstudio.api;

import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import retrofit2.Invocation;
import retrofit2.Retrofit;
import retrofit2.http.Streaming;

/**
 * Builds the HTTP stack. There is one OkHttpClient ({@link #BASE}); each configuration derives
 * from it with {@code newBuilder()}, which shares its connection pool and threads.
 * Interceptor order: retry outermost (so each retry re-runs auth), auth, then the debug log as
 * a network interceptor (so it shows each attempt with its real headers, redacted).
 */
final class Http {
    /** Pooled connections are closed before typical 60 s server idle limits, so POSTs rarely meet a dead one. */
    private static final OkHttpClient BASE = new OkHttpClient.Builder()
            .retryOnConnectionFailure(false)
            .connectionPool(new ConnectionPool(5, 30, TimeUnit.SECONDS))
            .build();

    private Http() {
    }

    static OkHttpClient client(ApiConfig config) {
        OkHttpClient.Builder builder = BASE.newBuilder()
                .connectTimeout(config.connectTimeout())
                .readTimeout(config.readTimeout())
                .writeTimeout(config.readTimeout())
                .addInterceptor(new RetryInterceptor(config.retry()))
                .addInterceptor(new AuthInterceptor(config.credentials()));
        if (config.debugLog() != null) {
            builder.addNetworkInterceptor(new DebugLogInterceptor(config.debugLog(), config.credentials()));
        }
        return builder.build();
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

    private static boolean isStreaming(okhttp3.Request request) {
        Invocation invocation = request.tag(Invocation.class);
        return invocation != null && invocation.method().isAnnotationPresent(Streaming.class);
    }
}
