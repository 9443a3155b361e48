package dev.lstudio.api;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * One line per request and per answer, with headers, as sent on the wire (it runs as a
 * network interceptor, so every retry shows). Secret headers are masked, so is the query of a
 * presigned URL (a redirect's Location, and every URL of the storage client), and bodies are only
 * measured, never printed: they carry environment variables and command output.
 */
final class DebugLogInterceptor implements Interceptor {
    private static final Set<String> SECRET = Set.of("authorization", "proxy-authorization", "cookie", "set-cookie");

    private final Consumer<String> sink;
    private final Credentials credentials;
    private final boolean maskQuery;

    DebugLogInterceptor(Consumer<String> sink, Credentials credentials) {
        this(sink, credentials, false);
    }

    /** {@code maskQuery}: the URLs are presigned (storage), their query is the signature. */
    DebugLogInterceptor(Consumer<String> sink, Credentials credentials, boolean maskQuery) {
        this.sink = sink;
        this.credentials = credentials;
        this.maskQuery = maskQuery;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        RequestBody body = request.body();
        String size = body == null ? "" : " (" + body.contentLength() + "-byte body)";
        String url = maskQuery ? StorageUrls.redact(request.url().toString()) : request.url().toString();
        emit("--> " + request.method() + " " + url + size + headers(request.headers()));
        long start = System.nanoTime();
        Response response;
        try {
            response = chain.proceed(request);
        } catch (IOException e) {
            emit("<-- " + request.method() + " " + url + " failed: " + StorageUrls.scrub(String.valueOf(e)));
            throw e;
        }
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        emit("<-- " + response.code() + " " + request.method() + " " + url + " (" + ms + " ms)"
                + headers(response.headers()));
        return response;
    }

    private void emit(String line) {
        sink.accept(credentials.redact(line));
    }

    private static String headers(Headers headers) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.name(i);
            String lower = name.toLowerCase(Locale.ROOT);
            // a download's redirect names the presigned URL: its signature is masked like a header secret
            String value = SECRET.contains(lower) ? "****"
                    : lower.equals("location") ? StorageUrls.redact(headers.value(i)) : headers.value(i);
            out.append(out.length() == 0 ? " [" : "; ").append(name).append(": ").append(value);
        }
        return out.length() == 0 ? "" : out.append(']').toString();
    }
}
