package dev.lstudio.api;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/** Adds Basic authentication and lstudio's User-Agent to every request. */
final class AuthInterceptor implements Interceptor {
    private final String authorization;

    AuthInterceptor(Credentials credentials) {
        this.authorization = credentials.authorization();
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        return chain.proceed(chain.request().newBuilder()
                .header("Authorization", authorization)
                .header("User-Agent", "lstudio/" + version())
                .build());
    }

    private static String version() {
        String v = AuthInterceptor.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String toString() {
        return "AuthInterceptor[Authorization=****]";
    }
}
