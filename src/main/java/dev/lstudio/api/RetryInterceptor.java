package dev.lstudio.api;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import retrofit2.Invocation;

/**
 * Sends a request again after a connection failure or a 429/500/502/503/504, following
 * {@link HttpRetryPolicy}. Only endpoints marked {@link RetrySafe} are resent once the request
 * may have reached the server; the others are retried only when the connection could not be
 * opened at all (nothing was sent), or when the server refused them with 429 (rate limited:
 * refused before doing anything, so an execute sent again still runs once). OkHttp's own silent retry is switched off in {@link Http}
 * so that this is the only place that decides.
 */
final class RetryInterceptor implements Interceptor {
    private static final Set<Integer> RETRYABLE = Set.of(429, 500, 502, 503, 504);

    private final HttpRetryPolicy policy;

    RetryInterceptor(HttpRetryPolicy policy) {
        this.policy = policy;
    }

    static boolean retrySafe(Request request) {
        Invocation invocation = request.tag(Invocation.class);
        return invocation != null && invocation.method().isAnnotationPresent(RetrySafe.class);
    }

    /** Failures that happen before a single byte of the request could have been sent. */
    static boolean beforeSend(IOException e) {
        return e instanceof ConnectException || e instanceof UnknownHostException || e instanceof NoRouteToHostException;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        boolean safe = retrySafe(request);
        long start = policy.sleeper().nanoTime();
        for (int attempt = 1; ; attempt++) {
            Response response;
            try {
                response = chain.proceed(request);
            } catch (IOException e) {
                boolean retryable = (safe || beforeSend(e)) && !chain.call().isCanceled() && !callTimedOut(e);
                Duration delay = retryable ? nextDelay(attempt, start, null) : null;
                if (delay == null) {
                    throw e;
                }
                sleep(delay);
                continue;
            }
            if (attempt > 1 && response.code() == 404 && request.method().equals("DELETE")) {
                // A DELETE sent again finds nothing: an earlier send whose answer was lost deleted it
                // (or someone else did meanwhile); either way what the caller asked for is done.
                return deleted(response);
            }
            boolean retryable = safe ? RETRYABLE.contains(response.code()) : response.code() == 429;
            if (!retryable) {
                return response;
            }
            Duration delay = nextDelay(attempt, start, retryAfter(response.header("Retry-After")));
            if (delay == null) {
                return response;
            }
            response.close();
            sleep(delay);
        }
    }

    private static Response deleted(Response notFound) {
        notFound.close();
        return notFound.newBuilder().code(204).message("No Content")
                .body(ResponseBody.create(new byte[0], null)).build();
    }

    /** The wait before the next attempt, or null when attempts or time are used up. */
    private Duration nextDelay(int attempt, long start, Duration retryAfter) {
        if (attempt >= policy.maxAttempts()) {
            return null;
        }
        Duration delay = retryAfter != null ? retryAfter : policy.backoff().delay(attempt);
        return fitsBudget(start, delay) ? delay : null;
    }

    private void sleep(Duration delay) throws IOException {
        try {
            policy.sleeper().sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry");
        }
    }

    private boolean fitsBudget(long start, Duration delay) {
        long elapsed = policy.sleeper().nanoTime() - start;
        return elapsed + delay.toNanos() <= policy.totalBudget().toNanos();
    }

    /** OkHttp's call timeout is the caller's own deadline: retrying would overrun it. */
    private static boolean callTimedOut(IOException e) {
        return e instanceof InterruptedIOException && !(e instanceof java.net.SocketTimeoutException);
    }

    /** Retry-After as seconds or as an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }
}
